"""The OpenAPI document: valid 3.1, every contract path, bodies and summaries documented."""

from __future__ import annotations

from openapi_spec_validator import validate

from lms.assessment.app import create_app
from lms.kit.config import JwtSettings, Settings

CONTRACT = {
    ("post", "/api/v1/assessments"),
    ("put", "/api/v1/assessments/{assessment_id}"),
    ("post", "/api/v1/assessments/{assessment_id}/publish"),
    ("get", "/api/v1/assessments/{assessment_id}"),
    ("post", "/api/v1/assessments/{assessment_id}/attempts"),
    ("post", "/api/v1/attempts/{attempt_id}/submit"),
    ("get", "/api/v1/attempts/{attempt_id}"),
    ("get", "/api/v1/assessments/{assessment_id}/attempts"),
    ("post", "/api/v1/attempts/{attempt_id}/reviews"),
}


def test_the_openapi_document_is_valid_and_names_every_contract_path():
    settings = Settings(service="assessment", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    spec = create_app(settings).test_client().get("/openapi.json").get_json()
    validate(spec)
    verbs = {"get", "put", "post", "patch", "delete"}
    operations = {(m, p): op for p, item in spec["paths"].items() for m, op in item.items() if m in verbs}
    assert set(operations) >= CONTRACT
    assert all(op.get("summary") for op in operations.values())
    assert "requestBody" in operations[("post", "/api/v1/attempts/{attempt_id}/submit")]
    assert "requestBody" in operations[("put", "/api/v1/assessments/{assessment_id}")]


def test_each_operation_names_the_roles_that_may_call_it():
    settings = Settings(service="assessment", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    paths = create_app(settings).test_client().get("/openapi.json").get_json()["paths"]
    assert paths["/api/v1/assessments"]["post"]["x-roles"] == ["admin", "author"]
    assert paths["/api/v1/assessments/{assessment_id}/publish"]["post"]["x-roles"] == ["admin", "author"]
    assert "x-roles" not in paths["/api/v1/assessments/{assessment_id}"]["get"]  # any caller; per object
