"""Backward compatibility of an event schema against its released snapshot.

Events are read by consumers built against older schemas and replayed from topics
written under older schemas, so a change must keep both working:
- a property that was required stays, keeps its type and stays required;
- no new property becomes required (old events do not carry it);
- an enum may grow, never shrink; `additionalProperties: false` may not be added.
Anything else is a new major version: a new event type with a new schema.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def breaking_changes(old: Schema, new: Schema, path: str = "") -> list[str]:
    """Every way `new` breaks readers or stored events of `old`; empty when compatible."""
    where = path or "(root)"
    problems: list[str] = []
    if _types(old) and _types(new) and not _types(old) <= _accepted(_types(new)):
        problems.append(f"{where}: type changed from {sorted(_types(old))} to {sorted(_types(new))}")
    if "enum" in old and "enum" in new and not set(map(repr, old["enum"])) <= set(map(repr, new["enum"])):
        problems.append(f"{where}: enum lost values")
    if "enum" in new and "enum" not in old:
        problems.append(f"{where}: enum added")
    if new.get("additionalProperties") is False and old.get("additionalProperties") is not False:
        problems.append(f"{where}: additionalProperties: false added")
    problems += _object_changes(old, new, path)
    if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
        problems += breaking_changes(old["items"], new["items"], f"{path}[]")
    return problems


def _object_changes(old: Schema, new: Schema, path: str) -> list[str]:
    problems: list[str] = []
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    for name in sorted(old_required - new_required):
        problems.append(f"{path}/{name}: no longer required (readers rely on it)")
    for name in sorted(new_required - old_required):
        problems.append(f"{path}/{name}: newly required (stored events lack it)")
    for name in sorted(old_required & set(old_props)):
        if name not in new_props:
            problems.append(f"{path}/{name}: removed")
    for name in sorted(set(old_props) & set(new_props)):
        problems += breaking_changes(old_props[name], new_props[name], f"{path}/{name}")
    return problems


def _types(schema: Schema) -> set[str]:
    kind = schema.get("type")
    if kind is None:
        return set()
    return {kind} if isinstance(kind, str) else set(kind)


def _accepted(types: set[str]) -> set[str]:
    """Every number is accepted where `number` is: integer -> number is a widening."""
    return types | ({"integer"} if "number" in types else set())
