"""`/metrics` of a web process with two gunicorn workers: whichever worker answers a scrape, it
shows what both counted; a restart counts from zero; the counting directory goes with its server."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.testing.proc import Process

SECRET = "metrics-tests-secret-metrics-tests-secret"
ADMIN = {"Authorization": "Bearer " + mint_token(JwtSettings(secret=SECRET), "ops", ["admin"])}
SERVICE = """
import sys
from pathlib import Path
from lms.kit.service import ServiceDefinition, main
from lms.kit.web import create_app

sys.exit(main(ServiceDefinition(
    name="tally", create_app=lambda settings: create_app(settings, title="tally"),
    migrations=Path("."), outbox=False,
)))
"""
READYZ = {"endpoint": "/readyz", "method": "GET", "status": "200"}


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout_s} s: {what}"
        time.sleep(0.1)


def workers_of(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in path.read_text().split()} if path.exists() else set()


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def tally(tmp_path: Path) -> Iterator[Callable[..., tuple[Process, str]]]:
    """`tally(**env)`: the tiny service's web process, two workers; yields it and its URL."""
    started: list[Process] = []

    def start(**env: str) -> tuple[Process, str]:
        port = free_port()
        environ = {
            **os.environ,
            "LMS_ENV": "dev",
            "LMS_JWT_SECRET": SECRET,
            "LMS_RUN_DIR": str(tmp_path / "run"),
            "LMS_LOG_LEVEL": "WARNING",
            **env,
        }
        (tmp_path / "tally_service.py").write_text(SERVICE)
        environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
        args = ["web", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "2"]
        process = Process("tally_service", args, tmp_path / f"tally-{len(started)}.log", env=environ)
        started.append(process.start())
        url = f"http://127.0.0.1:{port}"
        popen = process.popen
        assert popen is not None

        def up() -> bool:
            assert popen.poll() is None, (tmp_path / f"tally-{len(started) - 1}.log").read_text()[-3000:]
            return answers(url) and len(workers_of(popen.pid)) == 2

        wait_for(up, 180, "both workers up")
        return process, url

    yield start
    for process in started:
        if process.popen is not None and process.popen.poll() is None:
            process.kill()


def hit_readyz(url: str, times: int) -> None:
    """`times` requests, eight at a time, each on a connection of its own (so both workers answer)."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda _n: httpx.get(f"{url}/readyz", timeout=60).status_code, range(times)))
    assert codes == [200] * times


def scraped_counts(url: str, scrapes: int) -> list[float]:
    counts = []
    for _ in range(scrapes):
        text = httpx.get(f"{url}/metrics", headers=ADMIN, timeout=60).text  # a new connection each time
        counts.append(
            sum(
                each.value
                for family in text_string_to_metric_families(text)
                for each in family.samples
                if each.name == "lms_http_requests_total" and each.labels == READYZ
            )
        )
    return counts


def test_every_scrape_shows_what_both_workers_counted(tally, tmp_path):
    gone = subprocess.Popen(["true"])
    gone.wait()
    left_by_a_killed_server = tmp_path / "run" / "metrics" / f"tally-web-{gone.pid}"
    left_by_a_killed_server.mkdir(parents=True)
    (left_by_a_killed_server / f"counter_{gone.pid}.db").write_bytes(b"")
    of_a_live_server = tmp_path / "run" / "metrics" / f"other-web-{os.getpid()}"
    of_a_live_server.mkdir()
    process, url = tally()
    assert not left_by_a_killed_server.exists(), "a dead server's directory is removed at start"
    assert of_a_live_server.exists(), "a running server's directory is left alone"
    hit_readyz(url, 120)
    assert scraped_counts(url, 30) == [120.0] * 30
    assert process.popen is not None
    directory = tmp_path / "run" / "metrics" / f"tally-web-{process.popen.pid}"
    counted_by = {int(path.stem.rsplit("_", 1)[1]) for path in directory.glob("counter_*.db")}
    assert workers_of(process.popen.pid) <= counted_by, "both workers answered some of the requests"
    assert process.terminate() == 0
    assert not directory.exists(), "the counting directory goes with its server"


def test_a_restarted_server_counts_from_zero(tally, tmp_path):
    chosen = tmp_path / "chosen-by-the-operator"
    chosen.mkdir()
    first, url = tally(PROMETHEUS_MULTIPROC_DIR=str(chosen))
    hit_readyz(url, 40)
    assert scraped_counts(url, 4) == [40.0] * 4
    first.kill()  # no clean exit: its files stay behind
    assert any(chosen.glob("counter_*.db"))
    _second, url = tally(PROMETHEUS_MULTIPROC_DIR=str(chosen))
    hit_readyz(url, 10)
    assert scraped_counts(url, 6) == [10.0] * 6
