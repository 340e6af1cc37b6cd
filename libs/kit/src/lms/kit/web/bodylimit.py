"""The body limit (`MAX_CONTENT_LENGTH`), enforced before anything reads a body.

A declared `Content-Length` over the limit is refused at once. A chunked body has no length to
check, and werkzeug's own limit only stops reading at it: whoever reads first gets the body cut
off there without a word (and the next reader, the rest). Such a body is read here instead, one
byte past the limit: over it, 413; within it, it is kept in memory with its length set, so every
later reader (views, the JSON checks, the gateway's proxy) sees an ordinary sized request.
"""

from __future__ import annotations

import io

from flask import current_app, request

from lms.kit.web.problems import Problem


def bound_body() -> None:
    """A `before_request` hook, the first that may touch the body: 413 past the limit."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit is None:
        return
    length = request.content_length
    if length is not None:
        if length > limit:
            raise too_large(limit)
        return
    environ = request.environ
    if not _streamed(environ):
        return
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise too_large(limit)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    request.__dict__.pop("content_length", None)  # werkzeug caches the header's absence
    request.__dict__.pop("stream", None)


def too_large(limit: int) -> Problem:
    return Problem(413, f"The request body is larger than {limit} bytes.")


def _streamed(environ: dict) -> bool:
    """A body of unknown length that the server ends for us (gunicorn decodes chunked bodies)."""
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    return chunked and bool(environ.get("wsgi.input_terminated"))
