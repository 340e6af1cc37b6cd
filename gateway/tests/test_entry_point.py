"""`python -m lms.gateway` goes through the kit runner: migrate works from a bare environment."""

from __future__ import annotations

import subprocess
import sys


def test_the_module_entry_point_migrates_an_empty_database(tmp_path):
    env = {"GATEWAY_DATABASE_URL": f"sqlite:///{tmp_path}/gw.db", "LMS_RUN_DIR": str(tmp_path), "PATH": ""}
    migrate = subprocess.run(
        [sys.executable, "-m", "lms.gateway", "migrate"], env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stderr
    assert (tmp_path / "gw.db").exists()


def test_the_gateway_runs_through_the_kit_runner_with_web_and_migrate_only(tmp_path):
    env = {"GATEWAY_DATABASE_URL": f"sqlite:///{tmp_path}/gw.db", "LMS_RUN_DIR": str(tmp_path), "PATH": ""}
    relay = subprocess.run(
        [sys.executable, "-m", "lms.gateway", "relay"], env=env, capture_output=True, text=True
    )
    assert relay.returncode == 2
    assert "usage: python -m lms.gateway {web,migrate}" in relay.stderr
