"""The README's quick start, as a newcomer types it, on a fresh clone: `make run`, wait for the
welcome, `make demo` in a second terminal, then Ctrl-C."""

from __future__ import annotations

import fcntl
import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).parents[2]
LOCK = Path("/tmp/lms-make-run.lock")  # `make run` has fixed ports: one at a time on a machine
WELCOME = "LMS suite is ready."

pytestmark = pytest.mark.integration


def quick_start_commands() -> list[str]:
    """The commands of the README's Quick start section, in order of mention."""
    section = ROOT.joinpath("README.md").read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`?(make (?:run|demo|test))\b", section)


def test_the_readme_quick_start_names_run_then_demo():
    commands = quick_start_commands()
    assert commands.index("make run") < commands.index("make demo")


@contextmanager
def one_suite_at_a_time(timeout_s: float = 1800) -> Iterator[None]:
    with LOCK.open("a") as lock:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, f"{LOCK} stayed locked by another `make run`"
                time.sleep(1)
        yield


def a_newcomers_environment() -> dict[str, str]:
    """The environment of a fresh terminal: nothing the test session set for its own servers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LMS_", "KAFKA_", "PYTEST"))}
    env.pop("VIRTUAL_ENV", None)
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    return env


def lines_of(process: subprocess.Popen) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


def wait_for(lines: queue.Queue[str], text: str, timeout_s: float, seen: list[str]) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line == "":
            raise AssertionError("`make run` ended before the welcome:\n" + "".join(seen[-60:]))
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"no {text!r} within {timeout_s:.0f} s:\n" + "".join(seen[-60:]))


def test_make_run_then_make_demo_on_a_fresh_clone_ends_with_a_verified_certificate(tmp_path):
    clone = tmp_path / "lms"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = a_newcomers_environment()
    with one_suite_at_a_time():
        run = subprocess.Popen(
            ["make", "run"],
            cwd=clone,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, as a terminal's foreground job
        )
        seen: list[str] = []
        try:
            output = lines_of(run)
            wait_for(output, WELCOME, timeout_s=900, seen=seen)
            wait_for(output, "learn:", timeout_s=30, seen=seen)
            learn = seen[-1].split()[-1]
            assert "#token=" in learn
            page = httpx.get(learn.split("#")[0], timeout=30)
            assert page.status_code == 200, "the learner app is not served at /learn/"
            assert "script-src 'self'" in page.headers["Content-Security-Policy"]
            demo = subprocess.run(
                ["make", "demo"], cwd=clone, env=env, capture_output=True, text=True, timeout=600
            )
            assert demo.returncode == 0, demo.stdout[-4000:] + demo.stderr[-4000:]
            assert "certificate verified" in demo.stdout
            assert "signature verified" in demo.stdout
        finally:
            os.killpg(run.pid, signal.SIGINT)  # Ctrl-C
            try:
                run.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)
                raise
    broker = subprocess.run([str(clone / "infra/kafka/kafka.sh"), "status"], cwd=clone, env=env)
    assert broker.returncode != 0, "Ctrl-C left the suite's Kafka broker running"
