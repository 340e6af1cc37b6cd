"""The OpenAPI document: valid 3.1, every contract path, summaries on every operation."""

from __future__ import annotations

from lms.insights.app import create_app
from lms.testing.openapi import checked_operations

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
    checked_operations("insights", create_app, CONTRACT)
