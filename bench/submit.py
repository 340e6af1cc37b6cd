"""Graded submissions per second: the assessment service on PostgreSQL, outbox write included.

    python bench/submit.py [--count 2000] [--workers 3]

Starts the tests' private PostgreSQL (infra/postgres/pg.sh through lms.testing.infra), creates
a fresh database, migrates it and publishes a 10-item quiz (single and multiple choice,
true/false, a two-step branching scenario, a reflection, a likert self-check; shuffled, timed).
Worker processes then drive their own app through the Flask test client (in process, no HTTP
server), with Idempotency-Keys, as learners would:

- start + submit: each graded submission starts an attempt and submits it (two requests, two
  transactions: the attempt and its key; then the grade, its key and the outbox row);
- submit only: attempts are started beforehand (not timed), then only the submits are timed.

Prints both rates and their ratio to the aim (300 graded submissions/s on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select

from lms.assessment.app import create_app
from lms.assessment.definition import MIGRATIONS_DIR
from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.messaging import outbox
from lms.kit.migrations import upgrade
from lms.testing.infra import start_postgres

REPO = Path(__file__).resolve().parents[1]
SECRET = "bench-secret-bench-secret-bench-secret"
JWT = JwtSettings(secret=SECRET)
AIM = 300.0
GRADED = "lms.assessment.attempt.graded.v1"


def choice(n: int) -> dict[str, Any]:
    options = [{"id": o, "text": f"Option {o}", "correct": o == "a", "feedback": f"On {o}."} for o in "abcd"]
    return {"id": f"q{n}", "kind": "single_choice", "prompt": f"Question {n}?", "competency": "listening",
            "options": options}  # fmt: skip


SCENARIO = {
    "id": "q8", "kind": "scenario", "prompt": "Offline for three days and furious.",
    "competency": "de-escalation", "start": "s1",
    "steps": [
        {"id": "s1", "text": "Customer: Three days!", "options": [
            {"id": "o1", "text": "Name the impact", "score": 2, "feedback": "Good.", "next": "s2"},
            {"id": "o2", "text": "Read the script", "score": 0, "feedback": "Cold.", "next": None}]},
        {"id": "s2", "text": "Customer: So what now?", "options": [
            {"id": "o1", "text": "Book the engineer", "score": 2, "feedback": "Good.", "next": None},
            {"id": "o2", "text": "Transfer", "score": 0, "feedback": "No.", "next": None}]},
    ],
}  # fmt: skip


def quiz() -> dict[str, Any]:
    items = [choice(n) for n in range(1, 5)] + [
        {"id": "q5", "kind": "multiple_choice", "prompt": "Which?", "points": 2, "competency": "listening",
         "options": [{"id": o, "text": o, "correct": o in "ab", "feedback": f"On {o}."} for o in "abcd"]},
        {"id": "q6", "kind": "true_false", "prompt": "True?", "competency": "boundaries", "correct": False,
         "feedback": {"true": "Not so.", "false": "Right."}},
        {"id": "q7", "kind": "true_false", "prompt": "True?", "competency": "boundaries", "correct": True,
         "feedback": {"true": "Yes.", "false": "No."}},
        SCENARIO,
        {"id": "q9", "kind": "free_text", "prompt": "What would you do differently?", "graded": False},
        {"id": "q10", "kind": "likert", "prompt": "I stay calm.", "scale": 5, "competency": "boundaries"},
    ]  # fmt: skip
    return {"slug": f"bench-{uuid.uuid4().hex[:8]}", "title": "Bench quiz", "kind": "quiz", "pass_mark": 0.6,
            "max_attempts": None, "time_limit_s": 900, "shuffle": True, "items": items}  # fmt: skip


RESPONSES = [
    *({"item_id": f"q{n}", "option_ids": ["a"]} for n in range(1, 5)),
    {"item_id": "q5", "option_ids": ["a", "c"]},
    {"item_id": "q6", "value": False},
    {"item_id": "q7", "value": True},
    {"item_id": "q8", "option_ids": ["o1", "o1"]},
    {"item_id": "q9", "text": "I would ask what the outage cost them before fixing anything."},
    {"item_id": "q10", "value": 4},
]
BODY = json.dumps({"responses": RESPONSES})


def settings(url: str) -> Settings:
    return Settings(service="assessment", database_url=url, jwt=JWT)


def prepare(url: str) -> str:
    upgrade(url, MIGRATIONS_DIR)
    client = create_app(settings(url)).test_client()
    author = {"Authorization": "Bearer " + mint_token(JWT, "bench-author", ["author"])}
    assessment_id = client.post("/api/v1/assessments", json=quiz(), headers=author).get_json()["id"]
    published = client.post(f"/api/v1/assessments/{assessment_id}/publish", headers=author)
    assert published.status_code == 201, published.get_json()
    return assessment_id


def start(client: Any, assessment_id: str, token: dict[str, str]) -> str:
    key = {"Idempotency-Key": uuid.uuid4().hex}
    started = client.post(f"/api/v1/assessments/{assessment_id}/attempts", headers={**token, **key})
    assert started.status_code == 201, started.get_json()
    return started.get_json()["attempt_id"]


def submit(client: Any, attempt_id: str, token: dict[str, str]) -> None:
    key = {"Idempotency-Key": uuid.uuid4().hex}
    graded = client.post(
        f"/api/v1/attempts/{attempt_id}/submit",
        data=BODY,
        content_type="application/json",
        headers={**token, **key},
    )
    assert graded.status_code == 200, graded.get_json()


def worker(url: str, assessment_id: str, count: int, mode: str, ready: Any, go: Any, results: Any) -> None:
    client = create_app(settings(url)).test_client(use_cookies=False)
    tokens = [{"Authorization": "Bearer " + mint_token(JWT, f"learner-{uuid.uuid4().hex}", ["learner"])}
              for _ in range(50)]  # fmt: skip
    submit(client, start(client, assessment_id, tokens[0]), tokens[0])  # warm up: pool, caches
    started = [start(client, assessment_id, tokens[n % 50]) for n in range(count)] if mode == "submit" else []
    ready.release()
    go.wait()
    began, cpu = time.perf_counter(), time.process_time()
    for n in range(count):
        token = tokens[n % 50]
        submit(client, started[n] if started else start(client, assessment_id, token), token)
    results.put((time.perf_counter() - began, time.process_time() - cpu))


def run(url: str, assessment_id: str, count: int, workers: int, mode: str) -> tuple[float, float, float]:
    """Graded submissions/s of `workers` processes doing `count`, and the CPU ms each took (app, db)."""
    ctx = mp.get_context("fork")
    ready, go, results = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    share = count // workers
    args = (url, assessment_id, share, mode, ready, go, results)
    procs = [ctx.Process(target=worker, args=args) for _ in range(workers)]
    for proc in procs:
        proc.start()
    for _ in procs:
        ready.acquire()
    database = url.rsplit("/", 1)[1]
    db_cpu = backend_cpu(database)
    go.set()
    timings = [results.get() for _ in procs]
    db_cpu = sum(cpu - db_cpu.get(pid, 0.0) for pid, cpu in backend_cpu(database).items())
    for proc in procs:
        proc.join()
    assert all(proc.exitcode == 0 for proc in procs), "a worker failed"
    done = share * workers
    app_cpu = sum(cpu for _, cpu in timings)
    return done / max(elapsed for elapsed, _ in timings), app_cpu / done * 1000, db_cpu / done * 1000


def backend_cpu(database: str) -> dict[str, float]:
    """CPU seconds used so far by each PostgreSQL backend serving `database` (Linux /proc)."""
    found = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and f" {database} ".encode() in (proc / "cmdline").read_bytes() + b" ":
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                found[proc.name] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return found


def graded_rows(url: str) -> int:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        found = conn.scalar(select(func.count()).where(outbox.c.event_type == GRADED)) or 0
    engine.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000, help="graded submissions per measurement")
    parser.add_argument("--workers", type=int, default=3, help="worker processes (default 3 on 2 cores)")
    args = parser.parse_args()
    server = start_postgres(REPO)
    name = f"bench_submit_{uuid.uuid4().hex[:8]}"
    url = server.create_database(name)
    try:
        assessment_id = prepare(url)
        figures = {
            mode: run(url, assessment_id, args.count, args.workers, mode) for mode in ("cycle", "submit")
        }
        rows = graded_rows(url)
    finally:
        server.drop_database(name)
    print(f"assessment submit: a 10-item quiz with a scenario, {args.count} graded submissions per figure,")
    print(f"  Flask test client in {args.workers} worker processes, PostgreSQL; outbox rows (graded): {rows}")
    for mode, label in (("cycle", "start + submit"), ("submit", "submit only")):
        rate, app_ms, db_ms = figures[mode]
        ideal = 2000 / (app_ms + db_ms)  # both cores busy with nothing else
        print(f"  {label:14s}: {rate:4.0f} graded submissions/s (ratio to {AIM:.0f}/s: {rate / AIM:.2f});"
              f" CPU per submission {app_ms:.2f} ms app + {db_ms:.2f} ms PostgreSQL"
              f" = {ideal:.0f}/s on 2 idle cores ({ideal / AIM:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
