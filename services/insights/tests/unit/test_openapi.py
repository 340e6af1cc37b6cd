"""The OpenAPI document: valid 3.1, every contract path, summaries on every operation."""

from __future__ import annotations

from openapi_spec_validator import validate

from lms.insights.app import create_app
from lms.kit.config import JwtSettings, Settings

CONTRACT = {
    ("post", "/api/v1/needs-analyses"),
    ("get", "/api/v1/needs-analyses/{analysis_id}"),
    ("get", "/api/v1/needs-analyses/{analysis_id}/report"),
    ("post", "/api/v1/needs-analyses/{analysis_id}/close"),
    ("post", "/api/v1/kpis"),
    ("post", "/api/v1/kpi-metrics"),
    ("get", "/api/v1/teams/{team_id}/kpis"),
    ("get", "/api/v1/teams/{team_id}/impact"),
    ("get", "/api/v1/dashboard/charts"),
    ("get", "/api/v1/dashboard/choices"),
}


def test_the_openapi_document_is_valid_and_names_every_contract_path():
    settings = Settings(service="insights", database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    spec = create_app(settings).test_client().get("/openapi.json").get_json()
    validate(spec)
    verbs = {"get", "put", "post", "patch", "delete"}
    operations = {(m, p): op for p, item in spec["paths"].items() for m, op in item.items() if m in verbs}
    assert set(operations) >= CONTRACT
    assert all(op.get("summary") for op in operations.values())
