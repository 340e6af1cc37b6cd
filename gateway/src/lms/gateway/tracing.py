"""The request id: the gateway makes a fresh one for every request.

A client's own `X-Request-ID` is never used as the id (it could collide with, or forge,
another request's trail); it is logged once, as the field `client_request_id`, beside ours.
"""

from __future__ import annotations

import logging
import uuid

from flask import g, request

from lms.kit import context

MAX_CLIENT_ID = 128
log = logging.getLogger("lms.gateway.requests")


def assign_request_id() -> None:
    """before_request (first of the gateway's): our id; the client's value only as a log field."""
    g.request_id = uuid.uuid4().hex
    context.request_id.set(g.request_id)
    sent = request.headers.get("X-Request-ID")
    if sent:
        g.client_request_id = sent[:MAX_CLIENT_ID]
        context.client_request_id.set(g.client_request_id)
        log.info("the client sent its own X-Request-ID")


def forget_client_request_id(_exc: BaseException | None = None) -> None:
    """teardown_request: the next request on this thread starts clean."""
    context.client_request_id.set(None)
