"""What every service (and the gateway) does with a request body before a view reads it: a body
over the limit is refused whole, chunked or not, and JSON nested past the limit is a 400, however
the view parses it."""

from __future__ import annotations

import io

import marshmallow as ma
import pytest
from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.config import JwtSettings, Settings
from lms.kit.web import create_app
from lms.kit.web.jsonbody import MAX_JSON_DEPTH

JWT = JwtSettings(secret="unit-test-secret-unit-test-secret!")
LIMIT = 128 * 1024  # room for 50,000 brackets and their closers

blp = Blueprint("echo", __name__)
seen: list[bytes] = []


class Anything(ma.Schema):
    class Meta:
        unknown = ma.INCLUDE

    value = ma.fields.Raw()


@blp.route("/parsed")
class Parsed(MethodView):
    @blp.arguments(Anything)
    @blp.doc(security=[])
    def post(self, data):
        """Parse the body with webargs, as views do."""
        seen.append(b"parsed")
        return {"keys": sorted(data)}


@blp.route("/forced")
class Forced(MethodView):
    @blp.doc(security=[])
    def post(self):
        """Parse the body as JSON whatever its type, as the SCIM views do."""
        payload = request.get_json(force=True, silent=True)
        seen.append(b"forced")
        return {"parsed": payload is not None}


@blp.route("/raw")
class Raw(MethodView):
    @blp.doc(security=[])
    def post(self):
        """Read the raw body, as CSV and package imports do."""
        body = request.get_data()
        seen.append(body)
        return {"length": len(body)}


@pytest.fixture
def client():
    seen.clear()
    app = create_app(
        Settings(service="unit", jwt=JWT),
        title="Unit",
        blueprints=[blp],
        configure=lambda app: app.config.update(MAX_CONTENT_LENGTH=LIMIT),
    )
    return app.test_client()


def nested(depth: int, closed: bool = True) -> bytes:
    return b"[" * depth + (b"]" * depth if closed else b"")


def chunked(body: bytes) -> dict:
    """The environ a server that decodes chunked bodies (gunicorn) gives: no length, a terminated input."""
    return {
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,
        "HTTP_TRANSFER_ENCODING": "chunked",
    }


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    return body


@pytest.mark.parametrize("path", ["/api/v1/parsed", "/api/v1/forced"])
@pytest.mark.parametrize("closed", [True, False])
def test_json_nested_fifty_thousand_deep_is_a_400_problem_and_no_view_runs(client, path, closed):
    body = nested(50_000, closed)
    for content_type in ("application/json", "application/scim+json"):
        response = client.post(path, data=body, content_type=content_type, environ_overrides=chunked(body))
        assert "nested" in assert_problem(response, 400)["detail"]
    assert seen == []


def test_json_one_level_past_the_limit_is_refused_and_at_the_limit_is_read(client):
    too_deep = b'{"value": ' + nested(MAX_JSON_DEPTH) + b"}"
    assert_problem(client.post("/api/v1/parsed", data=too_deep, content_type="application/json"), 400)
    deepest = b'{"value": ' + nested(MAX_JSON_DEPTH - 1) + b"}"
    response = client.post("/api/v1/parsed", data=deepest, content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert seen == [b"parsed"]


def test_many_shallow_brackets_are_not_depth(client):
    wide = b'{"value": [' + b",".join([b"[[1], {}]"] * 300) + b"]}"
    response = client.post("/api/v1/parsed", data=wide, content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)


def test_json_sent_as_another_type_is_bounded_too(client):
    body = nested(MAX_JSON_DEPTH + 1)
    assert_problem(client.post("/api/v1/forced", data=body, content_type="text/plain"), 400)
    assert seen == []


@pytest.mark.parametrize("path", ["/api/v1/raw", "/api/v1/parsed"])
def test_a_chunked_body_over_the_limit_is_a_413_and_no_view_reads_a_cut_off_part(client, path):
    body = b'{"value": "' + b"x" * (LIMIT + LIMIT // 2) + b'"}'
    for content_type in ("application/octet-stream", "application/json"):
        response = client.post(path, content_type=content_type, environ_overrides=chunked(body))
        assert_problem(response, 413)
    assert seen == []


def test_a_chunked_body_within_the_limit_reaches_the_view_whole(client):
    body = b"y" * LIMIT
    response = client.post("/api/v1/raw", content_type="text/csv", environ_overrides=chunked(body))
    assert response.get_json() == {"length": LIMIT}
    assert seen == [body]


def test_a_declared_length_over_the_limit_is_a_413_before_anything_is_read(client):
    body = io.BytesIO(b"z" * (LIMIT + 1))
    declared = {"wsgi.input": body, "CONTENT_LENGTH": str(LIMIT + 1)}
    response = client.post("/api/v1/raw", content_type="text/csv", environ_overrides=declared)
    assert_problem(response, 413)
    assert body.tell() == 0
    assert seen == []
