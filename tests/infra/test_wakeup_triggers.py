"""Every service's migrations give its outbox (and progress its webhook deliveries) the trigger that
wakes idle relays and dispatchers when rows commit; downgrading past the revision that adds it
removes it, an upgrade restores it (later revisions may follow that one)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from lms.kit.db import make_engine
from lms.kit.migrations import config, packaged, upgrade

pytestmark = pytest.mark.integration

WAKING = {
    "assessment": {"outbox"},
    "curriculum": {"outbox"},
    "insights": {"outbox"},
    "people": {"outbox"},
    "progress": {"outbox", "webhook_deliveries"},
    "records": {"outbox"},
}


def waking_tables(url: str) -> set[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        found = connection.scalars(
            text(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE NOT t.tgisinternal AND t.tgname = c.relname || '_wakes_listeners'"
            )
        )
        tables = set(found)
    engine.dispose()
    return tables


def waking_revision(url: str, migrations) -> str:
    """The revision that adds the triggers (`NNNN_wake_pollers_on_insert.py`)."""
    scripts = ScriptDirectory.from_config(config(url, migrations))
    (found,) = [r.revision for r in scripts.walk_revisions() if r.path.endswith("_wake_pollers_on_insert.py")]
    return found


@pytest.mark.parametrize("service", sorted(WAKING))
def test_the_migrations_make_the_inserted_rows_wake_their_pollers(service, pg_url):
    migrations = packaged(f"lms.{service}")
    upgrade(pg_url, migrations)
    assert waking_tables(pg_url) == WAKING[service]
    command.downgrade(config(pg_url, migrations), f"{waking_revision(pg_url, migrations)}-1")
    assert waking_tables(pg_url) == set()
    upgrade(pg_url, migrations)
    assert waking_tables(pg_url) == WAKING[service]
