"""`python -m lms.progress web|relay|consume|deliver|rebuild|migrate|dlq`."""

from __future__ import annotations

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
    """Send webhook deliveries until SIGTERM."""
    Dispatcher(make_engine(settings.database_url), env=settings.env).run(stop_on_signals())
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
