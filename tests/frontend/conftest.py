"""The frontend tests' shared world: the e2e suite (tests/conftest.py) with a small course of every
item kind imported, its answers, the demo cmi5 course, and how to run the npm workspace's tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lms.tools.coursepack import cmi5_package
from lms.tools.importer import Importer
from lms.tools.journeys import definitions, responses

ROOT = Path(__file__).parents[2]
COURSE = Path(__file__).parent / "course"
SLUG = "frontend-complaints"
CMI5_DEMO = ROOT / "courses" / "the-minute-after-cmi5"


@dataclass
class FrontendCourse:
    course_id: str
    quiz_id: str
    diagnostic_id: str
    answers: dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="session")
def frontend_course(suite) -> FrontendCourse:
    """The test course, imported and published once per session as an author of its own."""
    quizzes = definitions(COURSE)
    with suite.client("frontend-author", "author", root=True) as author:
        Importer(author).run([COURSE], progress=False)
        assessments = {a["slug"]: a["id"] for a in author.get("/api/v1/assessments").json()}
        listing = author.get("/api/v1/courses", params={"q": "complaint"}).json()["items"]
    course_id = next(c["id"] for c in listing if c["slug"] == SLUG)
    quiz = quizzes[f"{SLUG}-m1-quiz"]
    diagnostic = quizzes[f"{SLUG}-diagnostic"]
    with suite.client("frontend-probe", "learner") as probe:
        _wait_for_recommendations(probe, assessments[f"{SLUG}-diagnostic"], responses(diagnostic, best=False))
    return FrontendCourse(
        course_id=course_id,
        quiz_id=assessments[f"{SLUG}-m1-quiz"],
        diagnostic_id=assessments[f"{SLUG}-diagnostic"],
        answers={
            "best": responses(quiz, best=True),
            "worst": responses(quiz, best=False),
            "diagnostic": responses(diagnostic, best=False),
        },
    )


@dataclass
class Cmi5Course:
    course_id: str
    title: str
    lesson_title: str


@pytest.fixture(scope="session")
def cmi5_course(suite) -> Cmi5Course:
    """The demo cmi5 package (courses/the-minute-after-cmi5, as `make run` imports it), published;
    returned once its AU can be launched (the records service learns the structure through Kafka)."""
    body, media_type = cmi5_package(CMI5_DEMO)
    with suite.client("frontend-cmi5-author", "author") as author:
        imported = author.post(
            "/cmi5-packages",
            params={"publish": "true", "slug": f"frontend-minute-after-{uuid.uuid4().hex[:6]}"},
            content=body,
            headers={"Content-Type": media_type},
        )
    assert imported.status_code == 201, imported.text
    course_id = imported.json()["course_id"]
    with suite.client("frontend-cmi5-probe", "learner") as probe:
        course = probe.get(f"/courses/{course_id}").json()
        lesson = course["modules"][0]["lessons"][0]
        enrolment = probe.post("/enrolments", json={"course_id": course_id}).json()
        launches = f"/enrolments/{enrolment['id']}/aus/{lesson['id']}/launches"
        deadline = time.monotonic() + 120
        while (launched := probe.post(launches, json={})).status_code != 201:
            assert time.monotonic() < deadline, f"the AU could not be launched: {launched.text}"
            time.sleep(0.5)
    return Cmi5Course(course_id=course_id, title=course["title"], lesson_title=lesson["title"])


def _wait_for_recommendations(learner, diagnostic_id: str, answers: list[dict[str, Any]]) -> None:
    """Until the assessment service knows the course's modules (its event is consumed), so a
    diagnostic recommends them (decision 0038 revises older results; tests want them at once)."""
    attempt = learner.post(f"/assessments/{diagnostic_id}/attempts", json={}).json()
    learner.post(f"/attempts/{attempt['attempt_id']}/submit", json={"responses": answers})
    deadline = time.monotonic() + 120
    while not learner.get(f"/attempts/{attempt['attempt_id']}").json()["result"]["recommended_modules"]:
        assert time.monotonic() < deadline, "the diagnostic recommended no module within two minutes"
        time.sleep(0.5)


def npm_ci() -> None:
    """The npm workspace, installed from package-lock.json when it is not (as `make node-deps`)."""
    marker = ROOT / "node_modules" / ".installed"
    lock = ROOT / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm") or pytest.fail("the frontend tests need node 20.19+ and npm")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True, timeout=900
    )
    marker.touch()


def run_node(args: list[str], cwd: Path, env: dict[str, str], timeout_s: float = 600) -> str:
    """Run an npm script or node itself; its output is the test's report when it fails."""
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout_s
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    return output


def write_fixture(path: Path, content: dict[str, Any]) -> Path:
    path.write_text(json.dumps(content))
    return path
