"""The learning record store's edge: what /xapi needs before and after the usual gateway work.

xAPI clients authenticate with HTTP Basic: the user is an API key's public prefix
(`key_prefix`) and the password is the key itself. A request must name its xAPI version
(`X-Experience-API-Version`), which is checked before the credentials (a request without it
is refused 400 even when it carries none; /xapi/about needs neither). A client using xAPI
1.0.3's alternate request syntax sends its headers as form fields, credentials included, so
they are read from the form. Every answer under /xapi names the version it speaks.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import parse_qs

from flask import Response, g, request

from lms.gateway.apikeys.store import public_prefix
from lms.kit.web import Problem

PREFIX = "/xapi"
PUBLIC = frozenset({"/xapi/about"})
HEADER = "X-Experience-API-Version"
VERSION = re.compile(r"^(1|2)\.0(?:\.\d+)?$")
ANSWERED = {"1": "1.0.3", "2": "2.0.0"}
LATEST = "2.0.0"
FORM = "application/x-www-form-urlencoded"
BASIC = {"WWW-Authenticate": 'Basic realm="lms-xapi"'}
SESSION_USER = "cmi5s."


def under(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def check() -> None:
    """before_request: unfold an alternate-syntax form's headers, then require a supported version."""
    if not under(request.path):
        return
    form = _alternate_form()
    version = form.get(HEADER, request.headers.get(HEADER))
    match = VERSION.match((version or "").strip())
    g.xapi_version = ANSWERED[match.group(1)] if match else LATEST
    if match is None and request.path not in PUBLIC:
        raise Problem(400, "Send X-Experience-API-Version: 1.0.3 or 2.0.0 (this LRS speaks both).")
    if "Authorization" in form:
        request.environ["HTTP_AUTHORIZATION"] = form["Authorization"]


def session_user() -> str | None:
    """The user of HTTP Basic credentials that are a cmi5 launch session's token (`cmi5s.<id>`), else None.

    The record store keeps the sessions and checks the token (decision 0097); here it is only
    recognised, so that it is forwarded as sent and rate-limited per session."""
    scheme, _, encoded = request.environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")[0]
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user if user.startswith(SESSION_USER) and len(user) < 100 else None


def basic_key() -> str | None:
    """The API key of HTTP Basic credentials (user: the key's prefix, password: the key), or a 401."""
    scheme, _, encoded = request.environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, colon, key = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise Problem(
            401, "The Basic credentials are not base64 of 'user:password'.", headers=BASIC
        ) from None
    if not colon or not key or user != public_prefix(key):
        raise Problem(401, "Basic credentials are an API key's prefix and the key itself.", headers=BASIC)
    return key


def decorate(response: Response) -> Response:
    """after_request: every answer under /xapi names its xAPI version; a 401 offers Basic."""
    if under(request.path):
        response.headers.setdefault(HEADER, g.get("xapi_version", LATEST))
        if response.status_code == 401:
            response.headers["WWW-Authenticate"] = BASIC["WWW-Authenticate"]
    return response


def _alternate_form() -> dict[str, str]:
    """The header fields of an alternate-syntax request (`POST ...?method=X`, a form), else nothing."""
    if request.method != "POST" or "method" not in request.args:
        return {}
    if (request.mimetype or "") != FORM:
        return {}
    form = parse_qs(request.get_data(cache=True).decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[-1] for name, values in form.items() if name in (HEADER, "Authorization")}
