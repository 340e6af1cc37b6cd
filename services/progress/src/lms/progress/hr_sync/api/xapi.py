"""The xAPI statement resource for reading clients (an LRS's `GET statements`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Response, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import requires
from lms.progress.errors import NotFound
from lms.progress.hr_sync.api.xapi_schemas import MAX_LIMIT, StatementPage, StatementQueryIn
from lms.progress.hr_sync.service import xapi
from lms.progress.hr_sync.service.xapi import StatementQuery
from lms.progress.web import context

blp = Blueprint("xapi", __name__, description="xAPI 1.0.3 statements: completed, passed, failed")
VERSION = {"X-Experience-API-Version": "1.0.3"}


@blp.after_request
def _version_header(response: Response) -> Response:
    response.headers.update(VERSION)
    return response


@blp.route("/xapi/statements")
class Statements(MethodView):
    @requires("hr")
    @blp.arguments(StatementQueryIn(), location="query")
    @blp.response(200, StatementPage())
    def get(self, args: dict[str, Any]) -> Any:
        """Statements, newest first (`ascending=true`: oldest first); `more` continues the same query."""
        query = statement_query(args, context().xapi.home_page)
        result = xapi.find(context(), query)
        if query.statement_id:
            return _single(result)
        cursor = result.last_position if result.last_position is not None else (query.after or 0)
        more = _more(result, cursor, isinstance(args.get("since"), int))
        return {"statements": result.statements, "more": more, "next_cursor": str(cursor)}


def statement_query(args: dict[str, Any], home_page: str) -> StatementQuery:
    """The use case's query from the parameters (a numeric `since` is an earlier client's cursor)."""
    since, after = args.get("since"), args.get("cursor")
    legacy = isinstance(since, int)
    return StatementQuery(
        limit=args["limit"] or MAX_LIMIT,
        ascending=args["ascending"] or legacy,
        statement_id=str(args["statement_id"]) if args.get("statement_id") else None,
        since=None if legacy else since,
        until=args.get("until"),
        verb=args.get("verb"),
        activity=args.get("activity"),
        actor_name=_actor_name(args["agent"], home_page) if "agent" in args else None,
        registration=str(args["registration"]) if args.get("registration") else None,
        after=since if legacy and after is None else after,
    )


def _actor_name(agent: dict[str, Any], home_page: str) -> str:
    """The account name an Agent names on this LMS ("" matches nothing: other kinds of agent)."""
    account = agent.get("account") or {}
    return str(account.get("name", "")) if account.get("homePage") == home_page else ""


def _more(result: xapi.StatementResult, cursor: int, legacy: bool) -> str:
    """The relative URL of the next page: the same query, continued after `cursor`."""
    if not result.more:
        return ""
    args = {k: v for k, v in request.args.items() if not (legacy and k == "since")}
    if legacy:
        args["ascending"] = "true"
    return f"{request.path}?{urlencode({**args, 'cursor': cursor})}"


def _single(result: xapi.StatementResult) -> Response:
    if not result.statements:
        raise NotFound("No statement with this id.")
    return jsonify(result.statements[0])
