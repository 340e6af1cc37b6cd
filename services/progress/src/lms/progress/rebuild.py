"""`python -m lms.progress rebuild --into URL`: the read models again, from the topics alone.

Replays curriculum, then assessment, then progress's own topic from the beginning to their
current ends into an empty database. Facts are recorded as the events state them (ids,
codes and times included) and nothing is published or delivered again; percentages are
then recomputed by the same completion rule. The result equals the live state, which the
integration test checks.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session
from tqdm import tqdm

from lms.kit.cloudevents import CloudEvent, from_kafka
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.migrations import upgrade
from lms.progress import consumers
from lms.progress.db import enrolments, lesson_completions, module_completions
from lms.progress.domain.completion import lessons_of
from lms.progress.progression import evaluation_of, store_completion, structure_of

Replay = Callable[[Session, CloudEvent], None]
BATCH = 500


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def attempt_graded(db: Session, event: CloudEvent) -> None:
    """Only the attempt: during replay, completions come from progress's own events."""
    consumers.record_attempts(db, [event])


def enrolment_created(db: Session, event: CloudEvent) -> None:
    d = event.data
    db.execute(
        insert(enrolments).values(
            id=d["enrolment_id"],
            learner_id=d["learner_id"],
            learner_name=d.get("learner_name") or d["learner_id"],
            course_id=d["course_id"],
            course_version=d["course_version"],
            status="active",
            percent=0.0,
            enrolled_at=t(d["enrolled_at"]),
            due_at=t(d["due_at"]) if d.get("due_at") else None,
            assigned_by=d.get("assigned_by"),
        )
    )


def lesson_completed(db: Session, event: CloudEvent) -> None:
    d = event.data
    db.execute(
        insert(lesson_completions).values(
            enrolment_id=d["enrolment_id"],
            lesson_id=d["lesson_id"],
            module_id=d["module_id"],
            completed_at=t(d["completed_at"]),
        )
    )


def module_completed(db: Session, event: CloudEvent) -> None:
    d = event.data
    db.execute(
        insert(module_completions).values(
            enrolment_id=d["enrolment_id"],
            module_id=d["module_id"],
            completed_at=t(d["completed_at"]),
            score=d.get("score"),
            attempt_id=d.get("attempt_id"),
        )
    )


def enrolment_upgraded(db: Session, event: CloudEvent) -> None:
    d = event.data
    db.execute(
        update(enrolments).where(enrolments.c.id == d["enrolment_id"]).values(course_version=d["to_version"])
    )
    if d["dropped_lessons"]:
        db.execute(
            lesson_completions.delete().where(
                lesson_completions.c.enrolment_id == d["enrolment_id"],
                lesson_completions.c.lesson_id.in_(d["dropped_lessons"]),
            )
        )


def course_completed(db: Session, event: CloudEvent) -> None:
    d = event.data
    enrolment = db.execute(select(enrolments).where(enrolments.c.id == d["enrolment_id"])).one()
    structure = structure_of(db, enrolment.course_id, enrolment.course_version)
    evaluation = evaluation_of(db, enrolment)
    evidence = {
        "course_version": enrolment.course_version,
        "modules": [m.module_id for m in evaluation.modules if m.completed],
        "lessons": sorted(
            set(
                db.scalars(
                    select(lesson_completions.c.lesson_id).where(
                        lesson_completions.c.enrolment_id == enrolment.id
                    )
                )
            )
            & lessons_of(structure)
        ),
        "attempts": [
            {"assessment_id": m.assessment_id, "attempt_id": m.passed.attempt_id, "percent": m.passed.percent}
            for m in evaluation.modules
            if m.passed
        ],
    }
    store_completion(db, d, enrolment.learner_name, structure.get("title", ""), evidence, event.id)
    db.execute(
        update(enrolments)
        .where(enrolments.c.id == enrolment.id)
        .values(status="completed", completed_at=t(d["completed_at"]))
    )


REPLAY: dict[str, Replay] = {
    "lms.curriculum.course.published.v1": consumers.course_published,
    "lms.curriculum.course.retired.v1": consumers.course_retired,
    "lms.assessment.attempt.graded.v1": attempt_graded,
    "lms.progress.enrolment.created.v1": enrolment_created,
    "lms.progress.lesson.completed.v1": lesson_completed,
    "lms.progress.module.completed.v1": module_completed,
    "lms.progress.enrolment.upgraded.v1": enrolment_upgraded,
    "lms.progress.course.completed.v1": course_completed,
}


def read_topic(bootstrap: str, topic: str) -> tuple[int, Iterator[CloudEvent]]:
    """How many records `topic` holds now, and an iterator over them from the beginning."""
    reader = KafkaConsumer(bootstrap_servers=bootstrap.split(","), enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in reader.partitions_for_topic(topic) or ()]
    reader.assign(partitions)
    reader.seek_to_beginning(*partitions)
    end = reader.end_offsets(partitions)
    total = sum(end[tp] - reader.beginning_offsets([tp])[tp] for tp in partitions)

    def events() -> Iterator[CloudEvent]:
        try:
            remaining = {tp for tp in partitions if reader.position(tp) < end[tp]}
            while remaining:
                for tp, records in reader.poll(timeout_ms=1000, max_records=BATCH).items():
                    for record in records:
                        if record.offset < end[tp]:
                            yield from_kafka(record.headers, record.value)
                    if reader.position(tp) >= end[tp]:
                        remaining.discard(tp)
        finally:
            reader.close()

    return total, events()


def rebuild(settings: Settings, target_url: str, migrations: Any, progress_bar: bool = True) -> int:
    """Replay every topic into `target_url` (migrated here; must hold no progress data)."""
    upgrade(target_url, migrations)
    engine: Engine = make_engine(target_url)
    sessions = make_session_factory(engine)
    with sessions() as db:
        if db.scalar(select(enrolments.c.id).limit(1)) is not None:
            raise SystemExit(f"{target_url} already holds enrolments: rebuild into an empty database")
    applied = 0
    for service in ("curriculum", "assessment", "progress"):
        total, events = read_topic(settings.kafka_bootstrap, settings.topic_of(service))
        bar = tqdm(total=total, desc=f"replay lms.{service}.events", unit="event", disable=not progress_bar)
        batch: list[CloudEvent] = []
        for event in events:
            batch.append(event)
            if len(batch) >= BATCH:
                applied += _apply(sessions, batch)
                bar.update(len(batch))
                batch = []
        applied += _apply(sessions, batch)
        bar.update(len(batch))
        bar.close()
    _recompute_percent(sessions)
    return applied


def _apply(sessions: Any, batch: list[CloudEvent]) -> int:
    with sessions.begin() as db:
        for event in batch:
            handler = REPLAY.get(event.type)
            if handler:
                handler(db, event)
    return len(batch)


def _recompute_percent(sessions: Any) -> None:
    with sessions.begin() as db:
        for enrolment in db.execute(select(enrolments)).all():
            db.execute(
                update(enrolments)
                .where(enrolments.c.id == enrolment.id)
                .values(percent=evaluation_of(db, enrolment).percent)
            )


def main(settings: Settings, argv: list[str], migrations: Any) -> int:
    parser = argparse.ArgumentParser(prog="lms.progress rebuild", description=__doc__)
    parser.add_argument("--into", required=True, help="URL of an empty database to rebuild into")
    args = parser.parse_args(argv)
    count = rebuild(settings, args.into, migrations)
    print(f"rebuilt from {count} events into {args.into}")
    return 0
