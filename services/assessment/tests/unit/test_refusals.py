"""Each refusal a use case raises answers the problem it always has: the status its kit class
carries, the expired attempt's own title and type, Retry-After while insights cannot answer."""

from __future__ import annotations

import pytest

from lms.assessment.app import create_app
from lms.assessment.domain import errors
from lms.kit.config import JwtSettings, Settings

BASE = "https://lms.example/problems/"
RETRY = {"Retry-After": "2"}
REFUSALS = {  # the class, then its problem's status, title, type (after BASE) and headers
    "not-found": (errors.NotFound, 404, "Not Found", "not-found", {}),
    "forbidden": (errors.Forbidden, 403, "Forbidden", "forbidden", {}),
    "conflict": (errors.Conflict, 409, "Conflict", "conflict", {}),
    "expired": (errors.Expired, 409, "attempt expired", "attempt-expired", {}),
    "invalid": (errors.Invalid, 422, "Unprocessable Entity", "unprocessable-entity", {}),
    "required": (errors.PreconditionRequired, 428, "Precondition Required", "precondition-required", {}),
    "failed": (errors.PreconditionFailed, 412, "Precondition Failed", "precondition-failed", {}),
    "unavailable": (errors.Unavailable, 503, "Service Unavailable", "service-unavailable", RETRY),
}


@pytest.fixture(scope="module")
def client():
    settings = Settings(service="assessment", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    app = create_app(settings, environ={"LMS_INSIGHTS_URL": "off"})

    def refuse(name: str):
        raise REFUSALS[name][0]("Why, in words.", {"field": ["what is wrong"]})

    app.add_url_rule("/refuse/<name>", view_func=refuse)
    return app.test_client()


@pytest.mark.parametrize("name", REFUSALS)
def test_a_refusal_is_the_problem_its_class_names(client, name):
    _, status, title, type_, headers = REFUSALS[name]
    reply = client.get(f"/refuse/{name}")
    assert (reply.status_code, reply.mimetype) == (status, "application/problem+json")
    assert reply.get_json() == {
        "type": BASE + type_,
        "title": title,
        "status": status,
        "detail": "Why, in words.",
        "instance": f"/refuse/{name}",
        "errors": {"field": ["what is wrong"]},
    }
    assert {header: reply.headers.get(header) for header in headers} == headers
