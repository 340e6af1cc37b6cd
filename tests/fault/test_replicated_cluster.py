"""Two of every process on a three-broker Kafka cluster, while learners complete a course with a
quiz in waves: one broker is SIGKILLed, then one replica of each process kind, the broker comes
back, then the active controller is SIGKILLed and comes back. Each completion is in the HR
feed, the CSV and the webhook deliveries exactly once, and every consumer group has read
everything (the surviving replicas took the dead ones' partitions over)."""

from __future__ import annotations

import csv
import io
import sys
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from lms.kit.kafka import client_config, make_admin
from lms.testing.infra import KafkaCluster
from lms.tools.journeys import eventually, persist

# two dozen processes and three JVMs on two cores: the suite's start alone may take minutes
pytestmark = [pytest.mark.integration, pytest.mark.fault, pytest.mark.cluster, pytest.mark.timeout(1200)]
WAVE = 6  # learners per phase of the faults
COMPLETED = "lms.progress.course.completed.v1"
QUIZ_ITEM = {
    "id": "q1",
    "kind": "single_choice",
    "prompt": "Which broker may die without losing a record?",
    "points": 1,
    "options": [
        {"id": "a", "text": "Any one", "correct": True},
        {"id": "b", "text": "None", "correct": False},
    ],
}


def publish_course(suite: Any) -> dict[str, Any]:
    """A published quiz and a published course of one module: two lessons and that quiz."""
    slug = f"cluster-{uuid.uuid4().hex[:6]}"
    quiz = {"slug": f"{slug}-quiz", "title": "Quiz", "kind": "quiz", "pass_mark": 1, "items": [QUIZ_ITEM]}
    lessons = [{"key": f"l{n}", "title": f"Lesson {n}", "body": f"Lesson {n}."} for n in range(2)]
    module = {"key": "m1", "title": "M1", "assessment_slug": quiz["slug"], "lessons": lessons}
    with suite.client("author-cluster", "author") as author:
        quiz_id = persist(lambda: author.post("/assessments", json=quiz)).json()["id"]
        assert persist(lambda: author.post(f"/assessments/{quiz_id}/publish")).status_code == 201
        package = {"slug": slug, "title": "Replicated course", "modules": [module]}
        imported = persist(lambda: author.post("/course-packages", params={"publish": "true"}, json=package))
        assert imported.status_code in (200, 201), imported.text
        course = author.get(f"/courses/{imported.json()['course_id']}").json()
    return {
        "id": course["id"],
        "quiz": quiz_id,
        "lessons": [ls["id"] for ls in course["modules"][0]["lessons"]],
    }


def journey(suite: Any, sub: str, course: dict[str, Any]) -> None:
    """Enrol (once progress has learned of the course), complete both lessons, pass the quiz;
    every call retried through outages as a real client would."""
    with suite.client(sub, "learner") as http:

        def enrolled() -> dict[str, Any] | None:  # 422 until progress has consumed course.published
            reply = persist(lambda: http.post("/enrolments", json={"course_id": course["id"]}))
            if reply.status_code == 409:
                return reply.json()["enrolment"]
            return reply.json() if reply.status_code == 201 else None

        enrolment = eventually(enrolled, timeout_s=180, interval_s=0.5)
        for lesson in course["lessons"]:
            persist(
                lambda lesson=lesson: http.post(f"/enrolments/{enrolment['id']}/lessons/{lesson}/complete")
            )
        answers = {"responses": [{"item_id": "q1", "option_ids": ["a"]}]}
        attempt = persist(lambda: http.post(f"/assessments/{course['quiz']}/attempts")).json()["attempt_id"]
        submitted = persist(lambda: http.post(f"/attempts/{attempt}/submit", json=answers))
        assert submitted.status_code in (200, 409), submitted.text  # 409: a retried submit that had landed


def wave(suite: Any, course: dict[str, Any], number: int) -> None:
    """WAVE learners through their journeys side by side; returns when every one has finished."""
    threads = [
        threading.Thread(target=journey, args=(suite, f"cluster-{number}-{n}", course)) for n in range(WAVE)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), f"wave {number} did not finish"


def kill_one_replica_of_each_kind(suite: Any) -> None:
    for name in [name for name in suite.processes if name.endswith("-1")]:
        suite.processes[name].kill()


def feed(hr: httpx.Client) -> list[dict[str, Any]]:
    """The whole HR completions feed, page by page."""
    items, cursor = [], "0"
    while True:
        page = persist(
            lambda since=cursor: hr.get("/completions", params={"since": since, "limit": 100})
        ).json()
        if not page["items"]:
            return items
        items, cursor = items + page["items"], page["next_cursor"]


def lag(bootstrap: str, groups: list[str]) -> dict[str, int]:
    """Records each consumer group has not committed yet, over every partition of the topics it reads."""
    admin = make_admin(bootstrap)
    reader = KafkaConsumer(**client_config(bootstrap))
    try:
        committed = admin.list_group_offsets(groups)
        behind = {}
        for group, offsets in committed.items():
            topics = {tp.topic for tp in offsets}
            partitions = [TopicPartition(t, p) for t in topics for p in reader.partitions_for_topic(t)]
            ends = reader.end_offsets(partitions)
            behind[group] = sum(
                end - (offsets[tp].offset if tp in offsets else 0) for tp, end in ends.items()
            )
        return behind
    finally:
        admin.close()
        reader.close()


def caught_up(bootstrap: str, groups: list[str]) -> bool:
    """No group lags; a coordinator still loading (it moved back to a restarted node) is "not yet"."""
    try:
        return not any(lag(bootstrap, groups).values())
    except KafkaError:
        return False


def restart(cluster: KafkaCluster, node: int, topics: list[str]) -> None:
    cluster.start_node(node)
    cluster.wait_in_sync(topics)


def test_every_completion_once_on_a_replicated_suite_while_brokers_and_replicas_die(
    replicated_suite, kafka_cluster: KafkaCluster, webhook_receiver
):
    suite, cluster = replicated_suite, kafka_cluster
    prefix = suite.env["LMS_TOPIC_PREFIX"]
    # the events and the groups' offsets: in sync again before the next node may die
    topics = [f"{prefix}lms.{s}.events" for s in ("curriculum", "assessment", "progress")] + [
        "__consumer_offsets"
    ]
    course = publish_course(suite)
    with suite.client("hana-cluster", "hr") as hr:
        hook = persist(
            lambda: hr.post("/webhooks", json={"url": webhook_receiver.url, "event_types": [COMPLETED]})
        )
        assert hook.status_code == 201, hook.text

    began, controller = time.monotonic(), cluster.active_controller()
    broker = next(node for node in cluster.nodes if node != controller)
    phases: list[Callable[[], None]] = [
        lambda: cluster.kill_node(broker),  # a broker that leads partitions, not the quorum
        lambda: kill_one_replica_of_each_kind(suite),
        lambda: restart(cluster, broker, topics),
    ]
    for number, fault in enumerate(phases):
        fault()
        wave(suite, course, number)
        print(f"wave {number} done at {time.monotonic() - began:.0f} s", file=sys.stderr)
    controller = cluster.active_controller()
    cluster.kill_node(controller)  # the quorum elects another leader among the two left
    wave(suite, course, len(phases))
    restart(cluster, controller, topics)
    print(f"controller {controller} back at {time.monotonic() - began:.0f} s", file=sys.stderr)
    learners = WAVE * (len(phases) + 1)

    with suite.client("hana-cluster", "hr") as hr:

        def all_completed() -> list[dict[str, Any]] | None:
            completed = [c for c in feed(hr) if c["course_id"] == course["id"]]
            return completed if len(completed) >= learners else None

        mine = eventually(all_completed, timeout_s=240, interval_s=1)
        assert len(mine) == learners
        assert len({c["enrolment_id"] for c in mine}) == learners
        rows = list(csv.DictReader(io.StringIO(persist(lambda: hr.get("/completions.csv")).text)))
        assert sorted(r["enrolment_id"] for r in rows if r["course_id"] == course["id"]) == sorted(
            c["enrolment_id"] for c in mine
        )

        def all_delivered() -> list[dict[str, Any]] | None:
            log = persist(lambda: hr.get(f"/webhooks/{hook.json()['id']}/deliveries")).json()
            return log if len(log) >= learners and all(d["status"] == "delivered" for d in log) else None

        log = eventually(all_delivered, timeout_s=180, interval_s=1)
        assert len(log) == learners
        assert len({d["event_id"] for d in log}) == learners
    assert set(webhook_receiver.ids) == {d["event_id"] for d in log}
    groups = [f"{prefix}lms.{s}" for s in ("curriculum", "assessment", "progress")]
    eventually(lambda: caught_up(cluster.bootstrap, groups), timeout_s=120, interval_s=1)
