"""A learner's journey through the gateway, and what HR sees of it, with every process real."""

from __future__ import annotations

import csv
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from lms.gateway.importer import Importer
from lms.progress.domain.webhooks import verify

pytestmark = pytest.mark.integration
COURSE = Path(__file__).parents[2] / "courses" / "questioning-skills"


def definitions() -> dict[str, dict]:
    return {
        d["slug"]: d for d in (yaml.safe_load(p.read_text()) for p in (COURSE / "assessments").glob("*.yaml"))
    }


def responses(definition: dict, best: bool) -> list[dict]:
    """The best (or worst) answer to every item, in the API's response format."""
    answers = []
    for item in definition["items"]:
        kind = item["kind"]
        if kind in ("single_choice", "multiple_choice"):
            picks = [o["id"] for o in item["options"] if o["correct"] == best]
            answers.append(
                {"item_id": item["id"], "option_ids": picks[:1] if kind == "single_choice" else picks}
            )
        elif kind == "true_false":
            answers.append({"item_id": item["id"], "value": item["correct"] if best else not item["correct"]})
        elif kind == "scenario":
            answers.append({"item_id": item["id"], "option_ids": scenario_path(item, best)})
        elif kind == "likert":
            answers.append({"item_id": item["id"], "value": item["scale"] if best else 1})
        else:
            answers.append({"item_id": item["id"], "text": "What I would do differently next time."})
    return answers


def scenario_path(item: dict, best: bool) -> list[str]:
    steps = {s["id"]: s for s in item["steps"]}

    def walk(step_id):
        if step_id is None:
            return 0, []
        options = []
        for option in steps[step_id]["options"]:
            score, rest = walk(option.get("next"))
            options.append((option["score"] + score, [option["id"], *rest]))
        return (max if best else min)(options, key=lambda o: o[0])

    return walk(item["start"])[1]


def take(learner, assessment_id: str, answers: list[dict]) -> dict:
    started = learner.post(f"/assessments/{assessment_id}/attempts")
    assert started.status_code == 201, started.text
    submitted = learner.post(f"/attempts/{started.json()['attempt_id']}/submit", json={"responses": answers})
    assert submitted.status_code == 200, submitted.text
    return submitted.json()


def eventually(probe, timeout_s: float = 60):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if value := probe():
            return value
        time.sleep(0.3)
    raise AssertionError("the condition did not hold in time")


class Receiver:
    def __init__(self):
        self.received: list[tuple[dict, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                outer.received.append(
                    (dict(self.headers), self.rfile.read(int(self.headers["content-length"])))
                )
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/lms"


def test_a_learner_is_pointed_to_modules_fails_then_passes_completes_and_hr_sees_it_everywhere(suite):
    quizzes = definitions()
    with suite.client("importer", "author", root=True) as author:
        Importer(author).run([COURSE], progress=False)
    receiver = Receiver()
    with suite.client("hana", "hr") as hr, suite.client("journey-learner", "learner") as learner:
        hook = hr.post(
            "/webhooks", json={"url": receiver.url, "event_types": ["lms.progress.course.completed.v1"]}
        )
        assert hook.status_code == 201
        course = next(c for c in learner.get("/courses").json()["items"] if c["slug"] == "questioning-skills")
        course = learner.get(f"/courses/{course['id']}").json()
        ids = {m["assessment_slug"]: m["assessment_id"] for m in course["modules"]}
        listing = {a["slug"]: a["id"] for a in suite.client("importer", "author").get("/assessments").json()}

        diagnostic = take(
            learner,
            listing["questioning-skills-diagnostic"],
            responses(quizzes["questioning-skills-diagnostic"], best=False),
        )
        recommended = {r["module_id"] for r in diagnostic["recommended_modules"]}
        assert {m["id"] for m in course["modules"]} <= recommended

        enrolment = learner.post("/enrolments", json={"course_id": course["id"]}).json()
        for module in course["modules"]:
            for lesson in module["lessons"]:
                assert (
                    learner.post(f"/enrolments/{enrolment['id']}/lessons/{lesson['id']}/complete").status_code
                    == 200
                )
        for slug, assessment_id in ids.items():
            assert take(learner, assessment_id, responses(quizzes[slug], best=False))["passed"] is False
            assert take(learner, assessment_id, responses(quizzes[slug], best=True))["passed"] is True

        done = eventually(
            lambda: (e := learner.get(f"/enrolments/{enrolment['id']}").json())["status"] == "completed" and e
        )
        assert done["explanation"] == ["every required module is completed"]

        feed = hr.get("/completions").json()["items"]
        (mine,) = [c for c in feed if c["enrolment_id"] == enrolment["id"]]
        assert mine["certificate_code"] == done["certificate_code"]
        rows = list(csv.DictReader(io.StringIO(hr.get("/completions.csv").text)))
        assert [r["certificate_code"] for r in rows if r["enrolment_id"] == enrolment["id"]] == [
            mine["certificate_code"]
        ]
        verbs = [
            s["verb"]["display"]["en-US"]
            for s in hr.get("/xapi/statements", params={"limit": 1000}).json()["statements"]
        ]
        assert {"completed", "passed", "failed"} <= set(verbs)

    headers, body = eventually(lambda: receiver.received and receiver.received[0])
    secret = hook.json()["secret"]
    assert verify(
        secret, headers["webhook-id"], int(headers["webhook-timestamp"]), body, headers["webhook-signature"]
    )
    assert done["certificate_code"].encode() in body
    import httpx

    certificate = httpx.get(f"{suite.url}/api/v1/certificates/{done['certificate_code']}").json()
    assert (certificate["name"], certificate["course"]) == ("Journey Learner", course["title"])
