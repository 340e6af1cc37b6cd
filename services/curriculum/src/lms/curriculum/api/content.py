"""`/content/<package>/<path>`: the files of imported cmi5 packages, never run as the API's origin.

Every answer carries `Content-Security-Policy: sandbox ...` without `allow-same-origin`, so an
AU's pages and scripts run in an opaque origin of their own, wherever they are served from:
they cannot read the API origin's storage or call it with the learner's cookies (it has none),
and they reach the record store only with the token their launch gave them (decision 0096).
Types come from file names, are never sniffed, and a type the browser would not show inline is
served as a download. Package keys are random and their files never change.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app

from lms.curriculum.service.cmi5_packages import media_type
from lms.curriculum.service.content_store import ContentStore
from lms.kit.web import Problem

blp = Blueprint("content", __name__)
PACKAGE = re.compile(r"^[0-9a-f]{32}$")
SANDBOX = (
    "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals "
    "allow-downloads allow-presentation"
)
HEADERS = {
    "Content-Security-Policy": SANDBOX,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a launch URL carries the fetch URL: never pass it on
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Access-Control-Allow-Origin": "*",  # the AU's own origin is opaque: its reads of its files are CORS
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cache-Control": "public, max-age=86400, immutable",
}
INLINE = ("text/", "image/", "audio/", "video/", "font/", "application/javascript", "application/json",
          "application/xml", "application/pdf", "application/wasm")  # fmt: skip


@blp.route("/content/<package>/<path:path>", methods=["GET"])
def content(package: str, path: str) -> Response:
    """A file of an imported package, with the headers that keep it in its sandbox."""
    store: ContentStore = current_app.extensions["lms.content"]
    found = store.get(f"{package}/{path}") if PACKAGE.match(package) and ".." not in path.split("/") else None
    if found is None:
        raise Problem(404, "No such file in any imported package.")
    kind = media_type(path)
    headers = {**HEADERS, "Content-Length": str(found.length)}
    if not kind.startswith(INLINE):
        headers["Content-Disposition"] = "attachment"
    return Response(found.chunks, headers=headers, content_type=kind, direct_passthrough=True)
