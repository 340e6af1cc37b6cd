"""The Agents and Activities resources: what the LRS knows of a person and of an Activity."""

from __future__ import annotations

from typing import Any

from lms.kit.auth import Principal
from lms.records.domain import definitions, identities
from lms.records.service import access, canonical
from lms.records.service.context import Context


def person(principal: Principal, agent: dict[str, Any]) -> dict[str, Any]:
    """The Person object of an Agent: its names and identifiers, each as a list."""
    access.require_read(principal)
    return identities.person(agent)


def activity(ctx: Context, principal: Principal, activity_id: str) -> dict[str, Any]:
    """The Activity with its canonical definition (just its id when the LRS has none)."""
    access.require_read(principal)
    with ctx.reads() as session:
        known = canonical.known(session, [activity_id])
    return definitions.activity(activity_id, known.get(activity_id))
