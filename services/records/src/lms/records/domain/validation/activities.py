"""Activities and their definitions, interaction activities included (xAPI Data 2.4.4.1)."""

from __future__ import annotations

from typing import Any

from lms.records.domain.validation import checks as c

INTERACTION_TYPES = {
    "true-false": (),
    "choice": ("choices",),
    "fill-in": (),
    "long-fill-in": (),
    "matching": ("source", "target"),
    "performance": ("steps",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "numeric": (),
    "other": (),
}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")
DEFINITION_KEYS = (
    "name",
    "description",
    "type",
    "moreInfo",
    "interactionType",
    "correctResponsesPattern",
    *COMPONENT_LISTS,
    "extensions",
)


def activity(value: Any, path: str) -> None:
    found = c.members(value, path, ("objectType", "id", "definition"), required=("id",))
    if found.get("objectType", "Activity") != "Activity":
        raise c.fail(f"{path}.objectType", "must be 'Activity'")
    c.iri(found["id"], f"{path}.id")
    c.optional(found, "definition", path, definition)


def definition(value: Any, path: str) -> None:
    found = c.members(value, path, DEFINITION_KEYS)
    c.optional(found, "name", path, c.language_map)
    c.optional(found, "description", path, c.language_map)
    c.optional(found, "type", path, c.iri)
    c.optional(found, "moreInfo", path, c.irl)
    c.optional(found, "extensions", path, c.extensions)
    _interaction(found, path)


def _interaction(found: dict[str, Any], path: str) -> None:
    used = [k for k in ("correctResponsesPattern", *COMPONENT_LISTS) if k in found]
    kind = found.get("interactionType")
    if kind is None:
        if used:
            raise c.fail(path, f"uses {used[0]!r}, so it needs 'interactionType'")
        return
    if not isinstance(kind, str) or kind not in INTERACTION_TYPES:
        raise c.fail(f"{path}.interactionType", f"must be one of {', '.join(INTERACTION_TYPES)}")
    c.optional(found, "correctResponsesPattern", path, lambda v, at: c.array(v, at, c.string))
    for key in COMPONENT_LISTS:
        if key in found and key not in INTERACTION_TYPES[kind]:
            raise c.fail(f"{path}.{key}", f"does not belong to a {kind!r} interaction")
        c.optional(found, key, path, _components)


def _components(value: Any, path: str) -> None:
    c.array(value, path, _component)
    ids = [component["id"] for component in value]
    if len(set(ids)) != len(ids):
        raise c.fail(path, "holds two components with the same id")


def _component(value: Any, path: str) -> None:
    found = c.members(value, path, ("id", "description"), required=("id",))
    c.string(found["id"], f"{path}.id")
    if not found["id"]:
        raise c.fail(f"{path}.id", "must not be empty")
    c.optional(found, "description", path, c.language_map)
