"""Routing: longest prefix, per-service URLs from the environment, a table from JSON or YAML."""

from __future__ import annotations

import pytest

from lms.gateway.config import load_config
from lms.gateway.routing import RouteTable


def table(environ: dict[str, str]) -> RouteTable:
    config = load_config(environ)
    return RouteTable(config.routes, config.names)


def test_default_table_sends_each_path_to_its_service():
    routes = table({})
    assert routes.match("/api/v1/courses").name == "curriculum"
    assert routes.match("/api/v1/courses/c1/modules/m1").name == "curriculum"
    assert routes.match("/api/v1/attempts/a1/submit").name == "assessment"
    assert routes.match("/api/v1/completions.csv").name == "progress"
    assert routes.match("/api/v1/certificates/ABC").url == "http://127.0.0.1:8103"


def test_prefixes_match_whole_segments_only():
    routes = table({})
    assert routes.match("/api/v1/coursesx") is None
    assert routes.match("/api/v1/api-keys") is None
    assert routes.match("/elsewhere") is None


def test_longest_prefix_wins_and_service_urls_come_from_the_environment(tmp_path):
    file = tmp_path / "routes.yaml"
    file.write_text("/api/v1/courses: curriculum\n/api/v1/courses/special: http://10.0.0.9:9000\n")
    routes = table({"LMS_GATEWAY_ROUTES": str(file), "LMS_CURRICULUM_URL": "http://curriculum:80/"})
    assert routes.match("/api/v1/courses/c1").url == "http://curriculum:80"
    assert routes.match("/api/v1/courses/special/x").url == "http://10.0.0.9:9000"
    assert routes.match("/api/v1/courses/special/x").name == "10.0.0.9:9000"


def test_inline_json_routes_are_accepted_and_bad_ones_refused():
    assert table({"LMS_GATEWAY_ROUTES": '{"/": "progress"}'}).match("/anything/at/all").name == "progress"
    with pytest.raises(ValueError, match="must start with"):
        load_config({"LMS_GATEWAY_ROUTES": '{"api": "progress"}'})


def test_the_new_services_own_their_paths_and_team_impact_goes_to_insights():
    routes = table({})
    assert routes.match("/scim/v2/Users").url == "http://127.0.0.1:8104"
    assert routes.match("/scim/v2/Groups/g1").name == "people"
    for path in ("/api/v1/teams", "/api/v1/teams/t1/progress", "/api/v1/me/team", "/api/v1/assignments/a1"):
        assert routes.match(path).name == "progress", path
    for path in ("/api/v1/teams/t1/impact", "/api/v1/needs-analyses/n1", "/api/v1/kpis", "/dashboard/x"):
        assert routes.match(path).name == "insights", path
    assert routes.match("/api/v1/teams/t1/impactful").name == "progress", "whole segments only"
    assert routes.match("/dashboard").url == "http://127.0.0.1:8105"


def test_a_wildcard_stands_for_one_inner_segment_only():
    with pytest.raises(ValueError, match="one whole inner segment"):
        load_config({"LMS_GATEWAY_ROUTES": '{"/api/*": "progress"}'})
    with pytest.raises(ValueError, match="one whole inner segment"):
        load_config({"LMS_GATEWAY_ROUTES": '{"/api/v1/te*ms/x": "progress"}'})
    routes = table({"LMS_PEOPLE_URL": "http://people:8104", "LMS_INSIGHTS_URL": "http://insights:8105"})
    assert routes.match("/scim/v2/Users").url == "http://people:8104"
    assert routes.match("/api/v1/teams/a/impact/quarters").url == "http://insights:8105"


def test_every_path_insights_serves_is_routed_to_insights():
    routes = table({})
    for path in (
        "/api/v1/kpi-metrics",
        "/api/v1/teams/t1/kpis",
        "/api/v1/dashboard/charts",
        "/api/v1/needs-analyses/n1/report",
        "/api/v1/needs-analyses/n1/close",
        "/dashboard/static/vega.min.js",
    ):
        assert routes.match(path).name == "insights", path
    assert routes.match("/api/v1/teams/t1/kpisx").name == "progress", "whole segments only"
    assert routes.match("/api/v1/teams/t1").name == "progress"


def test_certifications_go_to_progress():
    routes = table({})
    assert routes.match("/api/v1/me/certifications").name == "progress"
    assert routes.match("/api/v1/learners/l1/certifications").name == "progress"
    assert routes.match("/api/v1/learners/l1") is None
