"""What the LRS does to a valid statement: completes it, indexes it, voids with it, compares it.

`prepare` fills what the LRS assigns (id, authority, version) and puts every context
activity in an array; `relations` lists the agents and activities a query can find it by;
`equivalent` is the comparison of Data 2.3.1: differences the LRS may have caused are ignored.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lms.records.domain.identities import actor_key
from lms.records.domain.validation.primitives import parse_timestamp
from lms.records.domain.validation.statements import CONTEXT_ACTIVITY_KINDS, VOIDED

ASSIGNED_BY_LRS = ("id", "authority", "stored", "version", "attachments")


@dataclass(frozen=True)
class Relations:
    """The index entries of one statement: (key, relation) pairs, relation actor/object/related."""

    agents: frozenset[tuple[str, str]]
    activities: frozenset[tuple[str, str]]


def prepare(statement: dict[str, Any], authority: dict[str, Any], version: str) -> dict[str, Any]:
    """The statement as stored: an id, the caller as authority, a version, arrays of context activities."""
    prepared = {k: v for k, v in statement.items() if k != "stored"}
    prepared.setdefault("id", str(uuid.uuid4()))
    prepared["authority"] = authority
    prepared.setdefault("version", version)
    for holder in (prepared, prepared["object"]):
        if isinstance(holder.get("context"), dict):
            holder["context"] = _listed_context_activities(holder["context"])
    return prepared


def _listed_context_activities(context: dict[str, Any]) -> dict[str, Any]:
    found = context.get("contextActivities")
    if not isinstance(found, dict):
        return context
    listed = {k: v if isinstance(v, list) else [v] for k, v in found.items()}
    return {**context, "contextActivities": listed}


def voided_target(statement: dict[str, Any]) -> str | None:
    """The id a voiding statement voids (None for any other statement)."""
    return statement["object"]["id"] if statement["verb"]["id"] == VOIDED else None


def referenced(statement: dict[str, Any]) -> str | None:
    """The id of the statement its object refers to (a StatementRef), voiding ones included."""
    target = statement["object"]
    return target["id"] if target.get("objectType") == "StatementRef" else None


def registration(statement: dict[str, Any]) -> str | None:
    return (statement.get("context") or {}).get("registration")


def relations(statement: dict[str, Any]) -> Relations:
    agents = {(k, rel) for rel, actor in _agents(statement) if (k := actor_key(actor))}
    activities = set(_activities(statement))
    return Relations(frozenset(agents), frozenset(activities))


def _agents(statement: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "actor", statement["actor"]
    target = statement["object"]
    if target.get("objectType") in ("Agent", "Group"):
        yield "object", target
    if "authority" in statement:
        yield "related", statement["authority"]
    yield from (("related", actor) for actor in _context_agents(statement.get("context") or {}))
    if target.get("objectType") == "SubStatement":
        yield "related", target["actor"]
        if target["object"].get("objectType") in ("Agent", "Group"):
            yield "related", target["object"]
        yield from (("related", actor) for actor in _context_agents(target.get("context") or {}))


def _context_agents(context: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from (context[k] for k in ("instructor", "team") if k in context)
    yield from (item["agent"] for item in context.get("contextAgents", []))
    yield from (item["group"] for item in context.get("contextGroups", []))


def _activities(statement: dict[str, Any]) -> Iterator[tuple[str, str]]:
    target = statement["object"]
    if target.get("objectType", "Activity") == "Activity":
        yield target["id"], "object"
    yield from ((a["id"], "related") for a in context_activities(statement.get("context") or {}))
    if target.get("objectType") == "SubStatement":
        if target["object"].get("objectType", "Activity") == "Activity":
            yield target["object"]["id"], "related"
        yield from ((a["id"], "related") for a in context_activities(target.get("context") or {}))


def context_activities(context: dict[str, Any]) -> list[dict[str, Any]]:
    found = context.get("contextActivities") or {}
    listed = (found.get(kind, []) for kind in CONTEXT_ACTIVITY_KINDS)
    return [a for group in listed for a in (group if isinstance(group, list) else [group])]


def activities(statement: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Activity object the statement holds (object, substatement object, context)."""
    holders = [statement]
    if statement["object"].get("objectType") == "SubStatement":
        holders.append(statement["object"])
    found = []
    for holder in holders:
        if holder["object"].get("objectType", "Activity") == "Activity":
            found.append(holder["object"])
        found += context_activities(holder.get("context") or {})
    return found


def equivalent(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Whether two statements are the same once what the LRS may change is set aside."""
    return _comparable(first) == _comparable(second) and _same_time(first, second)


def _comparable(statement: dict[str, Any]) -> Any:
    return _normalised({k: v for k, v in statement.items() if k not in (*ASSIGNED_BY_LRS, "timestamp")})


def _normalised(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        if key == "contextActivities":
            value = {k: v if isinstance(v, list) else [v] for k, v in value.items()}
        skipped = {"definition"} | ({"display"} if key == "verb" else set())
        return {k: _normalised(v, k) for k, v in value.items() if k not in skipped}
    if isinstance(value, list):
        items = [_normalised(v) for v in value]
        return sorted(items, key=repr) if key == "member" else items
    if key == "mbox" and isinstance(value, str):
        return value.lower()
    if key == "duration" and isinstance(value, str):
        return _hundredths(value)
    return value


def _hundredths(duration: str) -> str:
    """A duration with its seconds cut to 0.01 (finer precision is not compared)."""
    head, dot, tail = duration.rpartition(".")
    if not dot or not tail.endswith("S"):
        return duration
    return f"{head}.{tail[:-1][:2].ljust(2, '0')}S"


def _same_time(first: dict[str, Any], second: dict[str, Any]) -> bool:
    if "timestamp" not in first or "timestamp" not in second:
        return True
    return parse_timestamp(first["timestamp"]) == parse_timestamp(second["timestamp"])
