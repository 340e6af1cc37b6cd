"""`python -m lms.curriculum web|relay|consume|migrate|dlq`."""

from __future__ import annotations

import sys

from lms.curriculum.app import create_app
from lms.curriculum.consumers import handlers
from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition, main

MIGRATIONS = packaged("lms.curriculum")
DEFINITION = ServiceDefinition(
    name="curriculum",
    create_app=create_app,
    migrations=MIGRATIONS,
    consumes=["assessment"],
    handlers=handlers,
    default_port=8101,
)

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
