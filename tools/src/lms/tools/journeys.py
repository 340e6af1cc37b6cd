"""A learner's and HR's steps through the gateway, for `make demo` and bench/journey.py.

Answers come from the course's own assessment files (what an author wrote), so a scripted
learner can fail on purpose and then pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import yaml

T = TypeVar("T")


def definitions(course_folder: Path) -> dict[str, dict[str, Any]]:
    """The course's assessment definitions by slug."""
    return {
        d["slug"]: d
        for d in (yaml.safe_load(p.read_text()) for p in (course_folder / "assessments").glob("*.yaml"))
    }


def responses(definition: dict[str, Any], best: bool) -> list[dict[str, Any]]:
    """The best (or worst) answer to every item, in the API's response format."""
    answers = []
    for item in definition["items"]:
        kind, item_id = item["kind"], item["id"]
        if kind in ("single_choice", "multiple_choice"):
            picks = [o["id"] for o in item["options"] if o["correct"] == best]
            answers.append(
                {"item_id": item_id, "option_ids": picks[:1] if kind == "single_choice" else picks}
            )
        elif kind == "true_false":
            answers.append({"item_id": item_id, "value": item["correct"] if best else not item["correct"]})
        elif kind == "scenario":
            answers.append({"item_id": item_id, "option_ids": scenario_path(item, best)})
        elif kind == "likert":
            answers.append({"item_id": item_id, "value": item["scale"] if best else 1})
        else:
            answers.append({"item_id": item_id, "text": "What I would do differently next time."})
    return answers


def scenario_path(item: dict[str, Any], best: bool) -> list[str]:
    steps = {s["id"]: s for s in item["steps"]}

    def walk(step_id: str | None) -> tuple[float, list[str]]:
        if step_id is None:
            return 0.0, []
        options = []
        for option in steps[step_id]["options"]:
            score, rest = walk(option.get("next"))
            options.append((option["score"] + score, [option["id"], *rest]))
        return (max if best else min)(options, key=lambda o: o[0])

    return walk(item["start"])[1]


def eventually(probe: Callable[[], T | None], timeout_s: float = 60, interval_s: float = 0.2) -> T:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (value := probe()) is not None and value is not False:
            return value
        time.sleep(interval_s)
    raise TimeoutError("the suite did not get there in time")


def persist(call: Callable[[], httpx.Response], timeout_s: float = 120) -> httpx.Response:
    """Retry through outages the way a real client does (connection errors, 5xx)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            response = call()
            if response.status_code < 500:
                return response
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError("the suite did not recover in time")
        time.sleep(0.5)


class Learner:
    """One learner's calls (paths relative to /api/v1)."""

    def __init__(self, client: httpx.Client):
        self.client = client

    def take(self, assessment_id: str, answers: list[dict[str, Any]]) -> dict[str, Any]:
        started = self.client.post(f"/assessments/{assessment_id}/attempts")
        started.raise_for_status()
        submitted = self.client.post(
            f"/attempts/{started.json()['attempt_id']}/submit", json={"responses": answers}
        )
        submitted.raise_for_status()
        return submitted.json()

    def enrol(self, course_id: str) -> dict[str, Any]:
        """Enrol, waiting until progress has learned of the course from Kafka."""

        def attempt() -> dict[str, Any] | None:
            response = self.client.post("/enrolments", json={"course_id": course_id})
            if response.status_code == 409:
                return response.json()["enrolment"]
            return response.json() if response.status_code == 201 else None

        return eventually(attempt)

    def complete(self, enrolment_id: str, lesson_id: str) -> dict[str, Any]:
        response = self.client.post(f"/enrolments/{enrolment_id}/lessons/{lesson_id}/complete")
        response.raise_for_status()
        return response.json()


def course_by_slug(client: httpx.Client, slug: str) -> dict[str, Any]:
    listing = client.get("/courses", params={"page_size": 100}).json()["items"]
    course_id = next(c["id"] for c in listing if c["slug"] == slug)
    return client.get(f"/courses/{course_id}").json()
