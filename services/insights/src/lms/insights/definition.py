"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers."""

from __future__ import annotations

import argparse
import threading

from lms.insights.app import create_app, make_context
from lms.insights.consumers import handlers
from lms.insights.service.analyses import close_due
from lms.kit.config import Settings
from lms.kit.migrations import packaged
from lms.kit.process import stop_on_signals
from lms.kit.service import ServiceDefinition

MIGRATIONS_DIR = packaged("lms.insights")


def close_due_command(settings: Settings, argv: list[str]) -> int:
    """`close-due [--every SECONDS]`: close the analyses whose time has come (once, or in a loop)."""
    parser = argparse.ArgumentParser(prog="lms.insights close-due")
    parser.add_argument("--every", type=float, default=0.0)
    args = parser.parse_args(argv)
    ctx = make_context(settings)
    stop = stop_on_signals() if args.every else threading.Event()
    while True:
        print(f"closed {close_due(ctx)} needs analyses", flush=True)
        if not args.every or stop.wait(args.every):
            return 0


DEFINITION = ServiceDefinition(
    name="insights",
    create_app=create_app,
    migrations=MIGRATIONS_DIR,
    consumes=["people", "curriculum", "assessment", "progress"],
    handlers=handlers,
    default_port=8105,
    commands={"close-due": close_due_command},
)
