"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers, loops."""

from __future__ import annotations

from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition
from lms.records.app import create_app
from lms.records.consumers import handlers
from lms.records.forwarder import forward, forward_until

MIGRATIONS_DIR = packaged("lms.records")

DEFINITION = ServiceDefinition(
    name="records",
    create_app=create_app,
    migrations=MIGRATIONS_DIR,
    consumes=["progress", "curriculum"],
    handlers=handlers,
    default_port=8106,
    commands={"forward": forward},
    loops={"forward": forward_until},
)
