"""What the views share: the service context, idempotency keys, and a use case's outcome as a reply.

Refusals (`domain.errors`) need nothing here: the kit's web layer turns them into problems.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, current_app, request

from lms.assessment.service.context import Context
from lms.assessment.service.idempotency import IdempotencyKey, Outcome
from lms.kit.web import Problem

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,200}$")


def context() -> Context:
    return current_app.extensions["lms.assessment"]


def idempotency_key(body: Any) -> IdempotencyKey | None:
    """The request's `Idempotency-Key` bound to its method, path and body (None when absent)."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not KEY_PATTERN.match(key):
        raise Problem(
            422,
            "Idempotency-Key must be 1-200 visible ASCII characters.",
            errors={"Idempotency-Key": ["invalid"]},
        )
    return IdempotencyKey.of(key, request.method, request.path, body)


def answer(outcome: Outcome) -> tuple[dict[str, Any], int, dict[str, str]]:
    """201 when the use case created something (a replay too: it repeats that reply), else 200;
    a replay says so in `Idempotent-Replayed`."""
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
    return outcome.body, 201 if outcome.created else 200, headers


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.assessment"] = ctx
