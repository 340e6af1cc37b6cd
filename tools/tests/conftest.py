"""A real gateway (its API-key store on SQLite) for the CLI's over-HTTP commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from lms.gateway.app import create_app
from lms.gateway.config import load_config
from lms.gateway.definition import MIGRATIONS_DIR
from lms.kit.config import Settings
from lms.kit.migrations import upgrade
from lms.testing.gateway.helpers import JWT


@pytest.fixture
def gateway(tmp_path: Path) -> Flask:
    database = f"sqlite:///{tmp_path / 'gateway.db'}"
    upgrade(database, MIGRATIONS_DIR)
    return create_app(Settings(service="gateway", database_url=database, jwt=JWT), load_config({}))
