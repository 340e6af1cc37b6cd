"""Every operation of the merged OpenAPI document has a tag and an operationId that generated
clients can name a call after: present, unique, and the same as in the committed list."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from lms.gateway.openapi_merge import operations

ROOT = Path(__file__).parents[2]
LISTED = ROOT / "clients" / "operations.txt"
IDENTIFIER = re.compile(r"^[a-z][A-Za-z0-9]*$")


def export_module() -> Any:
    spec = importlib.util.spec_from_file_location("export_openapi", ROOT / "clients" / "export_openapi.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return export_module().document()


def listed() -> dict[tuple[str, str], str]:
    rows = [line.split() for line in LISTED.read_text().splitlines() if line and not line.startswith("#")]
    return {(method, path): operation_id for operation_id, method, path in rows}


def test_every_operation_has_a_readable_operation_id_and_a_tag(document):
    every = list(operations(document))
    unnamed = [f"{m} {p}" for m, p, op in every if not IDENTIFIER.match(op.get("operationId", ""))]
    untagged = [f"{m} {p}" for m, p, op in every if not op.get("tags")]
    assert not unnamed, f"operations without a camelCase operationId: {unnamed}"
    assert not untagged, f"operations without a tag: {untagged}"


def test_no_two_operations_share_an_operation_id(document):
    seen: dict[str, list[str]] = {}
    for method, path, operation in operations(document):
        seen.setdefault(operation.get("operationId"), []).append(f"{method} {path}")
    assert not {name: where for name, where in seen.items() if len(where) > 1}


def test_the_operation_ids_are_the_committed_ones(document):
    """A renamed id breaks every generated client's callers: it changes here on purpose or not
    at all. A new operation is added to clients/operations.txt (and `make clients` run)."""
    served = {(m, p): op.get("operationId") for m, p, op in operations(document)}
    expected = listed()
    both = expected.keys() & served.keys()
    changed = {key: (expected[key], served[key]) for key in both if expected[key] != served[key]}
    assert not changed, f"operationIds changed (listed, served): {changed}"
    gone, new = expected.keys() - served.keys(), served.keys() - expected.keys()
    assert not gone, f"listed but no longer served: {gone}"
    assert not new, f"served but not listed in clients/operations.txt: {new}"
