"""Statements written and read per second: the record store beside Ralph LRS, same statements, same client.

    python bench/lrs.py [--statements 1000] [--batch 100] [--reads 300]

Starts the tests' private PostgreSQL with a fresh database for the records service and serves it
with gunicorn (`python -m lms.records web`, 2 workers x 4 threads); starts Ralph LRS 5.1
(`ralph-malph` from PyPI, in its venv under .run/, made by the forwarding test or here) on its
file-system backend with uvicorn. One httpx client, one request at a time, sends each LRS the
same statements in batches (POST), then reads single statements by id (GET ?statementId=).
Ralph's file-system backend writes each user's file once, so each of its batches goes in as a
user of its own (its own file); a read asks as the user that wrote the statement.
Prints statements written per second, statements read per second, and the ratio to Ralph's.
"""

from __future__ import annotations

import argparse
import base64
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import httpx

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.migrations import upgrade
from lms.records.definition import MIGRATIONS_DIR
from lms.testing.infra import start_postgres

REPO = Path(__file__).resolve().parents[1]
SECRET = "bench-secret-bench-secret-bench-secret"
RALPH_VENV = REPO / ".run" / "ralph-5.1.0"
RALPH = "ralph-malph[lrs,cli]==5.1.0"
PASSWORD = "bench-password-0123456789"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def statements(count: int) -> list[dict]:
    """Statements as a course player sends them: learner, verb, activity with a definition, result."""
    found = []
    for n in range(count):
        found.append(
            {
                "id": str(uuid.uuid4()),
                "actor": {
                    "objectType": "Agent",
                    "name": f"Learner {n % 50}",
                    "mbox": f"mailto:l{n % 50}@example.com",
                },
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
                "object": {
                    "objectType": "Activity",
                    "id": f"http://example.com/courses/c1/questions/{n % 40}",
                    "definition": {
                        "name": {"en-US": f"Question {n % 40}"},
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "true-false",
                        "correctResponsesPattern": ["true"],
                    },
                },
                "result": {"success": n % 3 != 0, "response": "true", "duration": "PT12.5S"},
                "context": {
                    "registration": str(uuid.uuid5(uuid.NAMESPACE_URL, f"r{n % 20}")),
                    "platform": "bench",
                },
                "timestamp": "2026-12-01T10:00:00.000Z",
            }
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(log.read_text()[-3000:])
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


@contextmanager
def records_server(database_url: str, work: Path):
    port = free_port()
    env = {**os.environ, "RECORDS_DATABASE_URL": database_url, "LMS_ENV": "dev", "LMS_JWT_SECRET": SECRET,
           "LMS_LOG_LEVEL": "WARNING", "LMS_WEB_WORKERS": "2", "LMS_WEB_THREADS": "4"}  # fmt: skip
    log = work / "records.log"
    with log.open("w") as sink:
        command = [sys.executable, "-m", "lms.records", "web", "--bind", f"127.0.0.1:{port}"]
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process, log)
        yield f"http://127.0.0.1:{port}/xapi"
    finally:
        process.terminate()
        process.wait(30)


def ralph_python() -> Path:
    python = RALPH_VENV / "bin" / "python"
    if not (RALPH_VENV / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(RALPH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", RALPH, "requests"], check=True)
        (RALPH_VENV / ".installed").write_text(RALPH)
    return python


@contextmanager
def ralph_server(users: int, work: Path):
    python, home = ralph_python(), work / "ralph"
    home.mkdir()
    env = {**os.environ, "RALPH_APP_DIR": str(home), "RALPH_AUTH_FILE": str(home / "auth.json"),
           "RALPH_RUNSERVER_BACKEND": "fs",
           "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(home)}  # fmt: skip
    for n in range(users):
        (home / f"batch-{n}").mkdir()
        command = [str(python), "-m", "ralph", "auth", "-u", f"batch-{n}", "-p", PASSWORD, "-s", "all",
                   "-t", f"batch-{n}", "-M", f"mailto:batch-{n}@lms.example", "-w"]  # fmt: skip
        subprocess.run(command, env=env, check=True, capture_output=True)
    port, log = free_port(), work / "ralph.log"
    with log.open("w") as sink:
        process = subprocess.Popen([str(python), "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1",
                                    "--port", str(port), "--log-level", "warning"],
                                   env=env, stdout=sink, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/__lbheartbeat__", process, log)
        yield f"http://127.0.0.1:{port}/xAPI"
    finally:
        process.terminate()
        process.wait(30)


def measure(
    endpoint: str, batches: list[list[dict]], reads: list[tuple[int, str]], auth
) -> tuple[float, float]:
    """(statements written per second, statements read per second) against one LRS."""
    with httpx.Client(timeout=120) as client:
        started = time.perf_counter()
        for n, batch in enumerate(batches):
            answer = client.post(f"{endpoint}/statements", json=batch, headers=auth(n))
            if answer.status_code != 200:
                raise SystemExit(f"{endpoint}: {answer.status_code} {answer.text[:300]}")
        written = sum(map(len, batches)) / (time.perf_counter() - started)
        started = time.perf_counter()
        for n, statement_id in reads:
            answer = client.get(
                f"{endpoint}/statements", params={"statementId": statement_id}, headers=auth(n)
            )
            if answer.status_code != 200 or statement_id not in _ids(answer.json()):
                raise SystemExit(f"{endpoint}: {answer.status_code} {answer.text[:300]}")
        read = len(reads) / (time.perf_counter() - started)
    return written, read


def _ids(body: dict) -> list[str]:
    """The ids a read returned (Ralph answers a read by id with a StatementResult, not the statement)."""
    return [body["id"]] if "id" in body else [s["id"] for s in body.get("statements", [])]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--reads", type=int, default=300)
    args = parser.parse_args()
    sent = statements(args.statements)
    batches = [sent[i : i + args.batch] for i in range(0, len(sent), args.batch)]
    step = max(1, len(sent) // args.reads)
    reads = [(n // args.batch, sent[n]["id"]) for n in range(0, len(sent), step)][: args.reads]
    token = mint_token(JwtSettings(secret=SECRET), "apikey:bench", [], name="bench", extra={"scope": "xapi"})
    ours = {"Authorization": f"Bearer {token}", "X-Experience-API-Version": "1.0.3"}

    def ralph_auth(n: int) -> dict[str, str]:
        basic = base64.b64encode(f"batch-{n}:{PASSWORD}".encode()).decode()
        return {"Authorization": f"Basic {basic}", "X-Experience-API-Version": "1.0.3"}

    server = start_postgres(REPO)
    name = f"bench_lrs_{uuid.uuid4().hex[:8]}"
    url = server.create_database(name)
    try:
        upgrade(url, MIGRATIONS_DIR)
        with tempfile.TemporaryDirectory() as tmp, records_server(url, Path(tmp)) as endpoint:
            figures = {"records": measure(endpoint, batches, reads, lambda _n: ours)}
        with tempfile.TemporaryDirectory() as tmp, ralph_server(len(batches), Path(tmp)) as endpoint:
            figures["ralph"] = measure(endpoint, batches, reads, ralph_auth)
    finally:
        server.drop_database(name)
    (ours_w, ours_r), (ralph_w, ralph_r) = figures["records"], figures["ralph"]
    print(
        f"LRS bench: {len(sent)} statements in batches of {args.batch}, {len(reads)} reads by id; one httpx"
    )
    print(
        "  client, one request at a time; records: gunicorn 2x4 on PostgreSQL; Ralph 5.1: uvicorn, fs backend"
    )
    print(f"  written: records {ours_w:7.0f}/s   Ralph {ralph_w:7.0f}/s   ratio {ours_w / ralph_w:.2f}")
    print(f"  read:    records {ours_r:7.0f}/s   Ralph {ralph_r:7.0f}/s   ratio {ours_r / ralph_r:.2f}")


if __name__ == "__main__":
    main()
