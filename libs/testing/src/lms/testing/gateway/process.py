"""The gateway as the real thing: `python -m lms.gateway web` (gunicorn) in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from lms.gateway.config import DEFAULT_ROUTES
from lms.testing.gateway.helpers import JWT
from lms.testing.proc import Process
from lms.testing.servers import free_port


def gateway_env(upstream_urls: Mapping[str, str], database: Path, **extra: str) -> dict[str, str]:
    """The environment of a dev gateway over `upstream_urls` (service name -> URL)."""
    env = {**os.environ, "LMS_ENV": "dev", "LMS_LOG_LEVEL": "WARNING", "LMS_JWT_SECRET": str(JWT.secret)}
    env.update({f"LMS_{name.upper()}_URL": url for name, url in upstream_urls.items()})
    env["LMS_GATEWAY_ROUTES"] = json.dumps(DEFAULT_ROUTES)
    env["GATEWAY_DATABASE_URL"] = f"sqlite:///{database}"
    env["LMS_RUN_DIR"] = str(database.parent)
    return {**env, **extra}


def migrate(env: Mapping[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "lms.gateway", "migrate"], env=dict(env), check=True, timeout=120)


@contextmanager
def gateway_process(env: Mapping[str, str], log: Path, workers: int = 1) -> Iterator[str]:
    """A gunicorn gateway on a free port for the block; yields its base URL (migrate first)."""
    with gateway_processes(env, [log], workers) as urls:
        yield urls[0]


@contextmanager
def gateway_processes(env: Mapping[str, str], logs: list[Path], workers: int = 1) -> Iterator[list[str]]:
    """One gateway per log file, started together (the machine may be slow to start each)."""
    started = []
    for log in logs:
        port = free_port()
        args = ["web", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", "2"]
        started.append((f"http://127.0.0.1:{port}", Process("lms.gateway", args, log, env=env).start(), log))
    try:
        for url, process, log in started:
            _wait_until_up(url, process, log)
        yield [url for url, _process, _log in started]
    finally:
        for _url, process, _log in started:
            if process.popen is not None and process.popen.poll() is None:
                process.terminate()


def _wait_until_up(url: str, process: Process, log: Path, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.popen is not None
        assert process.popen.poll() is None, log.read_text()[-3000:]
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as answer:  # noqa: S310 - loopback
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"the gateway at {url} did not come up; see {log}")
