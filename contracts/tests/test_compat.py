"""The compatibility rules, and every shipped schema against its released snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lms.contracts import PayloadInvalid, Registry, UnknownEventType, breaking_changes, default_registry

SNAPSHOTS = Path(__file__).parents[1] / "snapshots"
BASE = {
    "type": "object",
    "required": ["id", "score"],
    "properties": {
        "id": {"type": "string"},
        "score": {"type": "integer"},
        "note": {"type": "string"},
        "kind": {"enum": ["a", "b"]},
    },
}


def changed(**edits) -> dict:
    schema = json.loads(json.dumps(BASE))
    for path, value in edits.items():
        *parents, leaf = path.split("__")
        node = schema
        for part in parents:
            node = node[part]
        node[leaf] = value
    return schema


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        (changed(required=["id", "score", "note"]), "/note: newly required"),
        (changed(required=["id"]), "/score: no longer required"),
        (changed(properties__score={"type": "string"}), "/score: type changed"),
        (changed(properties__kind={"enum": ["a"]}), "/kind: enum lost values"),
        (changed(additionalProperties=False), "additionalProperties: false added"),
    ],
    ids=["new-required", "dropped-required", "type-change", "enum-shrunk", "closed"],
)
def test_breaking_changes_are_named(new, problem):
    assert any(problem in p for p in breaking_changes(BASE, new)), breaking_changes(BASE, new)


@pytest.mark.parametrize(
    "new",
    [
        changed(properties__extra={"type": "string"}),
        changed(properties__kind={"enum": ["a", "b", "c"]}),
        changed(properties__score={"type": "number"}),
    ],
    ids=["optional-field-added", "enum-grown", "integer-widened-to-number"],
)
def test_compatible_changes_pass(new):
    assert breaking_changes(BASE, new) == []


def test_registry_validates_and_lists_every_problem():
    registry = Registry({"t.v1": BASE})
    registry.validate("t.v1", {"id": "x", "score": 3})
    with pytest.raises(PayloadInvalid) as caught:
        registry.validate("t.v1", {"score": "high", "kind": "z"})
    assert len(caught.value.errors) == 3  # id missing, score type, kind enum
    with pytest.raises(UnknownEventType):
        registry.validate("nope.v1", {})


@pytest.mark.parametrize("event_type", default_registry().types())
def test_every_schema_is_compatible_with_its_released_snapshot(event_type):
    snapshot = SNAPSHOTS / f"{event_type}.json"
    assert snapshot.exists(), f"no snapshot for {event_type}: run `make contracts-snapshot` to release it"
    assert breaking_changes(json.loads(snapshot.read_text()), default_registry().schema(event_type)) == []


def test_no_released_event_type_disappeared():
    released = {path.stem for path in SNAPSHOTS.glob("*.json")}
    assert released <= set(default_registry().types()), "a released event type was removed"


def test_committed_asyncapi_document_matches_the_schemas():
    from lms.contracts.asyncapi import build, dump

    committed = (Path(__file__).parents[1] / "asyncapi.yaml").read_text()
    assert committed == dump(build()), (
        "regenerate: python -m lms.contracts.asyncapi > contracts/asyncapi.yaml"
    )


def test_asyncapi_lists_every_event_type_on_its_service_topic():
    import yaml

    document = yaml.safe_load((Path(__file__).parents[1] / "asyncapi.yaml").read_text())
    assert document["asyncapi"].startswith("3.")
    listed = {
        message["name"]: channel["address"]
        for channel in document["channels"].values()
        for ref in channel["messages"].values()
        for message in [document["components"]["messages"][ref["$ref"].rsplit("/", 1)[1]]]
    }
    assert set(listed) == set(default_registry().types())
    for event_type, topic in listed.items():
        assert topic == f"lms.{event_type.split('.')[1]}.events"
