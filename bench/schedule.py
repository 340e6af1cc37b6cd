"""Compliance schedule: reminder evaluation over 100,000 cycles on PostgreSQL.

    python bench/schedule.py [--cycles 100000] [--days 30]

Seeds N open cycles of one assignment with their planned notices (two reminders, overdue,
escalation: 4 per cycle, due dates spread over a year), then runs the real Scheduler day by
day on a simulated clock for `--days` days: each daily tick decides every cycle's notices due
that day and settles them (event in the outbox in the same transaction). Prints cycles
evaluated/s (cycles x days / time), notices settled/s, the scheduler's RSS, and a same-run
baseline: a bare SELECT of the same cycle rows. Aim: >= 20,000 cycles evaluated/s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO

from lms.kit.db import make_engine, make_session_factory
from lms.kit.migrations import packaged, upgrade
from lms.kit.outbox import Outbox
from lms.progress.app import HOOKS
from lms.progress.context import Context
from lms.progress.db import cycles, notices
from lms.progress.processes.scheduler import Scheduler
from lms.testing.infra import start_postgres

AIM = 20_000
START = datetime(2030, 1, 1, 12, tzinfo=UTC)
SEED = """
INSERT INTO courses (course_id, latest_version, title) VALUES ('bench-course', 1, 'Bench');
INSERT INTO assignments (id, course_id, created_by, created_at, status, remind_before_days,
                         escalate_after_days)
     VALUES ('bench-assignment', 'bench-course', 'hr', :start, 'active', '[14, 3]', 7);
INSERT INTO assigned_learners (assignment_id, learner_id, assigned_at, status)
     SELECT 'bench-assignment', 'learner-' || g, :start, 'open' FROM generate_series(1, :n) g;
INSERT INTO cycles (id, assignment_id, learner_id, cycle, course_id, opened_at, due_at, status)
     SELECT 'cycle-' || g, 'bench-assignment', 'learner-' || g, 1, 'bench-course', :start,
            :start + ((g % 365) + 1) * interval '1 day', 'open' FROM generate_series(1, :n) g;
INSERT INTO notices (cycle_id, kind, offset_days, fire_at, state)
     SELECT c.id, k.kind, k.off, c.due_at + k.sign * k.off * interval '1 day', 'pending'
       FROM cycles c, (VALUES ('due_soon', 14, -1), ('due_soon', 3, -1), ('overdue', 0, 1),
                              ('escalated', 7, 1)) AS k(kind, off, sign);
ANALYZE;
"""


def seed(url: str, n: int) -> None:
    upgrade(url, packaged("lms.progress"))
    with make_engine(url).begin() as conn:
        for statement in filter(str.strip, SEED.split(";")):
            conn.execute(text(statement), {"start": START, "n": n})


def baseline(sessions) -> float:
    began = time.perf_counter()
    with sessions() as session:
        rows = session.execute(select(cycles.c.id, cycles.c.due_at, cycles.c.status)).all()
    return len(rows) / (time.perf_counter() - began)


def run(url: str, n: int, days: int) -> None:
    sessions = make_session_factory(make_engine(url))
    clock = {"now": START}
    outbox = Outbox(source="/progress", topic="bench")
    ctx = Context(sessions=sessions, outbox=outbox, hooks=HOOKS, clock=lambda: clock["now"])
    scheduler, settled = Scheduler(ctx), 0
    began = time.perf_counter()
    for day in range(days):
        clock["now"] = START + timedelta(days=day)
        settled += scheduler.tick()
    elapsed = time.perf_counter() - began
    with sessions() as session:
        sent = session.scalar(select(func.count()).select_from(notices).where(notices.c.state == "sent"))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = n * days / elapsed
    print(f"cycles: {n:,}  simulated days: {days}  notices settled: {settled:,} (sent {sent:,})")
    print(f"cycles evaluated/s: {rate:,.0f} (aim >= {AIM:,})  notices settled/s: {settled / elapsed:,.0f}")
    print(f"baseline, bare SELECT of the same cycle rows: {baseline(sessions):,.0f} rows/s")
    print(f"scheduler RSS (max): {rss_mb:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    server = start_postgres(REPO)
    name = f"bench_schedule_{uuid.uuid4().hex[:8]}"
    url = server.create_database(name)
    try:
        seed(url, args.cycles)
        run(url, args.cycles, args.days)
    finally:
        server.drop_database(name)
        server.close()


if __name__ == "__main__":
    main()
