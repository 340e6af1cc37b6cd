from __future__ import annotations

import uuid
from typing import Any

import pytest
from flask.testing import FlaskClient

from lms.kit.config import JwtSettings
from lms.records.definition import DEFINITION
from lms.testing.harness import harness_fixture

JWT = JwtSettings(secret="records-test-secret-0123456789abc")
V1 = {"X-Experience-API-Version": "1.0.3"}
V2 = {"X-Experience-API-Version": "2.0.0"}

harness = harness_fixture(DEFINITION, JWT, topics=("progress", "records", "curriculum"))


def statement(**fields: Any) -> dict[str, Any]:
    """A valid statement about a unique learner and activity (fields replace its parts)."""
    tag = uuid.uuid4().hex[:12]
    return {
        "actor": {"objectType": "Agent", "mbox": f"mailto:{tag}@example.com", "name": "Learner"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
        "object": {"objectType": "Activity", "id": f"http://example.com/activities/{tag}"},
        **fields,
    }


@pytest.fixture
def new_statement():
    """`new_statement(**fields)`: a valid statement about a unique learner and activity."""
    return statement


@pytest.fixture
def client(harness) -> FlaskClient:
    return harness.app().test_client()


@pytest.fixture
def writer(harness) -> dict[str, str]:
    """An API key's token with the xapi scope, and the version header."""
    return {**harness.bearer("apikey:hr-sync", name="HR sync", extra={"scope": "xapi"}), **V1}
