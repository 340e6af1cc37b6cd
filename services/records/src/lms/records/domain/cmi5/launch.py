"""A launch (cmi5 8.1, 10): the URL the learner's browser opens, and the LMS.LaunchData document.

The launch URL is the AU's URL (served from the suite's content origin when the package held it)
with its own query kept and the five launch parameters appended, each URL-encoded. The
`launchurl` of the launched statement is the same URL without those five.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from lms.records.domain.cmi5.course import Au, Cmi5Course

LAUNCH_MODES = ("Normal", "Browse", "Review")
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
LAUNCH_DATA = "LMS.LaunchData"


@dataclass(frozen=True)
class Places:
    """Where the suite is reached from a learner's browser."""

    public_url: str  # the gateway, e.g. https://lms.example.com
    content_url: str  # where package files are served, e.g. https://content.lms.example.com/content

    @property
    def endpoint(self) -> str:
        return f"{self.public_url.rstrip('/')}/xapi"

    def fetch_url(self, key: str) -> str:
        return f"{self.public_url.rstrip('/')}/api/v1/cmi5/fetch/{key}"


def actor(home_page: str, learner_id: str) -> dict[str, Any]:
    """The learner as cmi5 actors name them: an account of this LMS, no PII beyond the id."""
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": learner_id}}


def au_url(places: Places, course: Cmi5Course, au: Au) -> str:
    """The AU's URL without launch parameters: absolute as given, or served from its package."""
    if urlsplit(au.url).scheme:
        return au.url
    return f"{places.content_url.rstrip('/')}/{course.package}/{au.url}"


def launch_url(base: str, parameters: dict[str, str]) -> str:
    parts = urlsplit(base)
    query = "&".join(q for q in (parts.query, urlencode(parameters)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def launch_parameters(
    places: Places, fetch_key: str, who: dict[str, Any], registration: str, activity_id: str
) -> dict[str, str]:
    return {
        "endpoint": places.endpoint,
        "fetch": places.fetch_url(fetch_key),
        "actor": json.dumps(who, separators=(",", ":")),
        "registration": registration,
        "activityId": activity_id,
    }


def launch_data(au: Au, session_id: str, launch_mode: str, return_url: str | None) -> dict[str, Any]:
    """The LMS.LaunchData state document (cmi5 10.2)."""
    data: dict[str, Any] = {
        "contextTemplate": {
            "contextActivities": {"grouping": [{"objectType": "Activity", "id": au.id}]},
            "extensions": {SESSION_ID: session_id},
        },
        "launchMode": launch_mode,
        "moveOn": au.move_on,
    }
    if au.launch_parameters is not None:
        data["launchParameters"] = au.launch_parameters
    if au.mastery_score is not None:
        data["masteryScore"] = au.mastery_score
    if return_url:
        data["returnURL"] = return_url
    if au.entitlement_key is not None:
        data["entitlementKey"] = {"courseStructure": au.entitlement_key}
    return data
