"""An xAPI request as the views read it: method, parameters, headers and body, version checked.

xAPI 1.0.3 lets a client that cannot send arbitrary methods or headers POST a form instead
(the Alternate Request Syntax, Communication 1.3): `?method=PUT` and nothing else in the query;
the form carries the parameters, the headers (`Authorization`, `X-Experience-API-Version`,
`Content-Type`, `Content-Length`, `If-Match`, `If-None-Match`) and the body as `content`.
xAPI 2.0 removed it, so a 2.0 request carrying `method` is refused like any unknown parameter.
(`Authorization` is the gateway's: it authenticates the form's credentials and sends its own.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from flask import g, request

from lms.records.domain import versions
from lms.records.domain.errors import Invalid

FORM = "application/x-www-form-urlencoded"
FORM_HEADERS = (
    "Authorization",
    "X-Experience-API-Version",
    "Content-Type",
    "Content-Length",
    "If-Match",
    "If-None-Match",
)
ALTERNATE_METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")


@dataclass(frozen=True)
class XapiRequest:
    method: str  # HEAD is read as GET
    params: dict[str, list[str]]
    headers: dict[str, str]  # names in lower case
    body: bytes
    version: str = versions.LATEST
    alternate: bool = field(default=False)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def content_type(self) -> str:
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()


def current(*, versioned: bool = True) -> XapiRequest:
    """This request, its alternate syntax unfolded, its version checked (unless `versioned` is False)."""
    if "xapi_request" not in g:
        g.xapi_request = _read(versioned)
    return g.xapi_request


def answered_version() -> str:
    """The version the response names: the request's, or the latest when it named none."""
    return g.get("xapi_version") or versions.spoken(request.headers.get(versions.HEADER)) or versions.LATEST


def _read(versioned: bool) -> XapiRequest:
    query = parse_qs(request.query_string.decode("utf-8", "replace"), keep_blank_values=True)
    headers = {name.lower(): value for name, value in request.headers.items()}
    method = "GET" if request.method == "HEAD" else request.method
    body = request.get_data(cache=True)
    alternate = request.method == "POST" and "method" in query
    if alternate:
        method, query, headers, body = _unfold(query, headers, body)
    version = versions.spoken(headers.get("x-experience-api-version"))
    if version is not None:
        g.xapi_version = version
    if versioned and version is None:
        raise Invalid("Send X-Experience-API-Version: 1.0.3 or 2.0.0 (this LRS speaks both).")
    if alternate and version == versions.V2:
        raise Invalid("xAPI 2.0 has no alternate request syntax: send the method and headers themselves.")
    return XapiRequest(method, query, headers, body, version or versions.LATEST, alternate)


def _unfold(
    query: dict[str, list[str]], headers: dict[str, str], body: bytes
) -> tuple[str, dict[str, list[str]], dict[str, str], bytes]:
    if set(query) != {"method"} or len(query["method"]) != 1:
        raise Invalid(
            "An alternate-syntax request has only `method` in its query: the rest goes in the form."
        )
    method = query["method"][0]
    if method not in ALTERNATE_METHODS:
        raise Invalid(f"method must be one of {', '.join(ALTERNATE_METHODS)}.")
    if (headers.get("content-type") or "").split(";")[0].strip().lower() != FORM:
        raise Invalid(f"An alternate-syntax request is a form ({FORM}).")
    form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    folded = {k.lower(): v[-1] for k, v in form.items() if k in FORM_HEADERS}
    content = form.get("content", [""])[-1].encode()
    params = {k: v for k, v in form.items() if k not in FORM_HEADERS and k != "content"}
    inner = {**{k: v for k, v in headers.items() if k != "content-type"}, **folded}
    if content and "content-type" not in inner:
        inner["content-type"] = "application/json"
    return method, params, inner, content
