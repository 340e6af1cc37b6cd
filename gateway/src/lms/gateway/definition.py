"""The gateway as the kit's runner sees it: a web process and its API-key migrations, no outbox."""

from __future__ import annotations

from lms.gateway.app import create_app
from lms.gateway.limits import refuse_per_worker_counts
from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition

MIGRATIONS_DIR = packaged("lms.gateway")

DEFINITION = ServiceDefinition(
    name="gateway",
    create_app=create_app,
    migrations=MIGRATIONS_DIR,
    default_port=8080,
    outbox=False,
    web_check=refuse_per_worker_counts,
)
