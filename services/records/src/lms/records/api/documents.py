"""`/xapi/activities/state`, `/xapi/activities/profile`, `/xapi/agents/profile`: the document resources."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response

from lms.records.api.common import caller, cmi5_session, context, http_date, json_reply, no_content
from lms.records.api.xapi_request import XapiRequest, current
from lms.records.domain import documents as kinds
from lms.records.domain import queries
from lms.records.domain.documents import Preconditions, Scope
from lms.records.domain.errors import Invalid
from lms.records.domain.identities import actor_key
from lms.records.domain.validation import primitives
from lms.records.service import documents
from lms.records.service.cmi5 import runtime

blp = Blueprint("documents", __name__, url_prefix="/xapi")


@dataclass(frozen=True)
class Resource:
    kind: str
    document_param: str
    by_activity: bool
    by_agent: bool

    @property
    def known(self) -> tuple[str, ...]:
        names = ["activityId"] * self.by_activity + ["agent"] * self.by_agent
        names += ["registration"] * (self.kind == kinds.STATE)
        return (*names, self.document_param, "since")


STATE = Resource(kinds.STATE, "stateId", by_activity=True, by_agent=True)
ACTIVITY_PROFILE = Resource(kinds.ACTIVITY_PROFILE, "profileId", by_activity=True, by_agent=False)
AGENT_PROFILE = Resource(kinds.AGENT_PROFILE, "profileId", by_activity=False, by_agent=True)


@blp.route("/activities/state", methods=["PUT", "POST", "GET", "DELETE"])
def state() -> Response:
    """Documents an Activity keeps for one Agent (and registration)."""
    return _serve(STATE, current())


@blp.route("/activities/profile", methods=["PUT", "POST", "GET", "DELETE"])
def activity_profile() -> Response:
    """Documents about an Activity."""
    return _serve(ACTIVITY_PROFILE, current())


@blp.route("/agents/profile", methods=["PUT", "POST", "GET", "DELETE"])
def agent_profile() -> Response:
    """Documents about an Agent."""
    return _serve(AGENT_PROFILE, current())


def _serve(resource: Resource, request: XapiRequest) -> Response:
    given = queries.single_values(request.params, resource.known)
    scope = _scope(resource, given)
    document_id = given.get(resource.document_param)
    if cmi5_session() is not None:
        runtime.check_document(context(), cmi5_session(), resource.kind, request, given, document_id)
    if request.method == "GET":
        return _get(scope, document_id, given)
    if request.method == "DELETE" and document_id is None and resource.kind == kinds.STATE:
        documents.remove_all(context(), caller(), scope)
        return no_content()
    if document_id is None:
        raise Invalid(f"{request.method} needs the {resource.document_param} parameter.")
    if request.method == "DELETE":
        documents.remove(context(), caller(), scope, document_id, _preconditions(request))
        return no_content()
    if request.method not in ("PUT", "POST"):
        raise Invalid(f"Documents take PUT, POST, GET and DELETE, not {request.method}.")
    sent = documents.Written(
        request.body,
        request.header("Content-Type") or "application/octet-stream",
        request.version,
        _preconditions(request),
    )
    write = documents.put if request.method == "PUT" else documents.post
    write(context(), caller(), scope, document_id, sent)
    return no_content()


def _get(scope: Scope, document_id: str | None, given: dict[str, str]) -> Response:
    if document_id is None:
        found = documents.ids(context(), caller(), scope, queries.timestamp(given, "since"))
        return json_reply(found)
    document = documents.get(context(), caller(), scope, document_id)
    headers = {"ETag": f'"{document.etag}"', "Last-Modified": http_date(document.updated)}
    return Response(document.content, headers=headers, content_type=document.content_type)


def _scope(resource: Resource, given: dict[str, str]) -> Scope:
    activity_id = agent = registration = ""
    if resource.by_activity:
        activity_id = given.get("activityId", "")
        if not primitives.is_iri(activity_id):
            raise Invalid("activityId is required, an IRI.")
    if resource.by_agent:
        if "agent" not in given:
            raise Invalid("agent is required: an Agent as JSON.")
        agent = actor_key(queries.agent_param(given["agent"])) or ""
    if "registration" in given:
        registration = given["registration"]
        if not primitives.is_uuid(registration):
            raise Invalid("registration must be a UUID.")
    return Scope(resource.kind, activity_id, agent, registration)


def _preconditions(request: XapiRequest) -> Preconditions:
    return Preconditions(_tags(request.header("If-Match")), _tags(request.header("If-None-Match")))


def _tags(header: str | None) -> tuple[str, ...] | None:
    """The entity tags of an If-Match / If-None-Match header, unquoted (`*` kept as is)."""
    if header is None:
        return None
    tags = (t.strip().removeprefix("W/").strip('"') for t in header.split(","))
    return tuple(t for t in tags if t)
