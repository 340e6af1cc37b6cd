"""The web server's port: nobody else can share it, and a killed master does not leave it held."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

SERVER = """
import pathlib, sys, time
from flask import Flask
from lms.kit.gunicorn import serve

def busy():
    pathlib.Path(sys.argv[3]).touch()  # the test knows a request is in flight
    time.sleep(300)
    return "late"

def make():
    app = Flask("tiny")
    app.get("/ping")(lambda: "pong")
    app.get("/busy")(busy)
    return app

serve(make, bind=sys.argv[1], workers=2, threads=int(sys.argv[2]))
"""


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout_s} s: {what}"
        time.sleep(0.1)


def answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/ping", timeout=2).text == "pong"
    except httpx.HTTPError:
        return False


def bindable(port: int, reuse_port: bool = False) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:
            return False
        return True


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in path.read_text().split()} if path.exists() else set()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.fixture
def start(tmp_path) -> Iterator[Callable[[int], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    environ = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    environ["HOME"] = str(tmp_path / "home")  # where gunicorn's control socket would go

    def launch(port: int, threads: int = 2) -> subprocess.Popen[bytes]:
        with (tmp_path / f"server-{len(started)}.log").open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-c", SERVER, f"127.0.0.1:{port}", str(threads), str(tmp_path / "busy")],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=environ,
            )
        started.append(process)
        return process

    yield launch
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def request_in_flight(port: int, marker: Path) -> None:
    def call() -> None:
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(f"http://127.0.0.1:{port}/busy", timeout=400)

    threading.Thread(target=call, daemon=True).start()
    wait_for(marker.exists, 60, "a request is in flight")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("threads", [1, 2], ids=["sync", "gthread"])
def test_a_sigkilled_master_leaves_no_worker_holding_the_port(start, tmp_path, threads):
    """Even a worker busy with a long request: it would otherwise hold the port until done."""
    port = free_port()
    master = start(port, threads)
    wait_for(lambda: answers(port) and len(children(master.pid)) == 2, 120, "the server answers")
    request_in_flight(port, tmp_path / "busy")
    workers = children(master.pid)
    os.kill(master.pid, signal.SIGKILL)
    master.wait(timeout=30)
    wait_for(lambda: not any(alive(w) for w in workers), 30, "the workers end with their master")
    wait_for(lambda: bindable(port), 30, "the port is free again")
    replacement = start(port)
    wait_for(lambda: answers(port), 120, "a new master serves on the same port")
    assert replacement.poll() is None


def test_nobody_else_can_bind_the_port_while_a_server_runs(start):
    port = free_port()
    first = start(port)
    wait_for(lambda: answers(port), 120, "the server answers")
    assert not bindable(port, reuse_port=True)  # SO_REUSEPORT would let this share the traffic
    assert not bindable(port)
    second = start(port)
    assert second.wait(timeout=120) != 0  # gunicorn gives up: address in use
    assert answers(port)
    assert first.poll() is None


REFUSED_BY_GUNICORN = {
    "long URL": (b"GET /ping?" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    "large header": (b"GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 10_000 + b"\r\n\r\n", 431),
    "malformed header": (b"GET /ping HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400),
}


def raw_exchange(port: int, request_head: bytes) -> tuple[bytes, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request_head)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    return head, body


def test_requests_gunicorn_refuses_itself_get_problem_json(start):
    port = free_port()
    start(port)
    wait_for(lambda: answers(port), 120, "the server answers")
    for case, (request_head, status) in REFUSED_BY_GUNICORN.items():
        head, body = raw_exchange(port, request_head)
        assert head.split(b" ")[1] == str(status).encode(), case
        assert b"content-type: application/problem+json" in head.lower(), case
        assert json.loads(body)["status"] == status, case
        assert b"<html" not in body, case


def test_servers_started_at_once_share_no_control_socket(start, tmp_path):
    """gunicorn would give every master of a user one control socket path, each taking it from
    the others; the kit's servers open none."""
    ports = [free_port(), free_port()]
    masters = [start(port) for port in ports]
    wait_for(lambda: all(answers(port) for port in ports), 120, "both servers answer")
    assert all(master.poll() is None for master in masters)
    assert not (tmp_path / "home" / ".gunicorn").exists()
    for log in tmp_path.glob("server-*.log"):
        assert "control socket" not in log.read_text().lower(), log.read_text()[-2000:]
