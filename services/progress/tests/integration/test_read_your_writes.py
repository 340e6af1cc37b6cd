"""Issue 12, section 5: enrolling the moment a course is published, before its event arrives;
and (issue 22) a course published again while its event is in flight: the enrolment is pinned to
the version just published, not to the one progress's copy still holds.

Curriculum is played by an HTTP server answering `GET /api/v1/courses/{id}` as the contract
documents it (the suite's e2e tests run the real one). The events are sent, or held back, by the
test itself, so each race is played in the same order every run."""

from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select

from lms.kit.db import make_engine
from lms.kit.messaging import inbox
from lms.progress.app import create_app
from lms.progress.catalog.service.curriculum_reader import CurriculumReader
from lms.progress.db import course_versions, enrolments

pytestmark = pytest.mark.integration


def course_view(course_id: str, version: int = 1, status: str = "published") -> dict:
    """A course as curriculum's `GET /courses/{id}` shows it."""
    lesson = {
        "id": "l1",
        "key": "l1",
        "position": 0,
        "title": "L1",
        "kind": "text",
        "duration_min": 5,
        "body": "",
    }
    module = {"id": "m1", "key": "m1", "position": 0, "title": "M1", "required": True, "assessment_id": None}
    return {
        "id": course_id,
        "slug": f"c-{course_id[:8]}",
        "title": "Fresh course",
        "status": status,
        "version": version,
        "published_at": datetime.now(UTC).isoformat(),
        "modules": [{**module, "lessons": [lesson]}],
    }


class Curriculum:
    def __init__(self):
        self.courses: dict[str, dict] = {}
        self.authorizations: list[str | None] = []
        self.cache_controls: list[str | None] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.authorizations.append(self.headers.get("Authorization"))
                owner.cache_controls.append(self.headers.get("Cache-Control"))
                view = owner.courses.get(self.path.rsplit("/", 1)[-1])
                body = json.dumps(view or {"status": 404}).encode()
                self.send_response(200 if view else 404)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture
def curriculum():
    server = Curriculum()
    yield server
    server.server.shutdown()


def enrol(client, world, learner: str, course_id: str, headers: dict | None = None):
    headers = headers or world.token(learner, "learner")
    return client.post("/api/v1/enrolments", json={"course_id": course_id}, headers=headers)


def count(world, table, course_id: str) -> int:
    with make_engine(world.settings.database_url).connect() as conn:
        return conn.scalar(select(func.count()).select_from(table).where(table.c.course_id == course_id))


def applied_within(world, seconds: float) -> None:
    """Drain the consumer until the last event sent is processed (a loaded machine needs more polls)."""
    deadline, event_id = time.monotonic() + seconds, world.sent[-1].id
    engine = make_engine(world.settings.database_url)
    while True:
        with engine.connect() as conn:
            if conn.scalar(select(func.count()).select_from(inbox).where(inbox.c.event_id == event_id)):
                return
        assert time.monotonic() < deadline, "the event was not applied in time"
        world.drain()


def test_a_course_published_but_not_yet_announced_is_read_from_curriculum(world, curriculum):
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    course_id = str(uuid.uuid4())
    curriculum.courses[course_id] = course_view(course_id)

    ada = world.token("ada", "learner")
    enrolled = enrol(client, world, "ada", course_id, ada)
    assert enrolled.status_code == 201, enrolled.get_json()
    assert enrolled.get_json()["course_version"] == 1
    assert curriculum.authorizations == [ada["Authorization"]]  # curriculum checks the caller itself

    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])  # the event, late
    applied_within(world, seconds=60)
    assert count(world, course_versions, course_id) == 1
    done = client.post(
        f"/api/v1/enrolments/{enrolled.get_json()['id']}/lessons/l1/complete",
        headers=world.token("ada", "learner"),
    )
    assert done.get_json()["status"] == "completed"


def test_a_course_curriculum_does_not_know_is_still_unknown_and_nothing_is_stored(world, curriculum):
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    course_id = str(uuid.uuid4())
    assert enrol(client, world, "bea", course_id).status_code == 422
    curriculum.courses[course_id] = course_view(course_id, status="retired")
    assert enrol(client, world, "bea", course_id).status_code == 422
    assert count(world, course_versions, course_id) == count(world, enrolments, course_id) == 0


def test_when_curriculum_cannot_answer_the_learner_is_told_to_retry_and_nothing_changes(world, curriculum):
    curriculum.server.shutdown()
    curriculum.server.server_close()
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    course_id = str(uuid.uuid4())
    refused = enrol(client, world, "cal", course_id)
    assert (refused.status_code, refused.mimetype) == (503, "application/problem+json")
    assert refused.headers["Retry-After"]
    assert count(world, course_versions, course_id) == count(world, enrolments, course_id) == 0

    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    applied_within(world, seconds=60)
    assert enrol(client, world, "cal", course_id).status_code == 201


ONE_LESSON = [{"id": "m1", "lessons": ["l1"]}]


def test_a_course_published_again_while_its_event_is_in_flight_is_enrolled_on_the_new_version(
    world, curriculum
):
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, ONE_LESSON)
    applied_within(world, seconds=60)  # progress's copy holds version 1
    curriculum.courses[course_id] = course_view(course_id, version=2)  # version 2, its event held back

    enrolled = enrol(client, world, "dee", course_id)
    assert enrolled.status_code == 201, enrolled.get_json()
    assert enrolled.get_json()["course_version"] == 2
    assert curriculum.cache_controls[-1] == "no-cache"  # past curriculum's own short-lived caches

    world.publish_course(course_id, 2, ONE_LESSON)  # the late event changes nothing
    applied_within(world, seconds=60)
    assert count(world, course_versions, course_id) == 2
    again = enrol(client, world, "eve", course_id)
    assert again.get_json()["course_version"] == 2


def test_while_curriculum_cannot_answer_a_known_course_is_enrolled_on_from_the_local_copy(world, curriculum):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, ONE_LESSON)
    applied_within(world, seconds=60)
    curriculum.server.shutdown()
    curriculum.server.server_close()
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    enrolled = enrol(client, world, "fay", course_id)
    assert enrolled.status_code == 201, enrolled.get_json()
    assert enrolled.get_json()["course_version"] == 1


def test_progress_reads_curriculum_at_its_local_address_unless_told_otherwise(world, monkeypatch):
    """`make run` sets no LMS_CURRICULUM_URL: the read on a miss must not be off there."""
    monkeypatch.delenv("LMS_CURRICULUM_URL", raising=False)
    reader = create_app(world.settings).extensions["lms.progress"].curriculum
    assert reader is not None
    assert reader.base_url == "http://127.0.0.1:8101"
    monkeypatch.setenv("LMS_CURRICULUM_URL", "http://curriculum-web:8080/")
    assert (
        create_app(world.settings).extensions["lms.progress"].curriculum.base_url
        == "http://curriculum-web:8080"
    )
    monkeypatch.setenv("LMS_CURRICULUM_URL", "off")
    assert create_app(world.settings).extensions["lms.progress"].curriculum is None


def test_an_au_lesson_read_from_curriculum_is_completed_by_its_content_not_a_click(world, curriculum):
    """A cmi5 AU's lesson in a course read before its event is still an AU: the learner's own
    "done" is refused, now and after the late event changes nothing."""
    client = create_app(world.settings, curriculum=CurriculumReader(curriculum.url)).test_client()
    course_id = str(uuid.uuid4())
    view = course_view(course_id)
    view["modules"][0]["lessons"][0]["kind"] = "au"
    curriculum.courses[course_id] = view
    ada = world.token("ada", "learner")
    enrolled = enrol(client, world, "ada", course_id, ada)
    assert enrolled.status_code == 201, enrolled.get_json()
    clicked = client.post(f"/api/v1/enrolments/{enrolled.get_json()['id']}/lessons/l1/complete", headers=ada)
    assert clicked.status_code == 409, clicked.get_json()
    assert client.get(f"/api/v1/enrolments/{enrolled.get_json()['id']}", headers=ada).get_json()[
        "status"
    ] == ("active")
