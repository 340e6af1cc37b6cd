"""Issue 26, forwarding: statements go to an outside LRS in batches, at least once, carrying their
ids so the receiver drops what it has; a forwarder that dies between sending and moving its
cursor sends the batch again when it resumes.

The receiver is a real Ralph LRS (`ralph-malph` 5.1 from PyPI, in a venv of its own under
.run/, on its file-system backend), started by this module. Ralph's file-system backend writes
its file once (a second write of new statements is refused), so the test forwards one batch,
crashes, resumes and sends it again; multi-batch forwarding is tested against a second record
store of our own.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from lms.kit.db import make_engine
from lms.records.app import context
from lms.records.service.forwarding import Target, cursor, forward_batch

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[4]
RALPH = "ralph-malph[lrs,cli]==5.1.0"
RALPH_VENV = ROOT / ".run" / "ralph-5.1.0"
USER, PASSWORD = "lms-forwarder", "forwarding-secret-0123456789"


class Crash(Exception):
    """The forwarder dies after the receiver accepted a batch, before its cursor moved."""


def ralph_python() -> Path:
    """The venv with Ralph (made once; `requests`, which its 5.1 wheel forgets to require, added)."""
    python = RALPH_VENV / "bin" / "python"
    if not (RALPH_VENV / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(RALPH_VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, RALPH, "requests"], check=True, timeout=900)
        (RALPH_VENV / ".installed").write_text(RALPH)
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Ralph LRS on the file-system backend, with one user of every scope: its xAPI endpoint."""
    python, home = ralph_python(), tmp_path_factory.mktemp("ralph")
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(home),
        "RALPH_AUTH_FILE": str(home / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(home),
    }
    ralph_cli = [str(python), "-m", "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all"]
    subprocess.run([*ralph_cli, "-M", "mailto:forwarder@lms.example", "-w"], env=env, check=True, timeout=120)
    port = free_port()
    server = [str(python), "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(port)]
    with (home / "ralph.log").open("w") as log:
        process = subprocess.Popen(server, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while not _answers(f"{url}/__lbheartbeat__"):
            assert process.poll() is None, (home / "ralph.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "Ralph did not start"
            time.sleep(0.5)
        yield f"{url}/xAPI"
    finally:
        process.terminate()
        process.wait(30)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def sender(client: httpx.Client, crash_after: bool = False):
    def send(url: str, body: bytes, headers: dict[str, str]) -> int:
        status = client.post(url, content=body, headers=headers).status_code
        if crash_after:
            raise Crash(status)
        return status

    return send


def test_a_batch_reaches_ralph_and_a_resend_after_a_crash_is_deduplicated_by_id(
    harness, client, writer, new_statement, ralph
):
    ids = client.post("/xapi/statements", json=[new_statement() for _ in range(5)], headers=writer).get_json()
    ctx = context(harness.engine, harness.settings.topic)
    target = Target("ralph", ralph, basic(USER, PASSWORD), batch=50)
    with httpx.Client(timeout=30) as http:
        with pytest.raises(Crash):
            forward_batch(ctx, target, sender(http, crash_after=True))
        assert cursor(ctx, target) == 0  # the crash left the cursor where it was
        assert forward_batch(ctx, target, sender(http)) == 5  # resumed: the same batch again
        assert forward_batch(ctx, target, sender(http)) == 0
        held = http.get(f"{ralph}/statements?limit=100", headers=_ralph_headers()).json()["statements"]
    assert sorted(s["id"] for s in held) == sorted(ids)


def _ralph_headers() -> dict[str, str]:
    return {"Authorization": basic(USER, PASSWORD), "X-Experience-API-Version": "1.0.3"}


class Receiver:
    """An outside LRS's statement endpoint on loopback that keeps the ids of every batch POSTed to it."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        batches = self.batches

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                batches.append([statement["id"] for statement in body])
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}/xAPI"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.server.shutdown()
    found.server.server_close()


def test_batches_go_in_feed_order_and_the_cursor_survives_a_restart(
    harness, client, writer, new_statement, receiver
):
    ids = client.post("/xapi/statements", json=[new_statement() for _ in range(5)], headers=writer).get_json()
    target = Target("elsewhere", receiver.endpoint, basic(USER, PASSWORD), batch=2)
    first = context(harness.engine, harness.settings.topic)
    with httpx.Client(timeout=30) as http:
        assert forward_batch(first, target, sender(http)) == 2
        restarted = context(make_engine(harness.settings.database_url), harness.settings.topic)
        while forward_batch(restarted, target, sender(http)):
            pass
    assert receiver.batches == [ids[0:2], ids[2:4], ids[4:5]]
    assert cursor(restarted, target) == cursor(first, target) > 0
