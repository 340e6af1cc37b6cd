"""Alembic wiring every service reuses.

A service keeps its migrations inside its package (`src/lms/<service>/migrations`, found with
`packaged("lms.<service>")`, so a built wheel can migrate); its `env.py` is two lines:

    from lms.kit.migrations import run_env
    from lms.<service>.db import metadata
    run_env(metadata)

and its first revision calls `create_messaging_tables()` for the kit's outbox, lanes and
inbox (delete what autogenerate writes for those tables: the kit owns their shape).
No alembic.ini: `upgrade(url, directory)` configures Alembic in code.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command, context, op
from alembic.config import Config
from sqlalchemy import Connection, MetaData

from lms.kit.db import make_engine
from lms.kit.messaging import OUTBOX_CHANNEL
from lms.kit.messaging import metadata as messaging_metadata
from lms.kit.wakeup import stop_waking_on_insert, wake_on_insert


def packaged(package: str) -> Path:
    """The `migrations` folder inside an installed package (`lms.<service>`), wheel or editable."""
    return Path(str(resources.files(package) / "migrations"))


def config(url: str, directory: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(directory))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, directory: Path, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` (idempotent)."""
    command.upgrade(config(url, directory), revision)


def make_revision(url: str, directory: Path, message: str) -> None:
    """Autogenerate a revision from the models' difference to the database."""
    command.revision(config(url, directory), message=message, autogenerate=True)


def run_env(metadata: MetaData) -> None:
    """Body of a service's env.py: run migrations online against the configured URL."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is not configured (use lms.kit.migrations.upgrade)"
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=[metadata, messaging_metadata],
            render_as_batch=url.startswith("sqlite"),
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def create_messaging_tables() -> None:
    """For a service's first revision: the outbox, lane and inbox tables of the kit."""
    messaging_metadata.create_all(op.get_bind())


def drop_messaging_tables() -> None:
    messaging_metadata.drop_all(op.get_bind())


def wake_relays(connection: Connection | None = None) -> None:
    """The outbox notifies the relays as events commit (PostgreSQL; lms.kit.wakeup); in a
    revision, on the migration's connection."""
    wake_on_insert(connection or op.get_bind(), "outbox", OUTBOX_CHANNEL)


def stop_waking_relays() -> None:
    stop_waking_on_insert(op.get_bind(), "outbox")
