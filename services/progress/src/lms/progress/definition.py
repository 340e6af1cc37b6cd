"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers, and
progress's own processes: `deliver` (webhooks), `schedule` (compliance notices), `rebuild`."""

from __future__ import annotations

import argparse
import os
import threading
from collections.abc import Mapping

from lms.kit.config import Settings
from lms.kit.db import make_engine
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.migrations import packaged
from lms.kit.process import stop_on_signals
from lms.kit.safehttp import SafeClient
from lms.kit.service import ServiceDefinition
from lms.progress import consumers
from lms.progress.app import channels_of, context_of, create_app, join_of
from lms.progress.processes import rebuild
from lms.progress.processes.delivery import Dispatcher
from lms.progress.processes.scheduler import Scheduler

MIGRATIONS = packaged("lms.progress")


def handlers(settings: Settings) -> Mapping[str, Handler]:
    return consumers.handlers(channels_of(settings, os.environ), join_of(settings))


def batch_handlers(settings: Settings) -> Mapping[str, BatchHandler]:
    return consumers.batch_handlers(channels_of(settings, os.environ), join_of(settings))


def deliver(settings: Settings, argv: list[str]) -> int:
    """Send webhook deliveries until SIGTERM (`--workers N` senders side by side on PostgreSQL)."""
    parser = argparse.ArgumentParser(prog="lms.progress deliver")
    parser.add_argument("--workers", type=int, default=deliver_workers())
    args = parser.parse_args(argv)
    deliver_until(settings, stop_on_signals(), workers=args.workers)
    return 0


def deliver_until(settings: Settings, stop: threading.Event, workers: int | None = None) -> None:
    client = SafeClient.for_env(settings.env)
    Dispatcher(make_engine(settings.database_url), client).run(stop, workers=workers or deliver_workers())


def deliver_workers() -> int:
    return int(os.environ.get("LMS_DELIVER_WORKERS", "4"))


def schedule(settings: Settings, argv: list[str]) -> int:
    """Settle due compliance notices every `LMS_SCHEDULE_INTERVAL_S` seconds until SIGTERM."""
    schedule_until(settings, stop_on_signals())
    return 0


def schedule_until(settings: Settings, stop: threading.Event) -> None:
    interval = float(os.environ.get("LMS_SCHEDULE_INTERVAL_S", "30"))
    Scheduler(context_of(settings, os.environ)).run(stop, interval)


def rebuild_into(settings: Settings, argv: list[str]) -> int:
    """`rebuild --into URL`: the read models again from the topics, through the consumer's handlers."""
    return rebuild.main(settings, argv, MIGRATIONS, channels_of(settings, os.environ))


DEFINITION = ServiceDefinition(
    name="progress",
    create_app=create_app,
    migrations=MIGRATIONS,
    consumes=["curriculum", "assessment", "people", "records"],
    handlers=handlers,
    batch_handlers=batch_handlers,
    default_port=8103,
    commands={"deliver": deliver, "schedule": schedule, "rebuild": rebuild_into},
    loops={"deliver": deliver_until, "schedule": schedule_until},
)
