"""The statements the LMS itself writes in cmi5: launched, satisfied, abandoned, waived (cmi5 9.3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from lms.records.domain.cmi5.course import Au
from lms.records.domain.cmi5.launch import SESSION_ID

CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
EXT = "https://w3id.org/xapi/cmi5/context/extensions/"
BLOCK_TYPE = "https://w3id.org/xapi/cmi5/activitytype/block"
COURSE_TYPE = "https://w3id.org/xapi/cmi5/activitytype/course"
REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"
VERBS = {
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
    "waived": "https://w3id.org/xapi/adl/verbs/waived",
    "satisfied": "https://w3id.org/xapi/adl/verbs/satisfied",
}


@dataclass(frozen=True)
class About:
    """Who, in which registration and session, at what moment."""

    actor: dict[str, Any]
    registration: str
    session_id: str
    at: datetime


def launched(about: About, au: Au, activity_id: str, launch_mode: str, launch_url: str) -> dict[str, Any]:
    extensions = {"launchmode": launch_mode, "launchurl": launch_url, "moveon": au.move_on}
    if au.launch_parameters is not None:
        extensions["launchparameters"] = au.launch_parameters
    if au.mastery_score is not None:
        extensions["masteryscore"] = au.mastery_score
    return _statement(about, "launched", _activity(activity_id), au.id, extensions)


def abandoned(about: About, au: Au, activity_id: str, duration: timedelta) -> dict[str, Any]:
    statement = _statement(about, "abandoned", _activity(activity_id), au.id)
    statement["result"] = {"duration": iso_duration(duration)}
    return statement


def waived(about: About, au: Au, activity_id: str, reason: str) -> dict[str, Any]:
    statement = _statement(about, "waived", _activity(activity_id), au.id, moveon=True)
    statement["result"] = {"success": True, "completion": True, "extensions": {REASON: reason}}
    return statement


def satisfied(about: About, activity_id: str, publisher_id: str, kind: str) -> dict[str, Any]:
    """A block (`kind` block) or the course (`course`) is satisfied."""
    target = _activity(activity_id, BLOCK_TYPE if kind == "block" else COURSE_TYPE)
    return _statement(about, "satisfied", target, publisher_id)


def _activity(activity_id: str, activity_type: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"objectType": "Activity", "id": activity_id}
    if activity_type:
        found["definition"] = {"type": activity_type}
    return found


def _statement(
    about: About,
    verb: str,
    target: dict[str, Any],
    publisher_id: str,
    extensions: dict[str, Any] | None = None,
    *,
    moveon: bool = False,
) -> dict[str, Any]:
    categories = [{"objectType": "Activity", "id": CMI5_CATEGORY}]
    if moveon:
        categories.append({"objectType": "Activity", "id": MOVEON_CATEGORY})
    return {
        "id": str(uuid.uuid4()),
        "timestamp": about.at.isoformat().replace("+00:00", "Z"),
        "actor": about.actor,
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": target,
        "context": {
            "registration": about.registration,
            "contextActivities": {
                "category": categories,
                "grouping": [{"objectType": "Activity", "id": publisher_id}],
            },
            "extensions": {
                SESSION_ID: about.session_id,
                **{EXT + k: v for k, v in (extensions or {}).items()},
            },
        },
    }


def iso_duration(duration: timedelta) -> str:
    """An ISO 8601 duration to the hundredth of a second (PT1H2M3.45S)."""
    hundredths = max(0, round(duration.total_seconds() * 100))
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    seconds = f"{rest // 100}.{rest % 100:02d}".rstrip("0").rstrip(".")
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{seconds}S"
