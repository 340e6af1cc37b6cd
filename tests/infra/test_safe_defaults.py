"""Real processes started without LMS_ENV run as production: a guessable secret stops them."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

OLD_COMPOSE_DEFAULT = "change-me-change-me-change-me-change-me"
PROCESSES = [["lms.assessment", "web"], ["lms.progress", "deliver"], ["lms.gateway", "web"]]


def production_env(tmp_path, secret: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "LMS_ENV"}  # the test plugin sets dev
    return {**env, "LMS_RUN_DIR": str(tmp_path), "LMS_JWT_SECRET": secret, "LMS_BIND": "127.0.0.1:1"}


def run(module_and_process: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", *module_and_process]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: " ".join(p))
def test_a_published_secret_stops_the_process_with_one_clear_line(tmp_path, process):
    result = run(process, production_env(tmp_path, OLD_COMPOSE_DEFAULT))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "LMS_JWT_SECRET" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_random_secret_lets_a_production_process_run(tmp_path):
    env = production_env(tmp_path, secrets.token_urlsafe(48))
    assert run(["lms.assessment", "migrate"], env).returncode == 0


@pytest.mark.parametrize("process", [["lms.progress", "relay"], ["lms.insights", "consume"]], ids=" ".join)
def test_a_kafka_process_without_its_password_stops_with_one_clear_line(tmp_path, process):
    env = production_env(tmp_path, secrets.token_urlsafe(48))
    for name in (
        "KAFKA_SASL_USERNAME",
        "KAFKA_SASL_PASSWORD",
        "KAFKA_SASL_PASSWORD_FILE",
        "KAFKA_SECURITY_PROTOCOL",
    ):
        env.pop(name, None)
    result = run(process, env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert f"no Kafka password for '{process[0].removeprefix('lms.')}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_kafka_process_refuses_unauthenticated_plaintext_outside_dev(tmp_path):
    env = {**production_env(tmp_path, secrets.token_urlsafe(48)), "KAFKA_SECURITY_PROTOCOL": "PLAINTEXT"}
    result = run(["lms.progress", "relay"], env)
    assert result.returncode != 0
    assert "PLAINTEXT" in result.stderr
    assert "Traceback" not in result.stderr
