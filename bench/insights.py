"""Insights: KPI rows ingested per second, and the latency of a team's impact report.

    python bench/insights.py [--teams 1000] [--months 24] [--batch-teams 40] [--reports 300] [--clients 2]

1,000 teams of ten with a completed course each, 24 months of the six built-in KPIs per team
(144,000 rows), posted as JSON arrays of 5,760 rows by two clients at once (an ops token) to a
real `python -m lms.insights web` (gunicorn); then `GET /teams/{id}/impact?course_id=` for
random teams, one at a time, by HR.
Aims: >= 5,000 rows/s ingested; impact report p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import PYTHON, REPO, free_port, table
from sqlalchemy import insert

from lms.insights.db import completions, teams
from lms.insights.definition import MIGRATIONS_DIR
from lms.insights.domain.kpis import BUILTIN_METRICS
from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.db import make_engine
from lms.kit.migrations import upgrade
from lms.testing.infra import start_postgres

AIM_ROWS_S, AIM_P95_MS = 5_000, 200
SECRET = "bench-insights-secret-0123456789abcdef"
COURSE = "bench-course"


def month(year_month: int) -> tuple[str, str]:
    year, m = 2024 + year_month // 12, year_month % 12 + 1
    start = date(year, m, 1)
    following = date(year + (m == 12), m % 12 + 1, 1)
    return start.isoformat(), date.fromordinal(following.toordinal() - 1).isoformat()


def seed(url: str, team_ids: list[str]) -> None:
    """Teams of ten (read models as the consumer builds them); most of each completed in month 12."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        members = {t: [f"{t}-m{i}" for i in range(10)] for t in team_ids}
        conn.execute(
            insert(teams),
            [
                {
                    "team_id": t,
                    "display_name": t,
                    "manager_learner_id": None,
                    "members": m,
                    "deleted": False,
                    "changed_at": now,
                }
                for t, m in members.items()
            ],
        )
        conn.execute(
            insert(completions),
            [
                {
                    "learner_id": learner,
                    "course_id": COURSE,
                    "completed_at": datetime(2025, 1, 5 + i, tzinfo=UTC),
                }
                for m in members.values()
                for i, learner in enumerate(m[:7])
            ],
        )
    engine.dispose()


def rows_for(team_ids: list[str], months: int) -> list[dict]:
    rows = []
    for team in team_ids:
        for ym in range(months):
            start, end = month(ym)
            for metric in BUILTIN_METRICS:
                value = random.uniform(0.5, 0.9) if metric != "aht_seconds" else random.uniform(200, 400)
                rows.append(
                    {
                        "team_id": team,
                        "metric": metric,
                        "period_start": start,
                        "period_end": end,
                        "value": round(value, 4),
                    }
                )
    return rows


def call(url: str, token: str, body: bytes | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (a local server)
    with urllib.request.urlopen(request, timeout=120) as reply:  # noqa: S310
        return json.loads(reply.read())


@contextmanager
def web(port: int, env: dict[str, str], log: Path) -> Iterator[None]:
    """The insights web process (gunicorn), waited for generously: a busy machine starts it slowly."""
    command = [PYTHON, "-m", "lms.insights", "web", "--bind", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while not healthy(f"http://127.0.0.1:{port}/healthz"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the insights web process did not start (see {log})")
            time.sleep(0.5)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (a local server)
            return True
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=1000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--batch-teams", type=int, default=40)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--clients", type=int, default=2, help="concurrent posts (one per web worker)")
    args = parser.parse_args()
    postgres = start_postgres(REPO)
    url = postgres.create_database(f"bench_insights_{uuid.uuid4().hex[:8]}")
    upgrade(url, MIGRATIONS_DIR)
    team_ids = [f"team-{i:05d}" for i in range(args.teams)]
    seed(url, team_ids)
    port = free_port()
    env = {
        "INSIGHTS_DATABASE_URL": url,
        "LMS_JWT_SECRET": SECRET,
        "LMS_ENV": "dev",
        "LMS_LOG_LEVEL": "WARNING",
    }
    token = mint_token(JwtSettings(secret=SECRET), "bench-ops", ["ops"], ttl_s=3600)
    reader = mint_token(JwtSettings(secret=SECRET), "bench-hr", ["hr"], ttl_s=3600)
    base = f"http://127.0.0.1:{port}"
    log = REPO / ".run" / "bench-insights-web.log"
    with web(port, env, log):
        ingested, seconds = ingest(base, token, team_ids, args)
        latencies = reports(base, reader, team_ids, args.reports)
    postgres.drop_database(url.rsplit("/", 1)[-1])
    p95 = statistics.quantiles(latencies, n=20)[18]
    print(
        table(
            [
                ("measure", "value", "aim"),
                ("KPI rows ingested", f"{ingested:,}", ""),
                ("rows/s", f"{ingested / seconds:,.0f}", f">= {AIM_ROWS_S:,}"),
                ("impact report p50 ms", f"{statistics.median(latencies):.1f}", ""),
                ("impact report p95 ms", f"{p95:.1f}", f"< {AIM_P95_MS}"),
            ]
        )
    )


def ingest(base: str, token: str, team_ids: list[str], args: argparse.Namespace) -> tuple[int, float]:
    batches = [
        rows_for(team_ids[i : i + args.batch_teams], args.months)
        for i in range(0, len(team_ids), args.batch_teams)
    ]
    bodies = [json.dumps(b).encode() for b in batches]
    started = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        replies = list(pool.map(lambda body: call(f"{base}/api/v1/kpis", token, body), bodies))
    return sum(r["inserted"] for r in replies), time.perf_counter() - started


def reports(base: str, token: str, team_ids: list[str], count: int) -> list[float]:
    latencies = []
    for team in random.sample(team_ids, min(count, len(team_ids))):
        started = time.perf_counter()
        found = call(f"{base}/api/v1/teams/{team}/impact?course_id={COURSE}", token)
        latencies.append((time.perf_counter() - started) * 1000)
        assert len(found["metrics"]) == len(BUILTIN_METRICS), found
    return latencies


if __name__ == "__main__":
    main()
