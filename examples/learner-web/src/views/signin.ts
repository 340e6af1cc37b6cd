// Sign in: with the organisation's identity provider when one is configured, or with a token.
import { errorBox, h, show } from "../dom";
import { type AppConfig, signIn, startOidc } from "../session";

export function signInPage(config: AppConfig, then: string): void {
  const form = h(
    "form",
    { class: "signin" },
    h("label", { for: "token" }, "Access token"),
    h(
      "p",
      { class: "hint", id: "token-hint" },
      "Paste the learner token ",
      h("code", {}, "make run"),
      " printed (or one from ",
      h("code", {}, "make token SUB=you"),
      ").",
    ),
    h("textarea", { id: "token", name: "token", rows: "3", required: true, "aria-describedby": "token-hint", spellcheck: "false" }),
    h("button", { class: "primary", type: "submit" }, "Sign in"),
  );
  const message = h("div", {});
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = new FormData(form).get("token")?.toString().trim() ?? "";
    if (token.split(".").length !== 3) {
      message.replaceChildren(errorBox("That does not look like a token: it has three parts separated by dots."));
      return;
    }
    signIn(token);
    location.hash = then || "#/";
  });
  const oidc = config.oidc;
  const organisation = oidc
    ? h("button", { class: "primary", type: "button", onclick: () => void startOidc(oidc) }, "Sign in with your organisation")
    : null;
  show(
    "Sign in",
    h("p", { class: "lead" }, "Sign in to take courses, follow your progress and get certificates."),
    organisation,
    organisation ? h("p", { class: "or" }, "or") : null,
    form,
    message,
    h("p", {}, h("a", { href: "#/verify" }, "Verify a certificate without signing in")),
  );
}
