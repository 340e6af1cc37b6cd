"""The test clock moves as told; the API client signs each call in as the subject and roles named."""

from __future__ import annotations

from datetime import UTC, datetime

import jwt
from flask import Flask, Response, request

from lms.kit.config import JwtSettings
from lms.testing.clients import ApiClient, Clock

JWT = JwtSettings(secret="clients-unit-secret-0123456789abcdef")


def test_the_clock_moves_by_seconds_or_by_any_timedelta_unit():
    clock = Clock(datetime(2030, 1, 1, tzinfo=UTC))
    clock.advance(5)
    clock.advance(days=1, seconds=1)
    assert clock() == datetime(2030, 1, 2, 0, 0, 6, tzinfo=UTC)


def test_each_call_carries_a_token_for_who_and_the_json_replies_are_kept():
    app = Flask("echo")

    @app.route("/api/v1/me", methods=["GET", "PATCH"])
    def me() -> dict:
        token = request.headers["Authorization"].removeprefix("Bearer ")
        claims = jwt.decode(token, JWT.secret, algorithms=["HS256"], options={"verify_aud": False})
        return {"sub": claims["sub"], "roles": claims["roles"], "trace": request.headers.get("X-Trace")}

    api = ApiClient(app, JWT)
    reply = api.patch("/me", ("ann", "learner", "hr"), headers={"X-Trace": "t1"})
    assert reply.get_json() == {"sub": "ann", "roles": ["learner", "hr"], "trace": "t1"}
    assert api.replies == [("PATCH", "/me", reply.get_json())]


def test_an_empty_reply_that_names_json_is_returned_and_not_kept():
    app = Flask("empty")
    app.add_url_rule("/api/v1/x", "x", lambda: Response(status=204, mimetype="application/json"))
    api = ApiClient(app, JWT)
    assert api.get("/x", ("ann", "learner")).status_code == 204
    assert api.replies == []
