// Who is signed in: a bearer token kept for this tab only (sessionStorage), from a dev token the
// person pastes or a `#token=` link, or from OpenID Connect (authorization code + PKCE).
import type { UserManager } from "oidc-client-ts";

const KEY = "lms.learn.token";

export interface OidcConfig {
  authority: string;
  client_id: string;
  scope?: string;
}
export interface AppConfig {
  /** The gateway's origin when the app is hosted elsewhere (CORS); "" or absent: this origin. */
  api?: string;
  oidc: OidcConfig | null;
}

let manager: UserManager | null = null;

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** The claims of the token (for the name on the page only: the API checks the token itself). */
export function claims(): { sub?: string; name?: string; roles?: string[]; exp?: number } {
  const token = currentToken();
  try {
    const payload = token?.split(".")[1] ?? "";
    return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return {};
  }
}

/** A `#token=` link (as `make run` prints) signs in and leaves the address bar without it. */
export function takeTokenFromLink(): void {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match) return;
  signIn(decodeURIComponent(match[1]));
  history.replaceState(null, "", `${location.pathname}${location.search}#/`);
}

/** The app's settings, served beside it by the gateway (`/learn/config.json`). */
export async function loadConfig(): Promise<AppConfig> {
  try {
    const response = await fetch(new URL("config.json", document.baseURI), { cache: "no-store" });
    return response.ok ? ((await response.json()) as AppConfig) : { oidc: null };
  } catch {
    return { oidc: null };
  }
}

async function oidc(config: OidcConfig): Promise<UserManager> {
  if (manager) return manager;
  const { UserManager, WebStorageStateStore } = await import("oidc-client-ts");
  const base = new URL(document.baseURI);
  manager = new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    scope: config.scope ?? "openid profile",
    redirect_uri: new URL("?signed-in", base).href,
    response_type: "code",
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  return manager;
}

/** Send the person to the identity provider (authorization code flow with PKCE). */
export async function startOidc(config: OidcConfig): Promise<void> {
  await (await oidc(config)).signinRedirect();
}

/** Back from the identity provider: swap the code for tokens; the access token is our bearer. */
export async function finishOidc(config: AppConfig): Promise<boolean> {
  if (!config.oidc || !new URLSearchParams(location.search).has("code")) return false;
  const user = await (await oidc(config.oidc)).signinRedirectCallback();
  signIn(user.access_token);
  history.replaceState(null, "", `${location.pathname.replace(/\?.*$/, "")}#/`);
  return true;
}
