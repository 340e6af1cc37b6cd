"""A Redis for the tests' shared rate-limit counters, started like the tests' Kafka and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TEST_REDIS_PORT = os.environ.get("LMS_TEST_REDIS_PORT", "56379")


def start_redis(repo: Path) -> str:
    """`LMS_TEST_REDIS_URL` when set; else the private instance of `infra/redis/redis.sh` on port
    56379 or `LMS_TEST_REDIS_PORT` (installed with apt-get when absent and root). It keeps running
    for the next test run."""
    if external := os.environ.get("LMS_TEST_REDIS_URL"):
        return external
    env = {**os.environ, "REDIS_PORT": TEST_REDIS_PORT}
    subprocess.run([str(repo / "infra/redis/redis.sh"), "start"], env=env, check=True, timeout=300)
    return f"redis://127.0.0.1:{TEST_REDIS_PORT}/0"
