"""docs/api.md names only endpoints that exist: every /api/v1 path and method is in the merged
/openapi.json the gateway serves (built here from each service's own document, over real HTTP),
and every path outside /api/v1 is one of the gateway's own routes."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from lms.gateway.app import create_app
from lms.gateway.config import DEFAULT_ROUTES, load_config
from lms.gateway.definition import MIGRATIONS_DIR
from lms.gateway.openapi_merge import operations
from lms.kit.config import Settings
from lms.kit.migrations import upgrade
from lms.testing.gateway.helpers import JWT
from lms.testing.servers import serving

ROOT = Path(__file__).parents[2]
API_MD = (ROOT / "docs" / "api.md").read_text()
BASE = "/api/v1"
ENDPOINT = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`?\s]*)[^`]*`")
OUTSIDE_BASE = "outside `/api/v1`"


def documented() -> list[tuple[str, str]]:
    """(method, absolute path) of every endpoint a table row of docs/api.md starts with."""
    found = []
    for section in re.split(r"^## ", API_MD, flags=re.MULTILINE):
        prefix = "" if section.splitlines()[0].endswith(OUTSIDE_BASE + ")") else BASE
        for row in (line for line in section.splitlines() if line.startswith("| `")):
            first_cell = row.split("|")[1]
            found += [(method, prefix + path) for method, path in ENDPOINT.findall(first_cell)]
    return found


def shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path.rstrip("/") or "/")


def services() -> list[str]:
    """The services the gateway routes to by default."""
    return sorted(set(DEFAULT_ROUTES.values()))


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    tmp = tmp_path_factory.mktemp("api")
    with ExitStack() as stack:
        urls = {}
        for name in services():
            definition = importlib.import_module(f"lms.{name}.__main__").DEFINITION
            app = definition.create_app(
                Settings(service=name, database_url=f"sqlite:///{tmp}/{name}.db", jwt=JWT)
            )
            urls[f"LMS_{name.upper()}_URL"] = stack.enter_context(serving(app))
        upgrade(f"sqlite:///{tmp}/gateway.db", MIGRATIONS_DIR)
        settings = Settings(service="gateway", database_url=f"sqlite:///{tmp}/gateway.db", jwt=JWT)
        yield create_app(settings, load_config(urls))


def test_the_page_names_the_endpoints_of_every_part():
    paths = {path for _method, path in documented()}
    assert len(documented()) >= 40
    for expected in ("/api/v1/courses", "/api/v1/attempts/{attempt_id}/submit", "/api/v1/completions"):
        assert expected in paths
    assert {"/healthz", "/openapi.json", "/api/v1/api-keys"} <= paths


def test_every_api_path_and_method_is_in_the_merged_openapi_document(gateway):
    document = gateway.test_client().get("/openapi.json").get_json()
    assert all(state["status"] == "ok" for state in document["x-lms-upstreams"].values())
    operations = {(m.upper(), shape(p)) for p, item in document["paths"].items() for m in item}
    missing = [(m, p) for m, p in documented() if p.startswith(BASE) and (m, shape(p)) not in operations]
    assert not missing, missing


def test_every_path_outside_the_api_is_the_gateways_own(gateway):
    own = {(m, shape(rule.rule)) for rule in gateway.url_map.iter_rules() for m in rule.methods or ()}
    own -= {(m, "/<path:path>") for m, _ in own}  # the proxy's catch-all is not an endpoint
    outside = [(m, p) for m, p in documented() if not p.startswith(BASE)]
    assert outside
    assert all((m, shape(p)) in own for m, p in outside), outside


def integers_without_bounds(node: Any, where: str, components: dict[str, Any]) -> Iterator[str]:
    """Where an integer a client sends has no `maximum` (or no `minimum`): the database casts
    every number it compares or stores, so an unbounded one is a server error waiting to happen."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            yield from integers_without_bounds(components.get(name, {}), f"{where}->{name}", components)
            return
        types = node.get("type")
        integer = types == "integer" or (isinstance(types, list) and "integer" in types)
        if integer and not node.get("readOnly") and not {"maximum", "minimum"} <= node.keys():
            yield where
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum"):
                yield from integers_without_bounds(value, f"{where}.{key}", components)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from integers_without_bounds(value, f"{where}[{index}]", components)


def test_every_integer_a_client_sends_is_bounded(gateway):
    document = gateway.test_client().get("/openapi.json").get_json()
    components = document.get("components", {}).get("schemas", {})
    unbounded = []
    for method, path, operation in operations(document):
        inputs = {"parameters": operation.get("parameters", []), "body": operation.get("requestBody", {})}
        unbounded += integers_without_bounds(inputs, f"{method} {path}", components)
    assert not unbounded, "\n".join(unbounded)


XAPI_ROW = re.compile(r"^\| `(/xapi/[^`]*)` \| ([^|]+) \|", re.MULTILINE)


def test_every_resource_of_the_record_store_the_page_names_is_served_with_its_methods(tmp_path):
    """The xAPI resources (outside `/api/v1`, not in the OpenAPI document: the xAPI specification
    is their contract) are routes of the records service with the methods the page lists."""
    records = importlib.import_module("lms.records.__main__").DEFINITION
    app = records.create_app(Settings(service="records", database_url=f"sqlite:///{tmp_path}/r.db", jwt=JWT))
    served = {rule.rule: rule.methods or set() for rule in app.url_map.iter_rules()}
    rows = XAPI_ROW.findall(API_MD)
    assert len(rows) >= 7
    for path, methods in rows:
        named = set(re.findall(r"\b(GET|HEAD|PUT|POST|DELETE)\b", methods))
        assert named, path
        assert named <= served.get(path, set()), (path, named, served.get(path))
    assert DEFAULT_ROUTES["/xapi"] == "records"
