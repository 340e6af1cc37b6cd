"""Alembic environment of the people service (configured in code by lms.kit.migrations)."""

from lms.kit.migrations import run_env
from lms.people.db import metadata

run_env(metadata)
