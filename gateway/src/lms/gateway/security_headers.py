"""Headers every reply of the gateway carries, whoever wrote its body.

- `X-Content-Type-Options: nosniff` on every reply: a browser never guesses a script or a page
  out of a JSON, CSV or problem body.
- HTML pages (the API browser `/docs`, the leader dashboard, any page a service serves): a
  Content-Security-Policy with `frame-ancestors 'none'` (no framing, so no clickjacking),
  `base-uri 'none'` (no `<base>` redirecting relative scripts) and `form-action 'self'`. They
  are set in the page's own policy, whose other rules (what the page needs to work) stay as
  they are; a page without a policy gets these three.
- `Strict-Transport-Security` when the gateway is reached over https: its public URL
  (`LMS_PUBLIC_URL`) is https, or the request came over https (its own TLS, or a trusted
  proxy's `X-Forwarded-Proto` with `LMS_GATEWAY_PROXY_HOPS`).
"""

from __future__ import annotations

from flask import Response, request

PAGE_RULES = {"frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'self'"}
HSTS = "max-age=31536000; includeSubDomains"


class SecurityHeaders:
    """after_request `decorate`: nosniff, the page policy on HTML, HSTS over https."""

    def __init__(self, public_url: str | None) -> None:
        self.https = (public_url or "").lower().startswith("https://")

    def decorate(self, response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = page_policy(
                response.headers.get("Content-Security-Policy")
            )
        if self.https or request.is_secure:
            response.headers["Strict-Transport-Security"] = HSTS
        return response


def page_policy(policy: str | None) -> str:
    """`policy` with the page rules set (replacing any weaker value of the same directives)."""
    kept = [
        directive.strip()
        for directive in (policy or "").split(";")
        if directive.strip() and directive.split()[0].lower() not in PAGE_RULES
    ]
    return "; ".join([*kept, *(f"{name} {value}" for name, value in PAGE_RULES.items())])
