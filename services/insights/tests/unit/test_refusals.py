"""Each refusal a use case raises answers the problem it always has: the status its kit class carries."""

from __future__ import annotations

import pytest

from lms.insights.app import create_app
from lms.insights.domain import errors
from lms.kit.config import JwtSettings, Settings

BASE = "https://lms.example/problems/"
REFUSALS = {
    "not-found": (errors.NotFound, 404, "Not Found", BASE + "not-found"),
    "forbidden": (errors.Forbidden, 403, "Forbidden", BASE + "forbidden"),
    "conflict": (errors.Conflict, 409, "Conflict", BASE + "conflict"),
    "invalid": (errors.Invalid, 422, "Unprocessable Entity", BASE + "unprocessable-entity"),
}


@pytest.fixture(scope="module")
def client():
    settings = Settings(service="insights", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    app = create_app(settings)

    def refuse(name: str):
        raise REFUSALS[name][0]("Why, in words.", {"row 2": ["what is wrong"]})

    app.add_url_rule("/refuse/<name>", view_func=refuse)
    return app.test_client()


@pytest.mark.parametrize("name", REFUSALS)
def test_a_refusal_is_the_problem_its_class_names(client, name):
    _, status, title, type_ = REFUSALS[name]
    reply = client.get(f"/refuse/{name}")
    assert (reply.status_code, reply.mimetype) == (status, "application/problem+json")
    assert reply.get_json() == {
        "type": type_,
        "title": title,
        "status": status,
        "detail": "Why, in words.",
        "instance": f"/refuse/{name}",
        "errors": {"row 2": ["what is wrong"]},
    }
    assert "Retry-After" not in reply.headers
