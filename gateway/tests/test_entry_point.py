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


def web(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m lms.gateway web ARGS` in a production environment (no LMS_ENV), bound to a port
    nobody else wants; it is stopped after a few seconds if it does start."""
    base = {"GATEWAY_DATABASE_URL": f"sqlite:///{tmp_path}/gw.db", "LMS_RUN_DIR": str(tmp_path), "PATH": ""}
    command = [sys.executable, "-m", "lms.gateway", "web", "--bind", "127.0.0.1:0", *args]
    try:
        return subprocess.run(command, env={**base, **env}, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired as running:
        return subprocess.CompletedProcess(command, -1, "", str(running.stderr or ""))


def test_outside_dev_it_refuses_per_worker_rate_limits_on_more_than_one_worker(tmp_path):
    refused = web(tmp_path, "--workers", "2")
    assert refused.returncode not in (0, -1), "it started"
    assert "LMS_RATE_LIMIT_STORAGE" in refused.stderr
    assert "memory://" in refused.stderr
    also_refused = web(tmp_path, LMS_WEB_WORKERS="3", LMS_RATE_LIMIT_STORAGE="memory://")
    assert also_refused.returncode not in (0, -1), "it started"
    assert "LMS_RATE_LIMIT_STORAGE" in also_refused.stderr
