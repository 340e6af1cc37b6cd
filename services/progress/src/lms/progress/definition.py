"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers, and
progress's own processes: `deliver` (webhooks), `schedule` (compliance notices), `rebuild`."""

from __future__ import annotations

import argparse
import os
import threading

from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.migrations import packaged
from lms.kit.outbox import Outbox
from lms.kit.process import stop_on_signals
from lms.kit.service import ServiceDefinition
from lms.progress.app import create_app
from lms.progress.clock import clock_from_env
from lms.progress.consumers import batch_handlers, handlers
from lms.progress.context import Context
from lms.progress.enrolment.service.statements import XapiIdentity
from lms.progress.processes import rebuild
from lms.progress.processes.delivery import Dispatcher
from lms.progress.processes.scheduler import Scheduler

MIGRATIONS = packaged("lms.progress")


def deliver(settings: Settings, argv: list[str]) -> int:
    """Send webhook deliveries until SIGTERM (`--workers N` senders side by side on PostgreSQL)."""
    parser = argparse.ArgumentParser(prog="lms.progress deliver")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LMS_DELIVER_WORKERS", "4")))
    args = parser.parse_args(argv)
    deliver_until(settings, stop_on_signals(), workers=args.workers)
    return 0


def deliver_until(settings: Settings, stop: threading.Event, workers: int | None = None) -> None:
    workers = workers or int(os.environ.get("LMS_DELIVER_WORKERS", "4"))
    Dispatcher(make_engine(settings.database_url), env=settings.env).run(stop, workers=workers)


def schedule(settings: Settings, argv: list[str]) -> int:
    """Settle due compliance notices every `LMS_SCHEDULE_INTERVAL_S` seconds until SIGTERM."""
    schedule_until(settings, stop_on_signals())
    return 0


def schedule_until(settings: Settings, stop: threading.Event) -> None:
    ctx = Context(
        sessions=make_session_factory(make_engine(settings.database_url)),
        outbox=Outbox(source="/progress", topic=settings.topic),
        env=settings.env,
        xapi=XapiIdentity.from_env(settings.env),
        clock=clock_from_env(settings.env),
    )
    interval = float(os.environ.get("LMS_SCHEDULE_INTERVAL_S", "30"))
    Scheduler(ctx).run(stop, interval)


DEFINITION = ServiceDefinition(
    name="progress",
    create_app=create_app,
    migrations=MIGRATIONS,
    consumes=["curriculum", "assessment", "people"],
    handlers=handlers,
    batch_handlers=batch_handlers,
    default_port=8103,
    commands={
        "deliver": deliver,
        "schedule": schedule,
        "rebuild": lambda s, argv: rebuild.main(s, argv, MIGRATIONS),
    },
    loops={"deliver": deliver_until, "schedule": schedule_until},
)
