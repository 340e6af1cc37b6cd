"""Canonical Activity definitions: what the LRS knows of an Activity from every statement.

A later definition adds languages to the language maps and replaces the other properties;
the Activities resource and the `canonical` statement format serve the merged definition.
"""

from __future__ import annotations

from typing import Any

LANGUAGE_MAPS = ("name", "description")


def merged(known: dict[str, Any] | None, incoming: dict[str, Any]) -> dict[str, Any]:
    """`incoming` over `known`: language maps joined per language, other properties replaced."""
    result = dict(known or {})
    for key, value in incoming.items():
        if key in LANGUAGE_MAPS and isinstance(result.get(key), dict):
            result[key] = {**result[key], **value}
        else:
            result[key] = value
    return result


def activity(activity_id: str, definition: dict[str, Any] | None) -> dict[str, Any]:
    """The Activity object the Activities resource returns (no definition when none is known)."""
    found: dict[str, Any] = {"objectType": "Activity", "id": activity_id}
    if definition:
        found["definition"] = definition
    return found
