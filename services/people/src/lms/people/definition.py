"""The service as the kit's runner sees it: app factory, migrations, and its own commands."""

from __future__ import annotations

from lms.kit.migrations import packaged
from lms.kit.service import ServiceDefinition
from lms.people.app import create_app
from lms.people.importing_cli import import_command

MIGRATIONS_DIR = packaged("lms.people")

DEFINITION = ServiceDefinition(
    name="people",
    create_app=create_app,
    migrations=MIGRATIONS_DIR,
    default_port=8104,
    commands={"import": import_command},
)
