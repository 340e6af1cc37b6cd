"""The Alembic revisions build exactly the tables the code uses (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from lms.assessment.db import metadata
from lms.kit.messaging import metadata as messaging_metadata


def differences(url: str) -> list:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        found = compare_metadata(context, [metadata, messaging_metadata])
    engine.dispose()
    return found


def test_migrated_sqlite_matches_the_models(sqlite_url):
    assert differences(sqlite_url) == []


@pytest.mark.integration
def test_migrated_postgresql_matches_the_models(settings):
    assert differences(settings.database_url) == []
