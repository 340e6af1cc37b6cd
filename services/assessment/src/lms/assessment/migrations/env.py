"""Alembic environment of the assessment service (configured in code by lms.kit.migrations)."""

from lms.assessment.db import metadata
from lms.kit.migrations import run_env

run_env(metadata)
