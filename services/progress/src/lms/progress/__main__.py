"""`python -m lms.progress web|relay|consume|deliver|rebuild|migrate|dlq`."""

from __future__ import annotations

import argparse
import os
import sys

from lms.kit.config import Settings
from lms.kit.db import make_engine
from lms.kit.migrations import packaged
from lms.kit.process import stop_on_signals
from lms.kit.service import ServiceDefinition, main
from lms.progress import rebuild
from lms.progress.app import create_app
from lms.progress.consumers import batch_handlers, handlers
from lms.progress.service.delivery import Dispatcher

MIGRATIONS = packaged("lms.progress")


def deliver(settings: Settings, argv: list[str]) -> int:
    """Send webhook deliveries until SIGTERM (`--workers N` senders side by side on PostgreSQL)."""
    parser = argparse.ArgumentParser(prog="lms.progress deliver")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LMS_DELIVER_WORKERS", "4")))
    args = parser.parse_args(argv)
    dispatcher = Dispatcher(make_engine(settings.database_url), env=settings.env)
    dispatcher.run(stop_on_signals(), workers=args.workers)
    return 0


DEFINITION = ServiceDefinition(
    name="progress",
    create_app=create_app,
    migrations=MIGRATIONS,
    consumes=["curriculum", "assessment", "people"],
    handlers=handlers,
    batch_handlers=batch_handlers,
    default_port=8103,
    commands={"deliver": deliver, "rebuild": lambda s, argv: rebuild.main(s, argv, MIGRATIONS)},
)

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
