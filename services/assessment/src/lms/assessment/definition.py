"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers."""

from __future__ import annotations

from lms.assessment.app import create_app
from lms.assessment.consumers import handlers
from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition

MIGRATIONS_DIR = packaged("lms.assessment")

DEFINITION = ServiceDefinition(
    name="assessment",
    create_app=create_app,
    migrations=MIGRATIONS_DIR,
    consumes=["curriculum", "insights"],
    handlers=handlers,
    default_port=8102,
)
