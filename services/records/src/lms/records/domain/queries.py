"""The parameters of `GET statements` (xAPI Communication 2.1.3), checked as strictly as statements.

Parameter names are case-sensitive and none may be repeated; an unknown one is refused. A
request for one statement (`statementId` or `voidedStatementId`) takes only `format` and
`attachments` besides. `cursor` is the LRS's own: the `more` link continues a query with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lms.records.domain.errors import Invalid
from lms.records.domain.formats import FORMATS
from lms.records.domain.identities import actor_key
from lms.records.domain.validation import actors, primitives

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
SINGLE = ("statementId", "voidedStatementId")
FILTERS = (
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "ascending",
    "cursor",
)
SHAPING = ("format", "attachments")


@dataclass(frozen=True)
class SingleQuery:
    statement_id: str
    voided: bool
    format: str = "exact"
    attachments: bool = False


@dataclass(frozen=True)
class StatementQuery:
    agent: str | None = None  # an actor key (lms.records.domain.identities)
    related_agents: bool = False
    verb: str | None = None
    activity: str | None = None
    related_activities: bool = False
    registration: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = DEFAULT_LIMIT
    ascending: bool = False
    cursor: int | None = None  # the last position a previous page served
    format: str = "exact"
    attachments: bool = False

    @property
    def filtered(self) -> bool:
        """Whether the query names statements by content (so statements referring to them count)."""
        return any(v is not None for v in (self.agent, self.verb, self.activity, self.registration))


def parse(params: Mapping[str, Sequence[str]]) -> SingleQuery | StatementQuery:
    """The query `params` (name -> values) ask for, or `Invalid` saying which parameter is wrong."""
    given = single_values(params, (*SINGLE, *FILTERS, *SHAPING))
    shaping = {"format": _format(given), "attachments": boolean(given, "attachments")}
    single = [name for name in SINGLE if name in given]
    if single:
        return _single(given, single, shaping)
    return StatementQuery(
        agent=_agent(given),
        related_agents=boolean(given, "related_agents"),
        verb=_iri(given, "verb"),
        activity=_iri(given, "activity"),
        related_activities=boolean(given, "related_activities"),
        registration=_uuid(given, "registration"),
        since=timestamp(given, "since"),
        until=timestamp(given, "until"),
        limit=_limit(given),
        ascending=boolean(given, "ascending"),
        cursor=_cursor(given),
        **shaping,
    )


def _single(given: dict[str, str], single: list[str], shaping: dict[str, Any]) -> SingleQuery:
    others = sorted(set(given) - {*SHAPING, single[0]})
    if len(single) > 1 or others:
        raise Invalid(
            f"{single[0]} takes only 'format' and 'attachments' besides, not {(single[1:] + others)[0]!r}."
        )
    return SingleQuery(_uuid(given, single[0]) or "", voided=single[0] == "voidedStatementId", **shaping)


def single_values(params: Mapping[str, Sequence[str]], known: Sequence[str]) -> dict[str, str]:
    """The parameters as name -> value, when each is known and given once."""
    for name, values in params.items():
        if name not in known:
            raise Invalid(
                f"The parameter {name!r} is not one this resource takes (names are case-sensitive)."
            )
        if len(values) != 1:
            raise Invalid(f"The parameter {name!r} is given more than once.")
    return {name: values[0] for name, values in params.items()}


def statement_id(params: Mapping[str, Sequence[str]]) -> str:
    """The `statementId` of PUT statements, its one parameter."""
    given = single_values(params, ("statementId",))
    if not primitives.is_uuid(given.get("statementId")):
        raise Invalid("PUT statements needs the statementId parameter, a UUID.")
    return given["statementId"]


def boolean(given: Mapping[str, str], name: str) -> bool:
    value = given.get(name, "false")
    if value not in ("true", "false"):
        raise Invalid(f"{name} must be true or false.")
    return value == "true"


def timestamp(given: Mapping[str, str], name: str) -> datetime | None:
    if name not in given:
        return None
    found = primitives.parse_timestamp(given[name])
    if found is None:
        raise Invalid(f"{name} must be an ISO 8601 timestamp.")
    return found


def agent_param(raw: str, name: str = "agent") -> dict[str, Any]:
    """An Agent or Identified Group given as JSON in a parameter."""
    try:
        agent = json.loads(raw)
        json.dumps(agent, ensure_ascii=False).encode()
    except (ValueError, UnicodeError):
        raise Invalid(f"{name} must be an Agent or Group as JSON.") from None
    actors.identified(agent, name)
    return agent


def _agent(given: Mapping[str, str]) -> str | None:
    return actor_key(agent_param(given["agent"])) if "agent" in given else None


def _iri(given: Mapping[str, str], name: str) -> str | None:
    value = given.get(name)
    if value is not None and not primitives.is_iri(value):
        raise Invalid(f"{name} must be an IRI.")
    return value


def _uuid(given: Mapping[str, str], name: str) -> str | None:
    value = given.get(name)
    if value is not None and not primitives.is_uuid(value):
        raise Invalid(f"{name} must be a UUID.")
    return value


def _limit(given: Mapping[str, str]) -> int:
    raw = given.get("limit", str(DEFAULT_LIMIT))
    if not raw.isdigit():
        raise Invalid("limit must be a non-negative integer.")
    limit = int(raw)
    return MAX_LIMIT if limit == 0 else min(limit, MAX_LIMIT)


def _cursor(given: Mapping[str, str]) -> int | None:
    raw = given.get("cursor")
    if raw is not None and (not raw.isdigit() or len(raw) > 18):
        raise Invalid("cursor is the position a 'more' link carries.")
    return int(raw) if raw is not None else None


def _format(given: Mapping[str, str]) -> str:
    value = given.get("format", "exact")
    if value not in FORMATS:
        raise Invalid(f"format must be one of {', '.join(FORMATS)}.")
    return value
