"""`/xapi/statements`: PUT one statement, POST one or many, GET one or a page (and HEAD)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, g

from lms.records.api import statement_bodies
from lms.records.api.common import caller, cmi5_session, context, http_date, json_reply, no_content
from lms.records.api.xapi_request import XapiRequest, current
from lms.records.domain import formats, multipart, queries
from lms.records.domain.errors import Invalid
from lms.records.service import reading, writing
from lms.records.service.cmi5 import runtime
from lms.records.service.reading import Found, stored_text

blp = Blueprint("statements", __name__, url_prefix="/xapi")
CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through"


@blp.route("/statements", methods=["PUT", "POST", "GET"])
def statements_resource() -> Response:
    """The Statement resource: the method may come in the query (alternate request syntax)."""
    request = current()
    view = {"PUT": _put, "POST": _post, "GET": _get}.get(request.method)
    if view is None:
        raise Invalid(f"The Statement resource takes PUT, POST and GET, not {request.method}.")
    return view(request)


def _put(request: XapiRequest) -> Response:
    """Store one statement under the id the query names."""
    statement_id = queries.statement_id(request.params)
    sent, data = statement_bodies.read(request)
    if not isinstance(sent, dict):
        raise Invalid("PUT statements takes one statement, not a list.")
    if sent.setdefault("id", statement_id) != statement_id:
        raise Invalid("The statement's id differs from the statementId parameter.")
    _store(writing.Submission([sent], request.version, data))
    return no_content()


def _post(request: XapiRequest) -> Response:
    """Store one statement or a list of them; the ids they were stored under."""
    if request.params:
        raise Invalid(f"POST statements takes no parameters, not {next(iter(request.params))!r}.")
    sent, data = statement_bodies.read(request)
    listed = sent if isinstance(sent, list) else [sent]
    return json_reply(_store(writing.Submission(listed, request.version, data)))


def _store(submission: writing.Submission) -> list[str]:
    """A launched AU's statements go through cmi5's rules; anyone else's are stored as sent."""
    session = cmi5_session()
    if session is not None:
        return runtime.store(context(), session, submission)
    return writing.store(context(), caller(), submission)


def _get(request: XapiRequest) -> Response:
    """One statement by id, or a page of those the filters select, oldest or newest first."""
    g.consistent_through = reading.consistent_through(context())
    if cmi5_session() is not None:
        runtime.check_read(context(), cmi5_session(), request.params)
    query = queries.parse(request.params)
    languages = formats.accepted_languages(request.header("Accept-Language"))
    if isinstance(query, queries.SingleQuery):
        found = reading.one(context(), caller(), query, languages)
        headers = {"Last-Modified": http_date(found.last_modified)} if found.last_modified else {}
        return _reply(found.statement, found, query.attachments, headers)
    found = reading.many(context(), caller(), query, languages)
    return _reply({"statements": found.statements, "more": _more(request, found)}, found, query.attachments)


def _more(request: XapiRequest, found: Found) -> str:
    """The relative URL of the next page: the same query, continued after the last position served."""
    if found.last_position is None:
        return ""
    params = {k: v[0] for k, v in request.params.items() if k != "cursor"}
    params["cursor"] = str(found.last_position)
    return f"/xapi/statements?{urlencode(params)}"


def _reply(
    result: Any, found: Found, with_attachments: bool, headers: dict[str, str] | None = None
) -> Response:
    headers = {**(headers or {}), CONSISTENT_THROUGH: stored_text(found.consistent_through)}
    if not with_attachments:
        return json_reply(result, headers=headers)
    parts = [multipart.Part({"Content-Type": "application/json"}, json_reply(result).get_data())]
    parts += [
        multipart.Part(
            {
                "Content-Type": a.content_type,
                "Content-Transfer-Encoding": "binary",
                "X-Experience-API-Hash": a.sha2,
            },
            a.content,
        )
        for a in found.attachments
    ]
    body, content_type = multipart.build(parts)
    return Response(body, headers=headers, content_type=content_type)


@blp.after_request
def _consistent_through(response: Response) -> Response:
    """Statement reads name the time they are consistent through, refusals included."""
    if "consistent_through" in g and CONSISTENT_THROUGH not in response.headers:
        response.headers[CONSISTENT_THROUGH] = stored_text(g.consistent_through)
    return response
