// A certificate and its public verification: anyone with the code may check it, signed in or not.
import { anonymous, call } from "../api";
import { h, show, showError } from "../dom";

export async function certificatePage(code: string): Promise<void> {
  try {
    const certificate = await call(anonymous.GET("/api/v1/certificates/{code}", { params: { path: { code } } }));
    const when = certificate.completed_at ? new Date(certificate.completed_at).toLocaleDateString(undefined, { dateStyle: "long" }) : "";
    show(
      "Certificate",
      h(
        "section",
        { class: certificate.expired ? "certificate expired" : "certificate" },
        h("p", { class: "verified" }, certificate.expired ? "This certificate has expired." : "✓ This certificate is valid."),
        h("p", { class: "name" }, certificate.name ?? ""),
        h("p", {}, `completed “${certificate.course}” (version ${certificate.course_version}) on ${when}.`),
        h("p", { class: "meta" }, `Code: ${certificate.code}`),
      ),
      h("p", {}, "Anyone can check this certificate at this address."),
    );
  } catch (error) {
    showError("Certificate not verified", (error as Error).message, verifyForm());
  }
}

export function verifyPage(): void {
  show("Verify a certificate", h("p", {}, "Enter the code printed on the certificate."), verifyForm());
}

function verifyForm(): HTMLElement {
  return h(
    "form",
    {
      class: "search",
      onsubmit: (event: Event) => {
        event.preventDefault();
        const code = new FormData(event.target as HTMLFormElement).get("code")?.toString().trim();
        if (code) location.hash = `#/certificates/${encodeURIComponent(code)}`;
      },
    },
    h("label", { for: "code" }, "Certificate code"),
    h("input", { id: "code", name: "code", required: true, autocomplete: "off" }),
    h("button", { type: "submit" }, "Verify"),
  );
}
