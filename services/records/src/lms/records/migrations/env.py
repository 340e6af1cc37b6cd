"""Alembic environment of the records service (configured in code by lms.kit.migrations)."""

from lms.kit.migrations import run_env
from lms.records.db import metadata

run_env(metadata)
