"""`/xapi/about`, `/xapi/agents`, `/xapi/activities`: the LRS itself, a person, an Activity."""

from __future__ import annotations

from flask import Blueprint, Response

from lms.records.api.common import caller, context, json_reply
from lms.records.api.xapi_request import current
from lms.records.domain import queries, versions
from lms.records.domain.errors import Invalid
from lms.records.domain.validation import primitives
from lms.records.service import resources

blp = Blueprint("resources", __name__, url_prefix="/xapi")


@blp.get("/about")
def about() -> Response:
    """The xAPI versions this LRS speaks (public: a client asks before it has a version to send)."""
    current(versioned=False)
    return json_reply({"version": list(versions.SUPPORTED), "extensions": {}})


@blp.get("/agents")
def agents() -> Response:
    """The Person object of an Agent."""
    given = queries.single_values(current().params, ("agent",))
    if "agent" not in given:
        raise Invalid("agent is required: an Agent as JSON.")
    return json_reply(resources.person(caller(), queries.agent_param(given["agent"])))


@blp.get("/activities")
def activities() -> Response:
    """An Activity with its canonical definition."""
    given = queries.single_values(current().params, ("activityId",))
    if not primitives.is_iri(given.get("activityId")):
        raise Invalid("activityId is required, an IRI.")
    return json_reply(resources.activity(context(), caller(), given["activityId"]))
