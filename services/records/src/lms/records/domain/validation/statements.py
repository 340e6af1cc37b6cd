"""A Statement as xAPI 1.0.3 (Data 2) and 2.0 define it: every rule the LRS must enforce."""

from __future__ import annotations

import re
from typing import Any

from lms.records.domain.validation import checks as c
from lms.records.domain.validation.activities import activity
from lms.records.domain.validation.actors import actor, agent, authority, group
from lms.records.domain.validation.primitives import is_language_tag

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
VERSION = re.compile(r"^(?:1\.0|2\.0)(?:\.\d+)?$")
SHARED_KEYS = ("actor", "verb", "object", "result", "context", "timestamp", "attachments")
STATEMENT_KEYS = ("id", *SHARED_KEYS, "stored", "authority", "version")
SUBSTATEMENT_KEYS = ("objectType", *SHARED_KEYS)
CONTEXT_KEYS = (
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
    "contextAgents",
    "contextGroups",
)
CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")


def statement(value: Any, path: str = "statement") -> None:
    """Raise `Invalid` naming the first rule `value` breaks."""
    c.no_nulls(c.json_object(value, path), path)
    found = c.members(value, path, STATEMENT_KEYS, required=("actor", "verb", "object"))
    c.optional(found, "id", path, c.uuid)
    _shared(found, path, nested=False)
    c.optional(found, "stored", path, c.timestamp)
    c.optional(found, "authority", path, authority)
    c.optional(found, "version", path, _version)


def _shared(found: dict[str, Any], path: str, *, nested: bool) -> None:
    actor(found["actor"], f"{path}.actor")
    verb(found["verb"], f"{path}.verb")
    statement_object(found["object"], f"{path}.object", nested=nested)
    if found["verb"]["id"] == VOIDED and found["object"].get("objectType") != "StatementRef":
        raise c.fail(f"{path}.object", "a voiding statement's object is a StatementRef")
    c.optional(found, "result", path, result)
    c.optional(found, "context", path, lambda v, at: context(v, at, found["object"]))
    c.optional(found, "timestamp", path, c.timestamp)
    c.optional(found, "attachments", path, lambda v, at: c.array(v, at, attachment))


def verb(value: Any, path: str) -> None:
    found = c.members(value, path, ("id", "display"), required=("id",))
    c.iri(found["id"], f"{path}.id")
    c.optional(found, "display", path, c.language_map)


def statement_object(value: Any, path: str, *, nested: bool = False) -> None:
    kind = c.json_object(value, path).get("objectType", "Activity")
    if not isinstance(kind, str):
        raise c.fail(f"{path}.objectType", "must be a string")
    if kind == "SubStatement" and not nested:
        substatement(value, path)
    elif kind in OBJECT_CHECKS:
        OBJECT_CHECKS[kind](value, path)
    else:
        allowed = "Activity, Agent, Group, StatementRef" + ("" if nested else " or SubStatement")
        raise c.fail(f"{path}.objectType", f"must be {allowed}, not {kind!r}")


def substatement(value: Any, path: str) -> None:
    found = c.members(value, path, SUBSTATEMENT_KEYS, required=("objectType", "actor", "verb", "object"))
    _shared(found, path, nested=True)


def statement_ref(value: Any, path: str) -> None:
    found = c.members(value, path, ("objectType", "id"), required=("objectType", "id"))
    if found["objectType"] != "StatementRef":
        raise c.fail(f"{path}.objectType", "must be 'StatementRef'")
    c.uuid(found["id"], f"{path}.id")


def _agent_object(value: Any, path: str) -> None:
    c.members(value, path, ("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"))
    agent(value, path)


OBJECT_CHECKS = {"Activity": activity, "Agent": _agent_object, "Group": group, "StatementRef": statement_ref}


def result(value: Any, path: str) -> None:
    keys = ("score", "success", "completion", "response", "duration", "extensions")
    found = c.members(value, path, keys)
    c.optional(found, "score", path, score)
    c.optional(found, "success", path, c.boolean)
    c.optional(found, "completion", path, c.boolean)
    c.optional(found, "response", path, c.string)
    c.optional(found, "duration", path, c.duration)
    c.optional(found, "extensions", path, c.extensions)


def score(value: Any, path: str) -> None:
    found = c.members(value, path, ("scaled", "raw", "min", "max"))
    for key in found:
        c.number(found[key], f"{path}.{key}")
    if "scaled" in found and not -1 <= found["scaled"] <= 1:
        raise c.fail(f"{path}.scaled", "must be between -1 and 1")
    if "min" in found and "max" in found and found["min"] >= found["max"]:
        raise c.fail(path, "'min' must be less than 'max'")
    raw = found.get("raw")
    if raw is not None and not found.get("min", raw) <= raw <= found.get("max", raw):
        raise c.fail(f"{path}.raw", "must lie between 'min' and 'max'")


def context(value: Any, path: str, statement_object: dict[str, Any]) -> None:
    found = c.members(value, path, CONTEXT_KEYS)
    c.optional(found, "registration", path, c.uuid)
    c.optional(found, "instructor", path, actor)
    c.optional(found, "team", path, group)
    c.optional(found, "contextActivities", path, context_activities)
    c.optional(found, "statement", path, statement_ref)
    c.optional(found, "extensions", path, c.extensions)
    c.optional(found, "language", path, c.typed(is_language_tag, "an RFC 5646 language tag"))
    c.optional(found, "contextAgents", path, lambda v, at: c.array(v, at, _context_agent))
    c.optional(found, "contextGroups", path, lambda v, at: c.array(v, at, _context_group))
    for key in ("revision", "platform"):
        c.optional(found, key, path, c.string)
        if key in found and statement_object.get("objectType", "Activity") != "Activity":
            raise c.fail(f"{path}.{key}", "is only allowed when the object is an Activity")


def context_activities(value: Any, path: str) -> None:
    for kind, activities in c.members(value, path, CONTEXT_ACTIVITY_KINDS).items():
        if isinstance(activities, list):
            c.array(activities, f"{path}.{kind}", activity)
        else:
            activity(activities, f"{path}.{kind}")


def _context_agent(value: Any, path: str) -> None:
    found = c.members(value, path, ("objectType", "agent", "relevantTypes"), required=("objectType", "agent"))
    if found["objectType"] != "contextAgent":
        raise c.fail(f"{path}.objectType", "must be 'contextAgent'")
    agent(found["agent"], f"{path}.agent")
    c.optional(found, "relevantTypes", path, lambda v, at: c.array(v, at, c.iri, non_empty=True))


def _context_group(value: Any, path: str) -> None:
    found = c.members(value, path, ("objectType", "group", "relevantTypes"), required=("objectType", "group"))
    if found["objectType"] != "contextGroup":
        raise c.fail(f"{path}.objectType", "must be 'contextGroup'")
    group(found["group"], f"{path}.group")
    c.optional(found, "relevantTypes", path, lambda v, at: c.array(v, at, c.iri, non_empty=True))


def attachment(value: Any, path: str) -> None:
    keys = ("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl")
    found = c.members(value, path, keys, required=("usageType", "display", "contentType", "length", "sha2"))
    c.iri(found["usageType"], f"{path}.usageType")
    c.language_map(found["display"], f"{path}.display")
    c.optional(found, "description", path, c.language_map)
    c.mime_type(found["contentType"], f"{path}.contentType")
    c.integer(found["length"], f"{path}.length")
    if found["length"] < 0:
        raise c.fail(f"{path}.length", "must not be negative")
    c.sha2(found["sha2"], f"{path}.sha2")
    c.optional(found, "fileUrl", path, c.irl)


def _version(value: Any, path: str) -> None:
    if not isinstance(value, str) or not VERSION.match(value):
        raise c.fail(path, "must be 1.0, 1.0.x, 2.0 or 2.0.x")
