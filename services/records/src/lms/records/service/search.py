"""The SQL of `GET statements`: one page of what a query selects, in `stored` order.

A statement matches when it fits the filters itself, or when its object refers (through a
chain of StatementRefs) to a statement that fits them, voided or not (Communication 2.1.3).
The two kinds are found by two index-friendly queries, each limited, then merged; voided
statements are never returned, and `since`, `until` and the cursor apply to what is returned.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select, union
from sqlalchemy.sql.elements import ColumnElement

from lms.records.db import statement_activities, statement_agents, statements
from lms.records.domain.identities import iri_key
from lms.records.domain.queries import StatementQuery

S = statements.c
AGENT_RELATIONS = ("actor", "object")
ACTIVITY_RELATIONS = ("object",)


def page(query: StatementQuery) -> Select[Any]:
    """The rows (seq, stored, payload) of one page of `query`, plus one to tell whether more follow."""
    order = S.seq.asc() if query.ascending else S.seq.desc()
    served = [S.seq.is_not(None), S.voided == false(), *_window(query)]
    columns = (S.seq, S.stored, S.payload)
    if not query.filtered:
        return select(*columns).where(*served).order_by(order).limit(query.limit + 1)
    direct = select(S.pk, S.seq).where(*served, *_content(statements, query))
    via_reference = select(S.pk, S.seq).where(*served, S.pk.in_(_referring(query)))
    parts = [select(q.order_by(order).limit(query.limit + 1).subquery()) for q in (direct, via_reference)]
    found = union(*parts).subquery()
    return (
        select(*columns)
        .join_from(statements, found, found.c.pk == S.pk)
        .order_by(order)
        .limit(query.limit + 1)
    )


def _window(query: StatementQuery) -> list[ColumnElement[bool]]:
    window = []
    if query.since is not None:
        window.append(S.stored > query.since)
    if query.until is not None:
        window.append(S.stored <= query.until)
    if query.cursor is not None:
        window.append(S.seq > query.cursor if query.ascending else S.seq < query.cursor)
    return window


def _content(table: Any, query: StatementQuery) -> list[ColumnElement[bool]]:
    """The filters on what a statement says (agent, verb, activity, registration)."""
    found = []
    if query.agent is not None:
        relations = None if query.related_agents else AGENT_RELATIONS
        found.append(table.c.pk.in_(_related(statement_agents, "agent_key", query.agent, relations)))
    if query.activity is not None:
        relations = None if query.related_activities else ACTIVITY_RELATIONS
        key = iri_key(query.activity)
        found.append(table.c.pk.in_(_related(statement_activities, "activity_key", key, relations)))
    if query.verb is not None:
        found.append(table.c.verb_key == iri_key(query.verb))
    if query.registration is not None:
        found.append(table.c.registration == query.registration)
    return found


def _related(index: Any, column: str, key: str, relations: tuple[str, ...] | None) -> Select[Any]:
    chosen = select(index.c.statement_pk).where(index.c[column] == key)
    return chosen.where(index.c.relation.in_(relations)) if relations else chosen


def _referring(query: StatementQuery) -> Select[Any]:
    """Rows of statements that refer, directly or through others, to one that fits the filters."""
    target = statements.alias("target")
    fitting = select(target.c.id).where(*_content(target, query))
    first = select(S.pk, S.id).where(S.ref_target.in_(fitting))
    chain = first.cte("chain", recursive=True)
    referrer = statements.alias("referrer")
    chain = chain.union(select(referrer.c.pk, referrer.c.id).where(referrer.c.ref_target == chain.c.id))
    return select(chain.c.pk)
