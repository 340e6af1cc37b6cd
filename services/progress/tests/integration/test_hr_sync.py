"""The HR side on PostgreSQL: feed, CSV, xAPI, certificates, reports."""

from __future__ import annotations

import csv
import io
import threading
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from lms.kit.db import make_engine, make_session_factory
from lms.progress.db import completions

pytestmark = pytest.mark.integration


def one_lesson_course(world) -> str:
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}])
    return course_id


def feed(world, since="0", limit=100):
    response = world.client.get(
        f"/api/v1/completions?since={since}&limit={limit}", headers=world.token("hr1", "hr")
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def read_whole_feed(world, limit=7) -> list[str]:
    seen, cursor = [], "0"
    while True:
        page = feed(world, cursor, limit)
        seen += [item["id"] for item in page["items"]]
        if not page["items"]:
            return seen
        cursor = page["next_cursor"]


def test_numbers_past_what_the_database_holds_are_refused_with_a_problem(world):
    hr = world.token("hr1", "hr")
    for url in ("/api/v1/completions?since=372328444393591341056", "/api/v1/enrolments?offset=2147483648"):
        response = world.client.get(url, headers=hr)
        assert (response.status_code, response.mimetype) == (422, "application/problem+json"), url
    assert feed(world)["items"] == []


def test_feed_paging_during_concurrent_completions_returns_each_exactly_once(world):
    course_id = one_lesson_course(world)
    learners = [f"learner-{n}" for n in range(40)]
    enrolments = {learner: world.enrol(learner, course_id)["id"] for learner in learners}
    seen: list[str] = []
    done = threading.Event()

    def poll() -> None:
        cursor = "0"
        while True:
            finished = done.is_set()
            page = feed(world, cursor, 5)
            seen.extend(item["id"] for item in page["items"])
            cursor = page["next_cursor"]
            if finished and not page["items"]:
                return

    def complete(batch: list[str]) -> None:
        for learner in batch:
            world.complete(learner, enrolments[learner], "l1")

    poller = threading.Thread(target=poll)
    writers = [threading.Thread(target=complete, args=(learners[n::8],)) for n in range(8)]
    poller.start()
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    done.set()
    poller.join(timeout=60)

    assert len(seen) == len(set(seen)) == 40


def test_a_completion_that_commits_late_is_not_skipped_by_the_cursor(world):
    course_id = one_lesson_course(world)
    sessions = make_session_factory(make_engine(world.settings.database_url))

    def row(n: int) -> dict:
        return {
            "id": f"late-{n}-{uuid.uuid4().hex[:6]}",
            "enrolment_id": str(uuid.uuid4()),
            "learner_id": f"x{n}",
            "learner_name": "X",
            "course_id": course_id,
            "course_title": "C",
            "course_version": 1,
            "completed_at": datetime.now(UTC),
            "score": None,
            "certificate_code": uuid.uuid4().hex,
            "evidence": {},
            "event_id": str(uuid.uuid4()),
        }

    slow = sessions()
    slow.begin()
    early = row(1)
    slow.execute(insert(completions).values(**early))  # inserted first, committed last
    with sessions.begin() as fast:
        late = row(2)
        fast.execute(insert(completions).values(**late))
    first = feed(world)
    assert [i["id"] for i in first["items"]] == [late["id"]]

    slow.commit()
    slow.close()
    second = feed(world, first["next_cursor"])
    assert [i["id"] for i in second["items"]] == [early["id"]]
    assert read_whole_feed(world) == [late["id"], early["id"]]


def test_csv_xapi_and_the_certificate_tell_the_same_completion(world):
    course_id = one_lesson_course(world)
    enrolment = world.enrol("lena", course_id)
    done = world.complete("lena", enrolment["id"], "l1")
    hr = world.token("hr1", "hr")

    export = world.client.get("/api/v1/completions.csv", headers=hr)
    assert export.mimetype == "text/csv"
    (record,) = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert (record["learner_id"], record["certificate_code"]) == ("lena", done["certificate_code"])
    later = world.client.get("/api/v1/completions.csv?from=2999-01-01T00:00:00Z", headers=hr).get_data(
        as_text=True
    )
    assert later.strip().count("\n") == 0  # the header line only

    statements = world.client.get("/api/v1/xapi/statements", headers=hr)
    assert statements.headers["X-Experience-API-Version"] == "1.0.3"
    (statement,) = statements.get_json()["statements"]
    assert statement["verb"]["display"]["en-US"] == "completed"
    assert statement["actor"]["account"] == {"homePage": "https://lms.example", "name": "lena"}

    certificate = world.client.get(f"/api/v1/certificates/{done['certificate_code']}")
    assert certificate.status_code == 200
    assert set(certificate.get_json()) == {"code", "name", "course", "course_version", "completed_at"}
    assert certificate.get_json()["name"] == "Lena"
    assert world.client.get("/api/v1/certificates/not-a-code").status_code == 404


def test_course_report_shows_where_learners_stop(world):
    course_id = str(uuid.uuid4())
    world.publish_course(course_id, 1, [{"id": "m1", "lessons": ["l1"]}, {"id": "m2", "lessons": ["l2"]}])
    stuck_first = world.enrol("mo", course_id)
    stuck_second = world.enrol("ned", course_id)
    finished = world.enrol("oli", course_id)
    world.complete("ned", stuck_second["id"], "l1")
    world.complete("oli", finished["id"], "l1")
    world.complete("oli", finished["id"], "l2")
    assert stuck_first["status"] == "active"

    report = world.client.get(
        f"/api/v1/reports/courses/{course_id}", headers=world.token("hr1", "hr")
    ).get_json()
    assert (report["enrolled"], report["completed"], report["completion_rate"]) == (3, 1, 0.3333)
    assert {s["module_id"]: s["learners"] for s in report["stopped_at"]} == {"m1": 1, "m2": 1}
