"""`python -m lms.progress rebuild --into URL`: the read models again, from the topics alone.

Replays curriculum, then assessment, then progress's own topic from the beginning to their
current ends into an empty database, through the live consumer's handlers (plus progress's
own events, which only a rebuild applies). Nothing is announced again: the replay's units of
work have no outbox. While assessment's events are replayed no enrolment exists yet, so graded
attempts are recorded as evidence only; completions come back from progress's own events with
their ids and codes. Percentages are then recomputed by the same completion rule.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tqdm import tqdm

from lms.kit.cloudevents import CloudEvent, from_kafka
from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.migrations import upgrade
from lms.kit.topics import read_topic
from lms.kit.uow import UnitOfWork, joiner
from lms.progress.announcing import Channels
from lms.progress.consumers import batch_handlers, handlers, own_handlers
from lms.progress.db import enrolments
from lms.progress.enrolment.service.replay import recompute_percent

BATCH = 500
TOPICS = ("curriculum", "assessment", "progress")


class Replayer:
    """Applies events in order: runs of one batch-handled type together, the others one by one."""

    def __init__(self, channels: Channels):
        join = joiner(None)  # a replay's units join the batch's transaction and announce nothing
        self.single = {**handlers(channels, join), **own_handlers(channels, join)}
        self.batched = batch_handlers(channels, join)

    def apply(self, session: Session, batch: list[CloudEvent]) -> None:
        for run in _runs(batch):
            if run[0].type in self.batched:
                self.batched[run[0].type](session, run)
            elif run[0].type in self.single:
                for event in run:
                    self.single[event.type](session, event)


def _runs(batch: list[CloudEvent]) -> list[list[CloudEvent]]:
    runs: list[list[CloudEvent]] = []
    for event in batch:
        if runs and runs[-1][0].type == event.type:
            runs[-1].append(event)
        else:
            runs.append([event])
    return runs


def rebuild(
    settings: Settings, target_url: str, migrations: Any, channels: Channels, progress_bar: bool = True
) -> int:
    """Replay every topic into `target_url` (migrated here; must hold no progress data), recording
    with `channels` in units of work that announce nothing."""
    upgrade(target_url, migrations)
    sessions = make_session_factory(make_engine(target_url))
    _refuse_non_empty(sessions, target_url)
    replayer, applied = Replayer(channels), 0
    for service in TOPICS:
        applied += _replay_topic(settings, service, sessions, replayer, progress_bar)
    with UnitOfWork(sessions, None) as uow:
        recompute_percent(uow.session)
        uow.commit()
    return applied


def _refuse_non_empty(sessions: sessionmaker[Session], target_url: str) -> None:
    with sessions() as session:
        if session.scalar(select(enrolments.c.id).limit(1)) is not None:
            raise SystemExit(f"{target_url} already holds enrolments: rebuild into an empty database")


def _replay_topic(
    settings: Settings, service: str, sessions: sessionmaker[Session], replayer: Replayer, progress_bar: bool
) -> int:
    snapshot = read_topic(settings.kafka_bootstrap, settings.topic_of(service), batch=BATCH)
    batch: list[CloudEvent] = []
    with tqdm(total=snapshot.total, desc=f"replay {service}", unit="event", disable=not progress_bar) as bar:
        for record in snapshot:
            batch.append(from_kafka(record.headers, record.value))
            if len(batch) >= BATCH:
                _apply(sessions, replayer, batch, bar)
                batch = []
        _apply(sessions, replayer, batch, bar)
    return snapshot.total


def _apply(sessions: sessionmaker[Session], replayer: Replayer, batch: list[CloudEvent], bar: tqdm) -> None:
    with UnitOfWork(sessions, None) as uow:
        replayer.apply(uow.session, batch)
        uow.commit()
    bar.update(len(batch))


def main(settings: Settings, argv: list[str], migrations: Any, channels: Channels) -> int:
    parser = argparse.ArgumentParser(prog="lms.progress rebuild", description=__doc__)
    parser.add_argument("--into", required=True, help="URL of an empty database to rebuild into")
    args = parser.parse_args(argv)
    count = rebuild(settings, args.into, migrations, channels)
    print(f"rebuilt from {count} events into {args.into}")
    return 0
