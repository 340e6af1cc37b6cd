"""The web base: every error as problem+json, request ids, bearer auth, health."""

from __future__ import annotations

import marshmallow as ma
import pytest
from flask import Flask
from flask.views import MethodView
from flask_smorest import Blueprint
from openapi_spec_validator import validate

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.web import BEARER, create_app, requires
from lms.kit.web.preconditions import if_match

JWT = JwtSettings(secret="unit-test-secret-unit-test-secret!")


class NoteIn(ma.Schema):
    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1))
    stars = ma.fields.Integer(validate=ma.validate.Range(min=1, max=5))


blp = Blueprint("notes", __name__)


@blp.route("/notes")
class Notes(MethodView):
    @blp.arguments(NoteIn)
    @blp.response(201, NoteIn)
    @blp.doc(security=[BEARER])
    @requires("author")
    def post(self, note):
        """Create a note."""
        return note


@blp.route("/boom")
class Boom(MethodView):
    @blp.doc(security=[])
    def get(self):
        """Fail."""
        raise RuntimeError("database exploded")


@pytest.fixture
def client():
    settings = Settings(service="unit", jwt=JWT)
    app = create_app(settings, title="Unit", blueprints=[blp], readiness={"broken": _broken})
    return app.test_client()


def _broken() -> None:
    raise ConnectionError("nobody home")


def bearer(*roles: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + mint_token(JWT, "u1", list(roles))}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    return body


def test_unknown_path_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_wrong_method_is_a_405_problem_naming_the_allowed_ones(client):
    response = client.delete("/api/v1/notes", headers=bearer("author"))
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_invalid_body_is_a_422_problem_naming_each_field(client):
    response = client.post("/api/v1/notes", json={"title": "", "stars": 9}, headers=bearer("author"))
    body = assert_problem(response, 422)
    assert set(body["errors"]) == {"title", "stars"}
    assert "title" in body["detail"]
    assert "stars" in body["detail"]


def test_a_lone_surrogate_or_a_nul_in_a_body_is_a_400_problem_and_an_emoji_is_text(client):
    author = {**bearer("author"), "Content-Type": "application/json"}
    lone = client.post("/api/v1/notes", data=b'{"title": "Is\\udc80 it"}', headers=author)
    assert "surrogate" in assert_problem(lone, 400)["detail"]
    nested = client.post("/api/v1/notes", data=b'{"title": "ok", "\\ud800": [1]}', headers=author)
    assert_problem(nested, 400)
    nul = client.post("/api/v1/notes", data=b'{"title": "a\\u0000b"}', headers=author)
    assert "NUL" in assert_problem(nul, 400)["detail"]
    assert_problem(client.get("/api/v1/boom?q=a%00b"), 400)
    emoji = client.post("/api/v1/notes", data=b'{"title": "calm \\ud83d\\ude0d"}', headers=author)
    assert (emoji.status_code, emoji.get_json()["title"]) == (201, "calm \U0001f60d")


def test_body_over_the_limit_is_a_413_problem(client):
    response = client.post(
        "/api/v1/notes",
        data=b"x" * (3 * 1024 * 1024),
        headers={**bearer("author"), "Content-Type": "application/json"},
    )
    assert_problem(response, 413)


def test_uncaught_error_is_a_500_problem_without_internals(client):
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    body = assert_problem(client.get("/api/v1/boom"), 500)
    assert "exploded" not in str(body)


def test_missing_token_is_401_with_www_authenticate(client):
    response = client.post("/api/v1/notes", json={"title": "t"})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_learner_token_on_an_author_route_is_403(client):
    assert_problem(client.post("/api/v1/notes", json={"title": "t"}, headers=bearer("learner")), 403)


def test_author_and_admin_tokens_are_allowed(client):
    for role in ("author", "admin"):
        response = client.post("/api/v1/notes", json={"title": "t"}, headers=bearer(role))
        assert response.status_code == 201, response.get_json()


def test_request_id_is_passed_through_or_created(client):
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["X-Request-ID"] not in ("", "bad id with spaces")


def test_readyz_names_the_dependency_that_is_down_to_admins(client):
    response = client.get("/readyz", headers=bearer("admin"))
    assert response.status_code == 503
    assert response.get_json()["status"] == "unready"
    assert response.get_json()["checks"]["broken"].startswith("unavailable: ConnectionError")


@pytest.mark.parametrize(
    "headers", [{}, bearer("learner"), bearer("author", "hr"), {"Authorization": "Bearer forged"}]
)
def test_readyz_tells_everyone_else_only_up_or_down(client, headers):
    response = client.get("/readyz", headers=headers)
    assert response.status_code == 503
    assert response.get_json() == {"status": "unready"}
    assert "nobody home" not in response.get_data(as_text=True)


def test_readyz_is_ready_when_every_check_passes():
    app = create_app(Settings(service="unit", jwt=JWT), title="Unit", readiness={"fine": lambda: None})
    response = app.test_client().get("/readyz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ready"})


def test_metrics_count_requests_for_admins(client):
    client.get("/healthz")
    text = client.get("/metrics", headers=bearer("admin")).get_data(as_text=True)
    assert 'lms_http_requests_total{endpoint="/healthz",method="GET",status="200"}' in text


def test_metrics_are_refused_to_anonymous_callers_and_other_roles(client):
    assert_problem(client.get("/metrics"), 401)
    for role in ("learner", "author", "hr"):
        response = client.get("/metrics", headers=bearer(role))
        assert_problem(response, 403)
        assert "lms_http_requests_total" not in response.get_data(as_text=True)


def test_openapi_document_is_3_1_with_bearer_security(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert "/api/v1/notes" in spec["paths"]
    validate(spec)  # raises when the document is not valid OpenAPI 3.1


@pytest.mark.parametrize(
    ("header", "weak", "tags"),
    [
        (None, True, None),
        ("*", False, ["*"]),
        ('"draft-3", W/"4"', True, ["4", "draft-3"]),
        ('"draft-3", W/"4"', False, ["draft-3"]),
        ('W/"4"', False, []),
    ],
)
def test_if_match_names_the_tags_unquoted_and_weak_ones_only_when_asked(header, weak, tags):
    headers = {"If-Match": header} if header is not None else {}
    with Flask(__name__).test_request_context(headers=headers):
        assert if_match(weak=weak) == tags


def test_every_domain_error_answers_with_its_classes_status_as_a_problem():
    from flask import Flask

    from lms.kit import errors
    from lms.kit.web.problems import from_domain_error

    class Taken(errors.Conflict):
        title = "taken"

        def extensions(self):
            return {"existing_id": "e-1"}

    app = Flask(__name__)
    cases = [
        (errors.BadRequest("no"), 400),
        (errors.Unauthorised("no"), 401),
        (errors.Forbidden("no"), 403),
        (errors.NotFound("no"), 404),
        (errors.Conflict("no"), 409),
        (errors.PreconditionFailed("no"), 412),
        (errors.TooLarge("no"), 413),
        (errors.UnsupportedType("no"), 415),
        (errors.Invalid("no", {"title": ["required"]}), 422),
        (errors.PreconditionRequired("no"), 428),
        (errors.Unavailable("no"), 503),
    ]
    with app.test_request_context("/things/1"):
        for error, status in cases:
            reply = from_domain_error(error)
            assert (reply.status_code, reply.mimetype) == (status, "application/problem+json")
            assert reply.get_json()["detail"] == "no"
        assert from_domain_error(errors.Invalid("no", {"title": ["required"]})).get_json()["errors"] == {
            "title": ["required"]
        }
        assert from_domain_error(errors.Unavailable("later")).headers["Retry-After"] == "2"
        taken = from_domain_error(Taken("held")).get_json()
        assert (taken["status"], taken["title"], taken["existing_id"]) == (409, "taken", "e-1")
