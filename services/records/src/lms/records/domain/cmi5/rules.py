"""The rules cmi5 places on what an AU sends during its session (cmi5 6.3, 7.1, 9, 10.2.2, 11).

The LMS rejects, as 403, a statement from a session that breaks one (cmi5 6.3: the LMS "SHOULD
reject statements that conflict with the Statement API requirements"); each refusal names the
section. A statement is "cmi5 defined" when its context's category holds the cmi5 activity, and
"cmi5 allowed" otherwise (7.1.3). The order rules hold within the session (no verb twice, one
of passed/failed, initialized first) and within the registration (one completed, one passed, no
failed after passed).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lms.records.domain.cmi5.launch import SESSION_ID
from lms.records.domain.cmi5.statements import CMI5_CATEGORY, EXT, MOVEON_CATEGORY, VERBS
from lms.records.domain.errors import Forbidden
from lms.records.domain.validation.primitives import parse_timestamp

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
AU_VERBS = {VERBS[v]: v for v in ("initialized", "completed", "passed", "failed", "terminated")}
JUDGED = ("passed", "failed")
SATISFYING = ("completed", "passed", "failed")
NEEDS_DURATION = ("completed", "passed", "failed", "terminated")
MASTERY = EXT + "masteryscore"


class Refused(Forbidden):
    """A statement the session may not send (403)."""


@dataclass(frozen=True)
class SessionState:
    """What a statement is checked against: the session as launched, and what has happened so far."""

    session_id: str
    registration: str
    activity_id: str
    publisher_id: str
    actor: dict[str, Any]
    launch_mode: str
    mastery_score: float | None
    initialized: bool = False
    terminated: bool = False
    prefs_read: bool = False
    verbs: frozenset[str] = field(default_factory=frozenset)  # cmi5 defined verbs sent this session
    completed: bool = False  # in the registration, this AU
    passed: bool = False

    def after(self, verb: str | None) -> SessionState:
        """The state once a statement with this cmi5 defined verb (None: allowed) is stored."""
        if verb is None:
            return self
        return replace(
            self,
            verbs=self.verbs | {verb},
            initialized=self.initialized or verb == "initialized",
            terminated=self.terminated or verb == "terminated",
            completed=self.completed or verb == "completed",
            passed=self.passed or verb == "passed",
        )


def check(statement: dict[str, Any], state: SessionState) -> str | None:
    """The cmi5 defined verb of `statement` (None for a cmi5 allowed one), or `Refused` saying why."""
    verb_id = statement.get("verb", {}).get("id")
    if verb_id == VOIDED:
        raise Refused("An AU may not void statements (cmi5 6.3).")
    _common(statement, state)
    context = statement["context"]
    categories = {a.get("id") for a in _listed(context.get("contextActivities", {}).get("category"))}
    defined = CMI5_CATEGORY in categories
    verb = AU_VERBS.get(verb_id) if defined else None
    if MOVEON_CATEGORY in categories and verb not in SATISFYING:
        raise Refused("Only completed, passed and failed carry the moveOn category (cmi5 9.6.2.2).")
    if not state.initialized and verb != "initialized":
        raise Refused("The first statement of a session is initialized (cmi5 9.3).")
    if not defined:
        return None
    if verb is None:
        raise Refused(f"{verb_id} is not a verb an AU uses in cmi5 defined statements (cmi5 9.3).")
    _defined(statement, context, categories, verb, state)
    return verb


def _common(statement: dict[str, Any], state: SessionState) -> None:
    """What every statement of a session holds: an id, a UTC timestamp, the learner, the session."""
    if "id" not in statement:
        raise Refused("An AU assigns every statement its id (cmi5 9.1).")
    stamp = statement.get("timestamp")
    if not isinstance(stamp, str):
        raise Refused("Every statement has a timestamp (cmi5 9.7).")
    moment = parse_timestamp(stamp)
    if moment is None or moment.utcoffset() or not stamp.upper().endswith(("Z", "+00:00")):
        raise Refused("Timestamps are in UTC (cmi5 9.7).")
    _same_actor(statement.get("actor") or {}, state.actor)
    context = statement.get("context")
    if not isinstance(context, dict):
        raise Refused("Statements carry the context of the launch (cmi5 9.6).")
    if (context.get("extensions") or {}).get(SESSION_ID) != state.session_id:
        raise Refused("Statements carry the session id of the launch in their context (cmi5 9.6.3.1).")
    if context.get("registration", state.registration) != state.registration:
        raise Refused("The registration is the one of the launch (cmi5 9.6.1).")


def _same_actor(actor: dict[str, Any], expected: dict[str, Any]) -> None:
    if actor.get("objectType", "Agent") != "Agent":
        raise Refused("The actor is the Agent of the launch, not a Group (cmi5 9.2).")
    if "account" not in actor or any(k in actor for k in ("mbox", "mbox_sha1sum", "openid")):
        raise Refused("The actor is identified by the account of the launch (cmi5 9.2).")
    if actor["account"] != expected["account"]:
        raise Refused("The actor is the learner the AU was launched for (cmi5 9.2).")


def _defined(
    statement: dict[str, Any], context: dict[str, Any], categories: set[Any], verb: str, state: SessionState
) -> None:
    target = statement.get("object") or {}
    if target.get("objectType", "Activity") != "Activity" or target.get("id") != state.activity_id:
        raise Refused("The object is the activityId of the launch (cmi5 8.1.5, 9.4).")
    if "registration" not in context:
        raise Refused("cmi5 defined statements carry the registration (cmi5 9.6.1).")
    grouping = {a.get("id") for a in _listed(context.get("contextActivities", {}).get("grouping"))}
    if state.publisher_id not in grouping:
        raise Refused("cmi5 defined statements keep the launch's contextActivities (cmi5 9.6.2).")
    if verb in SATISFYING and MOVEON_CATEGORY not in categories:
        raise Refused(f"{verb} carries the moveOn category (cmi5 9.6.2.2).")
    if verb in SATISFYING and state.launch_mode != "Normal":
        raise Refused(f"In {state.launch_mode} mode an AU sends no {verb} (cmi5 10.2.2).")
    _result(statement.get("result") or {}, context, verb, state)
    _order(verb, state)


def _result(result: dict[str, Any], context: dict[str, Any], verb: str, state: SessionState) -> None:
    success = {"passed": True, "failed": False}.get(verb)
    if result.get("success") is not success and ("success" in result or success is not None):
        raise Refused(f"{verb}: result.success is {success} here, or absent (cmi5 9.5.2).")
    completion = True if verb == "completed" else None
    if result.get("completion") is not completion and ("completion" in result or completion):
        raise Refused(f"{verb}: result.completion is true for completed and absent otherwise (cmi5 9.5.3).")
    if verb in NEEDS_DURATION and "duration" not in result:
        raise Refused(f"{verb} carries result.duration (cmi5 9.5.4.1).")
    _score(result.get("score"), context, verb, state)


def _score(score: Any, context: dict[str, Any], verb: str, state: SessionState) -> None:
    if score is not None and verb not in JUDGED:
        raise Refused(f"{verb} carries no score (cmi5 9.5.1).")
    if isinstance(score, dict) and "raw" in score and not ("min" in score and "max" in score):
        raise Refused("A raw score comes with min and max (cmi5 9.5.1).")
    if verb not in JUDGED or state.mastery_score is None:
        return
    extensions = context.get("extensions") or {}
    scaled = score.get("scaled") if isinstance(score, dict) else None
    judged_by_score = scaled is not None or MASTERY in extensions  # "based on the masteryScore"
    if judged_by_score and extensions.get(MASTERY) != state.mastery_score:
        raise Refused(f"{verb} judged by score carries the launch's masteryScore (cmi5 9.6.3.2).")
    if scaled is None:
        return
    if verb == "passed" and scaled < state.mastery_score:
        raise Refused("A passed score is at least the masteryScore (cmi5 9.3.4).")
    if verb == "failed" and scaled >= state.mastery_score:
        raise Refused("A failed score is below the masteryScore (cmi5 9.3.5).")


def _order(verb: str, state: SessionState) -> None:
    if verb in state.verbs or (verb == "initialized" and state.initialized):
        raise Refused(f"{verb} was sent already in this session (cmi5 9.3).")
    if verb == "initialized" and not state.prefs_read:
        raise Refused("The AU reads cmi5LearnerPreferences before it is initialized (cmi5 11).")
    if verb in JUDGED and state.verbs & set(JUDGED):
        raise Refused("A session holds one of passed or failed, not both (cmi5 9.3).")
    if verb == "completed" and state.completed:
        raise Refused("An AU is completed once per registration (cmi5 9.3.3).")
    if verb == "passed" and state.passed:
        raise Refused("An AU is passed once per registration (cmi5 9.3.4).")
    if verb == "failed" and state.passed:
        raise Refused("No failed after passed in a registration (cmi5 9.3).")


def _listed(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    return [item for item in items if isinstance(item, dict)]
