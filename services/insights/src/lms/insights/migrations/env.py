"""Alembic environment of the insights service (configured in code by lms.kit.migrations)."""

from lms.insights.db import metadata
from lms.kit.migrations import run_env

run_env(metadata)
