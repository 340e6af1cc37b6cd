import "./style.css";
// The reference learner app: a hash router over the views, sign-in first, errors shown as sentences.
import { useApi } from "./api";
import { errorBox, h, loaded, loading, show, showError } from "./dom";
import { claims, currentToken, finishOidc, loadConfig, signOut, takeTokenFromLink, type AppConfig } from "./session";
import { catalogue } from "./views/catalogue";
import { certificatePage, verifyPage } from "./views/certificate";
import { coursePage } from "./views/course";
import { lessonPage } from "./views/lesson";
import { progressPage } from "./views/progress";
import { quizPage } from "./views/quiz";
import { signInPage } from "./views/signin";

type Route = [RegExp, (match: string[], query: URLSearchParams) => Promise<void> | void, { public?: boolean }?];

let config: AppConfig = { oidc: null };

const routes: Route[] = [
  [/^\/?$/, (_, q) => catalogue(q)],
  [/^\/courses\/([^/]+)$/, ([, id], q) => coursePage(id, q)],
  [/^\/courses\/([^/]+)\/lessons\/([^/]+)$/, ([, course, lesson]) => lessonPage(course, lesson)],
  [/^\/quiz\/([^/]+)$/, ([, id], q) => quizPage(id, q, false)],
  [/^\/diagnostic\/([^/]+)$/, ([, id], q) => quizPage(id, q, true)],
  [/^\/progress$/, (_, q) => progressPage(q)],
  [/^\/certificates\/([^/]+)$/, ([, code]) => certificatePage(decodeURIComponent(code)), { public: true }],
  [/^\/verify$/, () => verifyPage(), { public: true }],
  [/^\/signin$/, () => signInPage(config, "#/"), { public: true }],
];

async function route(): Promise<void> {
  const [path, search = ""] = location.hash.replace(/^#/, "").split("?");
  const query = new URLSearchParams(search);
  const found = routes.map(([pattern, view, options]) => ({ match: pattern.exec(path), view, options })).find((r) => r.match);
  showWho();
  if (!found) return showError("Page not found", "There is no page at this address.", h("a", { href: "#/" }, "Go to the catalogue"));
  if (!found.options?.public && !currentToken()) return signInPage(config, location.hash);
  loading();
  try {
    await found.view(found.match!, query);
  } catch (error) {
    const message = (error as Error).message || "Something went wrong.";
    if (!currentToken()) return signInPage(config, location.hash);
    showError("That did not work", message, h("p", {}, h("a", { href: "#/" }, "Back to the catalogue")));
  } finally {
    loaded();
  }
}

function showWho(): void {
  const who = document.getElementById("who") as HTMLElement;
  if (!currentToken()) return who.replaceChildren(h("a", { href: "#/signin" }, "Sign in"));
  const { name, sub } = claims();
  const out = h("button", { type: "button", class: "link" }, "Sign out");
  out.addEventListener("click", () => {
    signOut();
    location.hash = "#/signin";
  });
  who.replaceChildren(h("span", {}, name || sub || "Signed in"), " ", out);
}

async function start(): Promise<void> {
  takeTokenFromLink();
  config = await loadConfig();
  if (config.api) useApi(config.api.replace(/\/$/, ""));
  try {
    await finishOidc(config);
  } catch (error) {
    show("Sign in", errorBox(`Signing in with your organisation failed: ${(error as Error).message}`));
  }
  window.addEventListener("hashchange", () => void route());
  await route();
}

void start();
