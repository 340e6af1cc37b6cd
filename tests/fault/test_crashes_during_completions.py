"""While learners complete courses, every kind of process is SIGKILLed and restarted and the
broker is stopped and started; afterwards each completion is in the feed exactly once and
in the webhook delivery log exactly once."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from lms.tools.journeys import persist

pytestmark = [pytest.mark.integration, pytest.mark.fault]
LEARNERS = 24


def test_every_completion_once_in_the_feed_and_the_deliveries_despite_crashes(suite, kafka, webhook_receiver):
    if not kafka.controllable:
        pytest.skip("the broker was not started by this test run, so it cannot be stopped")
    receiver = webhook_receiver
    slug = f"fault-{uuid.uuid4().hex[:6]}"
    package = {
        "slug": slug,
        "title": "Fault course",
        "modules": [
            {
                "key": "m1",
                "title": "M1",
                "lessons": [{"key": f"l{n}", "title": f"L{n}", "body": f"Lesson {n}."} for n in range(3)],
            }
        ],
    }
    with suite.client("author-fault", "author") as author:
        course_id = persist(
            lambda: author.post("/course-packages", params={"publish": "true"}, json=package)
        ).json()["course_id"]
        lessons = [ls["id"] for ls in author.get(f"/courses/{course_id}").json()["modules"][0]["lessons"]]
    with suite.client("hana", "hr") as hr:
        hook = hr.post(
            "/webhooks", json={"url": receiver.url, "event_types": ["lms.progress.course.completed.v1"]}
        )
        hook_id = hook.json()["id"]

    def learner(n: int) -> None:
        with suite.client(f"fault-learner-{n}", "learner") as client:
            while True:
                response = persist(lambda: client.post("/enrolments", json={"course_id": course_id}))
                if response.status_code in (201, 409):
                    enrolment = (
                        response.json() if response.status_code == 201 else response.json()["enrolment"]
                    )
                    break
                time.sleep(0.5)  # 422 until progress has consumed course.published
            for lesson in lessons:
                persist(
                    lambda lesson=lesson: client.post(
                        f"/enrolments/{enrolment['id']}/lessons/{lesson}/complete"
                    )
                )
                time.sleep(0.3)

    threads = [threading.Thread(target=learner, args=(n,)) for n in range(LEARNERS)]
    for thread in threads:
        thread.start()
    for name in (
        "progress-web",
        "progress-relay",
        "progress-consume",
        "curriculum-relay",
        "gateway-web",
        "progress-deliver",
    ):
        time.sleep(1.5)
        suite.restart(name)  # SIGKILL, then start again
    kafka.stop()
    time.sleep(5)
    kafka.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)

    with suite.client("hana", "hr") as hr:

        def feed() -> list[dict]:
            items, cursor = [], "0"
            while True:
                page = persist(
                    lambda since=cursor: hr.get("/completions", params={"since": since, "limit": 50})
                )
                if not page.json()["items"]:
                    return items
                items += page.json()["items"]
                cursor = page.json()["next_cursor"]

        mine = [c for c in feed() if c["course_id"] == course_id]
        assert len(mine) == LEARNERS
        assert len({c["enrolment_id"] for c in mine}) == LEARNERS

        def all_delivered():
            log = persist(lambda: hr.get(f"/webhooks/{hook_id}/deliveries")).json()
            return log if len(log) >= LEARNERS and all(d["status"] == "delivered" for d in log) else None

        deadline = time.monotonic() + 120
        while (log := all_delivered()) is None and time.monotonic() < deadline:
            time.sleep(1)
        assert log is not None, "not every completion was delivered"
        assert len(log) == LEARNERS
        assert len({d["event_id"] for d in log}) == LEARNERS
    assert set(receiver.ids) == {d["event_id"] for d in log}
