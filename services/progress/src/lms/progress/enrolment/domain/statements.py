"""xAPI 1.0.3 statements for completions and graded attempts.

Actors name the learner's account, or (when a deployment opts in) a keyed pseudonym of it."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from typing import Any

VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
NAMESPACE = uuid.UUID("6f1c1f4e-2a5d-4a8e-9a55-2f0d6c2b7a10")


def statement_id(event_id: str, verb: str) -> str:
    """Derived from the event: re-sending a statement never creates a second one."""
    return str(uuid.uuid5(NAMESPACE, f"{event_id}:{verb}"))


def account_actor(learner_id: str, home_page: str) -> dict[str, Any]:
    """The learner's account on this LMS: what an HR system matches its employees against."""
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": learner_id}}


def pseudonym_actor(learner_id: str, key: str, home_page: str) -> dict[str, Any]:
    """An account actor whose name is a keyed hash of the learner id (no personal data)."""
    name = hmac.new(key.encode(), learner_id.encode(), hashlib.sha256).hexdigest()[:32]
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": name}}


def statement(
    *,
    event_id: str,
    verb: str,
    learner: dict[str, Any],
    activity_id: str,
    activity_name: str,
    activity_type: str,
    timestamp: str,
    score: float | None,
    success: bool | None,
    extensions: dict[str, Any],
    registration: str | None = None,
) -> dict[str, Any]:
    """One statement; its id derives from the event, so re-recording it changes nothing."""
    return {
        "id": statement_id(event_id, verb),
        "version": "1.0.3",
        "actor": learner,
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": activity_id,
            "definition": {"name": {"en-US": activity_name}, "type": activity_type},
        },
        "result": _result(score, success),
        "timestamp": timestamp,
        "context": {"extensions": extensions, **_registration(registration)},
    }


def _registration(registration: str | None) -> dict[str, str]:
    """xAPI registrations are UUIDs: an enrolment id that is one becomes the statement's."""
    try:
        return {"registration": str(uuid.UUID(registration))} if registration else {}
    except ValueError:
        return {}


def _result(score: float | None, success: bool | None) -> dict[str, Any]:
    result: dict[str, Any] = {"completion": True}
    if success is not None:
        result["success"] = success
    if score is not None:
        result["score"] = {"scaled": round(max(-1.0, min(1.0, score)), 4)}
    return result
