"""Query parameters of the xAPI statement resource (xAPI 1.0.3, section 2.1.3 of part three)."""

from __future__ import annotations

import json
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.kit.web import numbers
from lms.kit.web.schemas import Reply, Strict

MAX_LIMIT = 1000


class Since(fields.Field):
    """An RFC 3339 timestamp on `stored`, or (earlier clients) the integer `next_cursor`."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and value.isdigit():
            return numbers.cursor().deserialize(value)
        return fields.AwareDateTime()._deserialize(value, attr, data, **kwargs)


class AgentJson(fields.Field):
    """An xAPI Agent as JSON, e.g. `{"account": {"homePage": "...", "name": "learner id"}}`."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            agent = json.loads(value)
        except (TypeError, ValueError) as exc:
            raise ma.ValidationError("Not a JSON xAPI Agent.") from exc
        if not isinstance(agent, dict):
            raise ma.ValidationError("Not a JSON xAPI Agent.")
        return agent


class StatementQueryIn(Strict):
    statement_id = fields.UUID(data_key="statementId")
    since = Since(
        metadata={"type": "string", "description": "RFC 3339 timestamp (statements stored after it)"}
    )
    until = fields.AwareDateTime(metadata={"description": "statements stored at or before it"})
    limit = fields.Integer(
        load_default=100,
        validate=validate.Range(0, MAX_LIMIT),
        metadata={"description": "0: the server's maximum"},
    )
    ascending = fields.Boolean(load_default=False)
    verb = fields.String(validate=validate.Length(1, 500))
    activity = fields.String(validate=validate.Length(1, 2000))
    agent = AgentJson(metadata={"type": "string", "description": "JSON xAPI Agent"})
    registration = fields.UUID()
    cursor = numbers.cursor(metadata={"description": "inside `more` links"})
    format = fields.String(validate=validate.OneOf(["exact", "ids", "canonical"]))
    attachments = fields.Boolean()
    related_activities = fields.Boolean()
    related_agents = fields.Boolean()


class StatementPage(Reply):
    statements = fields.List(fields.Dict())
    more = fields.String(metadata={"description": "relative URL of the next page, or empty"})
    next_cursor = fields.String(metadata={"description": "the last position served (earlier clients)"})
