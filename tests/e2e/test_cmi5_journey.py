"""Issue 27 end to end, every process real, through the gateway: an author imports a cmi5 package,
a learner launches its AU, the AU speaks xAPI with its token, moveOn satisfies the AU and the
course, progress completes the enrolment, and HR finds the completion once in the feed and as
xAPI."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from lms.tools.coursepack import cmi5_package

pytestmark = pytest.mark.integration
DEMO = Path(__file__).parents[2] / "courses" / "the-minute-after-cmi5"
V1 = {"X-Experience-API-Version": "1.0.3"}
VERB = "http://adlnet.gov/expapi/verbs/"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"


def until(check, timeout_s: float = 120) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"not within {timeout_s} s")


class Browser:
    """What the AU's page does, over HTTP: it holds nothing but the launch URL."""

    def __init__(self, launch_url: str):
        self.params = {k: v[0] for k, v in parse_qs(urlsplit(launch_url).query).items()}
        self.http = httpx.Client(timeout=30)
        self.auth: dict[str, str] = {}
        self.data: dict[str, Any] = {}

    def start(self) -> None:
        token = self.http.post(self.params["fetch"]).json()["auth-token"]
        self.auth = {"Authorization": f"Basic {token}", **V1}
        endpoint, actor = self.params["endpoint"], self.params["actor"]
        state = {"stateId": "LMS.LaunchData", "activityId": self.params["activityId"], "agent": actor}
        state["registration"] = self.params["registration"]
        self.data = self.http.get(f"{endpoint}/activities/state", params=state, headers=self.auth).json()
        profile = {"profileId": "cmi5LearnerPreferences", "agent": actor}
        self.http.get(f"{endpoint}/agents/profile", params=profile, headers=self.auth)

    def send(self, verb: str, **result: Any) -> int:
        context = json.loads(json.dumps(self.data["contextTemplate"]))
        context["registration"] = self.params["registration"]
        moveon = verb in ("completed", "passed", "failed")
        context["contextActivities"]["category"] = [{"id": CMI5}] + ([{"id": MOVEON}] if moveon else [])
        if verb in ("passed", "failed"):
            context["extensions"][MASTERY] = self.data["masteryScore"]
        statement = {
            "id": str(uuid.uuid4()),
            "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "actor": json.loads(self.params["actor"]),
            "verb": {"id": VERB + verb},
            "object": {"id": self.params["activityId"]},
            "context": context,
            **({"result": result} if result else {}),
        }
        url = f"{self.params['endpoint']}/statements"
        return self.http.put(
            url, params={"statementId": statement["id"]}, json=statement, headers=self.auth
        ).status_code


def test_import_launch_au_statements_satisfied_course_completed_hr_feed(suite):
    body, media_type = cmi5_package(DEMO)
    slug = f"minute-after-{uuid.uuid4().hex[:6]}"
    with suite.client("cmi5-author", "author") as author:
        imported = author.post(
            "/cmi5-packages",
            params={"publish": "true", "slug": slug},
            content=body,
            headers={"Content-Type": media_type},
        )
    assert imported.status_code == 201, imported.text
    course_id = imported.json()["course_id"]
    assert imported.json()["published_version"] == 1

    learner_id = f"cmi5-learner-{uuid.uuid4().hex[:6]}"
    with suite.client(learner_id, "learner") as learner:
        course = learner.get(f"/courses/{course_id}").json()
        lesson = course["modules"][0]["lessons"][0]
        assert lesson["kind"] == "au"
        enrolment = learner.post("/enrolments", json={"course_id": course_id}).json()
        clicked = learner.post(f"/enrolments/{enrolment['id']}/lessons/{lesson['id']}/complete")
        assert clicked.status_code == 409, clicked.text  # an AU's content completes it, not a click
        path = f"/enrolments/{enrolment['id']}/aus/{lesson['id']}/launches"
        launched = until(lambda: (r := learner.post(path, json={})).status_code == 201 and r.json())

        page = httpx.get(launched["launch_url"].split("?")[0], timeout=30)
        assert page.status_code == 200
        assert "sandbox" in page.headers["Content-Security-Policy"]
        assert "allow-same-origin" not in page.headers["Content-Security-Policy"]

        au = Browser(launched["launch_url"])
        au.start()
        assert au.send("initialized") == 204
        assert au.send("completed", completion=True, duration="PT40S") == 204
        assert au.send("passed", success=True, duration="PT60S", score={"scaled": 1.0}) == 204
        assert au.send("terminated", duration="PT61S") == 204

        done = until(
            lambda: (e := learner.get(f"/enrolments/{enrolment['id']}").json())["status"] == "completed" and e
        )
        assert done["percent"] == 1.0  # the share of the required work done

    with suite.client("cmi5-hr", "hr") as hr:
        feed = until(
            lambda: [
                i
                for i in hr.get("/completions", params={"limit": 500}).json()["items"]
                if i["enrolment_id"] == enrolment["id"]
            ]
        )
        assert len(feed) == 1
        reader = {"Authorization": hr.headers["Authorization"], **V1}
        found = until(
            lambda: httpx.get(
                f"{suite.url}/xapi/statements",
                params={"registration": enrolment["id"], "ascending": "true"},
                headers=reader,
                timeout=30,
            ).json()["statements"]
        )
        verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in found]
        assert verbs[:6] == ["launched", "initialized", "completed", "passed", "satisfied", "terminated"]
        assert "satisfied" not in verbs[6:]
        by_progress = until(
            lambda: [
                s
                for s in httpx.get(
                    f"{suite.url}/xapi/statements",
                    params={"registration": enrolment["id"]},
                    headers=reader,
                    timeout=30,
                ).json()["statements"]
                if s["authority"]["account"]["name"] == "lms:progress"
                and s["object"]["id"].endswith(course_id)
            ]
        )
        assert len(by_progress) == 1
