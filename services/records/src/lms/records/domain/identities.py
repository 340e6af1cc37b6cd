"""Who an Agent or Group is: its inverse functional identifier, as a key the store can index.

Two Agents (or two Identified Groups) are the same when they have the same objectType and the
same identifier; the key is a SHA-256 of both, so any identifier fits one fixed-width column.
"""

from __future__ import annotations

import hashlib
from typing import Any

from lms.records.domain.validation.actors import IFIS


def identifier(actor: dict[str, Any]) -> tuple[str, str] | None:
    """(kind, value) of the actor's identifier; None for an anonymous Group."""
    for kind in IFIS:
        if kind in actor:
            value = actor[kind]
            if kind == "account":
                return kind, f"{value['homePage']} {value['name']}"
            if kind == "mbox":
                return kind, _mailto(value)
            return kind, value
    return None


def actor_key(actor: dict[str, Any]) -> str | None:
    """The index key of an Agent or Identified Group (None for an anonymous Group)."""
    found = identifier(actor)
    if found is None:
        return None
    kind = actor.get("objectType", "Agent")
    return hashlib.sha256(f"{kind}\n{found[0]}\n{found[1]}".encode()).hexdigest()


def person(actor: dict[str, Any]) -> dict[str, Any]:
    """The Person object of the Agents resource: each known property as a list."""
    found: dict[str, Any] = {"objectType": "Person"}
    if "name" in actor:
        found["name"] = [actor["name"]]
    for kind in IFIS:
        if kind in actor:
            found[kind] = [actor[kind]]
    return found


def _mailto(value: str) -> str:
    """An mbox with its domain in lower case (domains are case-insensitive)."""
    local, _, domain = value.partition("@")
    return f"{local}@{domain.lower()}"


def iri_key(iri: str) -> str:
    """The index key of an IRI (a verb, an activity): its SHA-256, whatever its length."""
    return hashlib.sha256(iri.encode()).hexdigest()
