"""`/openapi.json`: one valid OpenAPI 3.1 document with every service's paths and both schemes."""

from __future__ import annotations

from openapi_spec_validator import validate

from lms.gateway.openapi import ApiDocument
from lms.kit.web import Problem
from lms.testing.servers import free_port


def test_the_merged_document_has_every_services_paths_and_validates(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "/"}]
    paths = set(document["paths"])
    assert {"/api/v1/courses", "/api/v1/courses/{course_id}"} <= paths
    assert {"/api/v1/assessments", "/api/v1/assessments/{assessment_id}/attempts"} <= paths
    assert {"/api/v1/enrolments", "/api/v1/completions.csv", "/api/v1/certificates/{code}"} <= paths
    assert {"/api/v1/api-keys", "/api/v1/api-keys/{key_id}"} <= paths
    assert set(document["components"]["securitySchemes"]) == {"bearerAuth", "apiKey"}
    assert document["components"]["securitySchemes"]["apiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }
    assert all(state["status"] == "ok" for state in document["x-lms-upstreams"].values())


def test_clashing_schema_names_are_prefixed_and_references_follow(client):
    document = client.get("/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    assert {"assessment.Item", "progress.Item"} <= set(schemas)
    assert "Item" not in schemas
    assert "Problem" in schemas, "identical schemas stay shared"
    items = schemas["Completions"]["properties"]["items"]["items"]
    assert items == {"$ref": "#/components/schemas/progress.Item"}


def test_public_operations_stay_public_and_others_accept_either_scheme(client):
    document = client.get("/openapi.json").get_json()
    assert document["paths"]["/api/v1/certificates/{code}"]["get"]["security"] == []
    assert document["security"] == [{"bearerAuth": []}, {"apiKey": []}]


class FlakyUpstreams:
    """Answers with each stand-in's document until an upstream is marked down."""

    def __init__(self, documents: dict[str, bytes]) -> None:
        self.documents = documents
        self.down: set[str] = set()

    def fetch(self, upstream, target: str, read_s: float) -> tuple[int, bytes]:
        if upstream.name in self.down:
            raise Problem(503, f"The {upstream.name} service is unavailable (connection refused).")
        return 200, self.documents[upstream.name]


def test_an_upstream_that_is_down_is_marked_and_its_last_good_copy_kept(gateway, upstreams):
    documents = {name: app.test_client().get("/openapi.json").data for name, app in upstreams.apps.items()}
    flaky = FlakyUpstreams(documents)
    parts = gateway.extensions["lms.gateway"]
    merged = ApiDocument(parts.table, flaky, lambda: {"paths": {}}, ttl_s=0)
    assert "/api/v1/courses" in merged.document()["paths"]
    flaky.down.add("curriculum")
    document = merged.document()
    validate(document)
    assert "/api/v1/courses" in document["paths"]
    state = document["x-lms-upstreams"]["curriculum"]
    assert state["status"].startswith("unavailable")
    assert state["served_copy_from"] != "none"
    assert "curriculum" in document["info"]["description"]


def test_an_upstream_never_seen_is_reported_without_paths(make_gateway):
    client = make_gateway({"/api/v1/reports": f"http://127.0.0.1:{free_port()}"}).test_client()
    document = client.get("/openapi.json").get_json()
    validate(document)
    states = document["x-lms-upstreams"]
    down = next(state for name, state in states.items() if name.startswith("127.0.0.1"))
    assert down["served_copy_from"] == "none"
