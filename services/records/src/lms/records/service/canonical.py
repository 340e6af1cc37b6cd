"""The canonical definition of each Activity: learnt from statements, served to readers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.kit.db import insert_ignore
from lms.records.db import activities
from lms.records.domain import definitions
from lms.records.domain.identities import iri_key
from lms.records.domain.statements import activities as activities_of

A = activities.c


def learn(session: Session, statements: Iterable[dict[str, Any]]) -> None:
    """Merge the definitions the statements carry into the canonical ones (locked, in key order)."""
    incoming: dict[str, tuple[str, dict[str, Any]]] = {}
    for statement in statements:
        for activity in activities_of(statement):
            if activity.get("definition"):
                key = iri_key(activity["id"])
                known = incoming.get(key, (activity["id"], {}))[1]
                incoming[key] = (activity["id"], definitions.merged(known, activity["definition"]))
    if not incoming:
        return
    keys = sorted(incoming)
    insert_ignore(
        session, activities, [{"activity_key": k, "id": incoming[k][0], "definition": "{}"} for k in keys]
    )
    rows = session.execute(
        select(A.activity_key, A.definition).where(A.activity_key.in_(keys)).with_for_update()
    )
    for key, stored in sorted(rows.all()):
        known = json.loads(stored)
        merged = definitions.merged(known, incoming[key][1])
        if merged != known:
            text = json.dumps(merged, ensure_ascii=False, separators=(",", ":"))
            session.execute(update(activities).where(A.activity_key == key).values(definition=text))


def known(session: Session, activity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The canonical definitions of the given Activities, by id (those the LRS knows)."""
    keys = {iri_key(a): a for a in activity_ids}
    if not keys:
        return {}
    rows = session.execute(select(A.activity_key, A.definition).where(A.activity_key.in_(list(keys))))
    return {keys[key]: json.loads(text) for key, text in rows if text != "{}"}
