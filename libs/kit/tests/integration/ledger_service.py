"""The ledger as a service of its own, for the `worker` process kind's tests: its relay
publishes the ledger's outbox and its consumer applies the same topic back, in one database.

    LEDGER_DATABASE_URL=... python -m ledger_service worker

`LEDGER_BROKEN_LOOP=1` adds a loop that fails at once, as a crashing dispatcher would.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from flask import Flask

from lms.kit.config import Settings
from lms.kit.service import ServiceDefinition, main
from lms.testing.ledger import EVENT_TYPE, apply_entries


def broken_loop(settings: Settings, stop: threading.Event) -> None:
    stop.wait(1.0)  # long enough for the relay and the consumer to have started
    raise RuntimeError("the broken loop fails, as a dispatcher with a bug would")


DEFINITION = ServiceDefinition(
    name="ledger",
    create_app=lambda settings: Flask(__name__),
    migrations=Path(__file__).parent,
    consumes=["ledger"],
    handlers=lambda settings: {},
    batch_handlers=lambda settings: {EVENT_TYPE: apply_entries},
    loops={"broken": broken_loop} if os.environ.get("LEDGER_BROKEN_LOOP") == "1" else {},
)

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
