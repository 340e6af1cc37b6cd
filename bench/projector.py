"""Progress projector throughput: attempt.graded events applied per second on PostgreSQL.

    python bench/projector.py [--learners 2000] [--attempts-per-learner 8]

Events are pre-loaded into Kafka; the real progress consumer (InboxConsumer with the
service's handlers: attempt row, xAPI statement, completion check, module/course
completion with outbox events) applies them. In the same run, two baselines: a raw
kafka-python consumer reads the same topic, and a bare bulk apply writes the rows the
projector ended with (inbox, attempts, statements, module completions, completions, outbox,
enrolment updates) into a second database seeded alike, one COPY or UPDATE per table, no
domain logic. Aim: >= 10,000 events/s and >= 0.5 of the bare apply.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO, table
from psycopg import sql
from psycopg.types.json import Jsonb
from sqlalchemy import func, insert, select

from lms.kit.cloudevents import CloudEvent, kafka_headers
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.inbox import InboxConsumer
from lms.kit.kafka import make_consumer, make_producer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.messaging import inbox
from lms.kit.migrations import packaged, upgrade
from lms.kit.process import settle_collector
from lms.kit.uow import UnitOfWork
from lms.progress.catalog.service.course_copies import apply_course_published as course_published
from lms.progress.db import completions, enrolments, lesson_completions
from lms.progress.definition import DEFINITION
from lms.testing.infra import start_kafka, start_postgres

AIM_RATE, AIM_BARE_RATIO = 10_000, 0.5
WRITTEN = ("inbox", "attempts", "xapi_statements", "module_completions", "completions", "outbox")


def seed(url: str, learners: list[str]) -> str:
    """A published one-module course with a quiz; every learner enrolled with the lesson done."""
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    course_id, now = str(uuid.uuid4()), datetime.now(UTC)
    course = {
        "course_id": course_id,
        "slug": "bench",
        "title": "Bench",
        "version": 1,
        "published_at": now.isoformat(),
        "modules": [
            {
                "module_id": "m1",
                "position": 0,
                "title": "M1",
                "required": True,
                "competencies": [],
                "assessment_id": "quiz-1",
                "lessons": [
                    {"lesson_id": "l1", "position": 0, "title": "L1", "kind": "text", "duration_min": 5}
                ],
            }
        ],
    }
    with UnitOfWork(sessions, None) as uow:  # the seed is state only: it announces nothing
        db = uow.session
        course_published(uow, CloudEvent.new("lms.curriculum.course.published.v1", "/bench", course))
        db.execute(
            insert(enrolments),
            [
                {
                    "id": f"e-{learner}",
                    "learner_id": learner,
                    "learner_name": learner,
                    "course_id": course_id,
                    "course_version": 1,
                    "status": "active",
                    "percent": 0.5,
                    "enrolled_at": now,
                }
                for learner in learners
            ],
        )
        db.execute(
            insert(lesson_completions),
            [
                {"enrolment_id": f"e-{learner}", "lesson_id": "l1", "module_id": "m1", "completed_at": now}
                for learner in learners
            ],
        )
        uow.commit()
    engine.dispose()
    return course_id


def preload(bootstrap: str, topic: str, learners: list[str], per_learner: int) -> int:
    producer = make_producer(bootstrap, linger_ms=20)
    count = 0
    for round_ in range(per_learner):
        for learner in learners:
            passed = round_ == per_learner - 1  # fails first, then the pass that completes the course
            data = {
                "attempt_id": str(uuid.uuid4()),
                "learner_id": learner,
                "assessment_id": "quiz-1",
                "assessment_version": 1,
                "assessment_kind": "quiz",
                "score": 9.0 if passed else 4.0,
                "max_score": 10.0,
                "percent": 0.9 if passed else 0.4,
                "passed": passed,
                "competency_scores": {"questioning": {"score": 4.0, "max_score": 5.0}},
                "submitted_at": datetime.now(UTC).isoformat(),
            }
            event = CloudEvent.new("lms.assessment.attempt.graded.v1", "/assessment", data, subject=learner)
            producer.send(
                topic, key=learner.encode(), value=event.value(), headers=kafka_headers(event.headers())
            )
            count += 1
    producer.flush()
    producer.close()
    return count


def raw_rate(bootstrap: str, topic: str, total: int) -> float:
    consumer = make_consumer(bootstrap, f"bench-raw-{uuid.uuid4().hex[:6]}", topic)
    seen, started = 0, None
    while seen < total:
        batch = consumer.poll(timeout_ms=500)
        if batch and started is None:
            started = time.perf_counter()
        seen += sum(len(records) for records in batch.values())
    elapsed = time.perf_counter() - started
    consumer.close()
    return total / elapsed


def projector_rate(url: str, settings: Settings, topic: str, total: int) -> float:
    settle_collector()  # as `python -m lms.progress consume` does when it starts
    engine = make_engine(url)
    consumer = InboxConsumer(
        session_factory=make_session_factory(engine),
        bootstrap=settings.kafka_bootstrap,
        group=f"bench-progress-{uuid.uuid4().hex[:6]}",
        topics=[topic],
        handlers=DEFINITION.handlers(settings),
        batch_handlers=DEFINITION.batch_handlers(settings),
    )
    applied, started = 0, None
    while applied < total:
        polled = consumer.poll_once(timeout_ms=500)
        if polled and started is None:
            started = time.perf_counter()
        applied += polled
    elapsed = time.perf_counter() - started
    consumer.close()
    with engine.connect() as conn:
        recorded = conn.scalar(select(func.count()).select_from(inbox))
        completed = conn.scalar(select(func.count()).select_from(completions))
    assert recorded == total, f"{recorded} inbox rows for {total} events"
    print(f"  applied {recorded:,} events; {completed:,} courses completed along the way")
    return total / elapsed


def bare_rate(source_url: str, target_url: str, total: int) -> float:
    """The projector's final rows, written into `target_url` with one statement per table."""
    with psycopg.connect(source_url) as source:
        rows = {table: _rows(source, f"SELECT * FROM {table}") for table in WRITTEN}  # noqa: S608
        rows["outbox"] = _without(rows["outbox"], "id")  # the target numbers its own
        changes = _rows(source, "SELECT id, percent, status, completed_at FROM enrolments")
    with psycopg.connect(target_url) as target:
        started = time.perf_counter()
        for table, (columns, values) in rows.items():
            _copy(target, table, columns, values)
        target.execute("CREATE TEMPORARY TABLE changes AS SELECT * FROM enrolments WITH NO DATA")
        _copy(target, "changes", *changes)
        target.execute(
            "UPDATE enrolments e SET percent = c.percent, status = c.status, completed_at = c.completed_at"
            " FROM changes c WHERE e.id = c.id"
        )
        target.commit()
        elapsed = time.perf_counter() - started
    return total / elapsed


def _rows(connection: psycopg.Connection, query: str) -> tuple[list[str], list[tuple]]:
    with connection.cursor() as cursor:
        cursor.execute(query)
        return [column.name for column in cursor.description], cursor.fetchall()


def _without(rows: tuple[list[str], list[tuple]], dropped: str) -> tuple[list[str], list[tuple]]:
    columns, values = rows
    keep = [n for n, column in enumerate(columns) if column != dropped]
    return [columns[n] for n in keep], [tuple(row[n] for n in keep) for row in values]


def _copy(connection: psycopg.Connection, table: str, columns: list[str], values: list[tuple]) -> None:
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)
    json_columns = {n for n, v in enumerate(values[0] if values else ()) if isinstance(v, dict | list)}
    with connection.cursor().copy(statement) as copy:
        for row in values:
            copy.write_row([Jsonb(v) if n in json_columns else v for n, v in enumerate(row)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=2_000)
    parser.add_argument("--attempts-per-learner", type=int, default=8)
    args = parser.parse_args()
    kafka, postgres = start_kafka(REPO), start_postgres(REPO)
    run = uuid.uuid4().hex[:6]
    url = postgres.create_database(f"bench_projector_{run}")
    bare_url = postgres.create_database(f"bench_bare_{run}")
    try:
        for target in (url, bare_url):
            upgrade(target, packaged("lms.progress"))
        settings = Settings(
            service="progress",
            database_url=url,
            kafka_bootstrap=kafka.bootstrap,
            topic_prefix=f"bench-{run}.",
        )
        topic = settings.topic_of("assessment")
        ensure_topics(
            kafka.bootstrap, [TopicSpec(settings.topic_of(s), 6) for s in ("assessment", "progress")]
        )
        learners = [f"learner-{n}" for n in range(args.learners)]
        for target in (url, bare_url):
            seed(target, learners)
        total = preload(kafka.bootstrap, topic, learners, args.attempts_per_learner)
        print(f"projector benchmark: {total:,} attempt.graded events pre-loaded; PostgreSQL; 6 partitions\n")
        raw = raw_rate(kafka.bootstrap, topic, total)
        projected = projector_rate(url, settings, topic, total)
        bare = bare_rate(url, bare_url, total)
        print()
        print(
            table(
                [
                    ("measure", "events/s", "aim"),
                    ("raw kafka-python consume", f"{raw:,.0f}", ""),
                    ("bare bulk apply of the same rows", f"{bare:,.0f}", ""),
                    ("progress consumer (applied)", f"{projected:,.0f}", f">= {AIM_RATE:,}"),
                    ("ratio projector / raw consume", f"{projected / raw:.2f}", ""),
                    ("ratio projector / bare apply", f"{projected / bare:.2f}", f">= {AIM_BARE_RATIO}"),
                ]
            )
        )
    finally:
        postgres.drop_database(f"bench_projector_{run}")
        postgres.drop_database(f"bench_bare_{run}")


if __name__ == "__main__":
    main()
