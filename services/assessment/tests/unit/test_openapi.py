"""The OpenAPI document: valid 3.1, every contract path, bodies and summaries documented."""

from __future__ import annotations

from lms.assessment.app import create_app
from lms.testing.openapi import checked_operations, service_document

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
    operations = checked_operations("assessment", create_app, CONTRACT)
    assert "requestBody" in operations[("post", "/api/v1/attempts/{attempt_id}/submit")]
    assert "requestBody" in operations[("put", "/api/v1/assessments/{assessment_id}")]


def test_each_operation_names_the_roles_that_may_call_it():
    paths = service_document("assessment", create_app)["paths"]
    assert paths["/api/v1/assessments"]["post"]["x-roles"] == ["admin", "author"]
    assert paths["/api/v1/assessments/{assessment_id}/publish"]["post"]["x-roles"] == ["admin", "author"]
    assert "x-roles" not in paths["/api/v1/assessments/{assessment_id}"]["get"]  # any caller; per object
