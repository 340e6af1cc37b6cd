"""The service as the kit's runner sees it: app factory, migrations, consumed topics, handlers."""

from __future__ import annotations

from lms.curriculum.app import create_app
from lms.curriculum.consumers import handlers
from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition

MIGRATIONS = packaged("lms.curriculum")

DEFINITION = ServiceDefinition(
    name="curriculum",
    create_app=create_app,
    migrations=MIGRATIONS,
    consumes=["assessment"],
    handlers=handlers,
    default_port=8101,
)
