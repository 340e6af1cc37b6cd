"""Learner journeys through the gateway of a running suite (`make run`).

    python bench/journey.py [--learners 20] [--url http://127.0.0.1:8080]
    python bench/journey.py --start-suite [--learners 200]    start `make run` for the journey

N learners at once each enrol on "Questioning skills", complete its 15 lessons and pass its
5 quizzes (one failed attempt first). An HR poller follows the completion feed. Prints
completions per second and the latency from the submit that completes the course to the
completion appearing in the HR feed (p50, p99). Aim: p99 under 1 s with 20 learners.

With `--start-suite` (infra/run.sh under .run/bench-journey) or `--suite-pid PID` (run.sh's or
honcho's pid of a running suite), it then prints the memory of every process of the suite at
the end (PSS and RSS; aim: the whole suite, Kafka included, at most 2.5 GiB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO, table
from suite import MIB, footprints, report, total_pss
from suite import start as start_suite
from suite import stop as stop_suite

from lms.kit.auth import mint_token
from lms.kit.config import load_jwt_settings
from lms.tools.journeys import Learner, course_by_slug, definitions, responses

COURSE = "questioning-skills"
AIM_SUITE_MIB = 2.5 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--url", default=os.environ.get("LMS_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--start-suite", action="store_true", help="start `make run` (infra/run.sh) first")
    parser.add_argument("--suite-pid", type=int, help="run.sh's or honcho's pid: measure that suite")
    args = parser.parse_args()
    run_dir = REPO / ".run/bench-journey"
    suite = start_suite(run_dir, run_dir / "suite.log") if args.start_suite else None
    if suite is not None:
        os.environ["LMS_RUN_DIR"] = str(run_dir)  # the suite's JWT secret
    try:
        journey_bench(args)
        root = suite.pid if suite is not None else args.suite_pid
        if root is not None:
            print_memory(
                root, run_dir if suite is not None else Path(os.environ.get("LMS_RUN_DIR", REPO / ".run"))
            )
    finally:
        if suite is not None:
            stop_suite(suite)


def print_memory(root: int, run_dir: Path) -> None:
    found = footprints(root, run_dir)
    total = total_pss(found) / MIB
    verdict = "met" if total <= AIM_SUITE_MIB else "MISSED"
    print("\nmemory of the suite at the end (PSS: shared pages split between their processes)\n")
    print(report(found))
    print(f"\nsuite total {total:,.0f} MiB PSS; aim <= {AIM_SUITE_MIB:,.0f} MiB: {verdict}")


def journey_bench(args: argparse.Namespace) -> None:
    jwt = load_jwt_settings(os.environ, Path(os.environ.get("LMS_RUN_DIR", REPO / ".run")).resolve())

    answered: list[float] = []  # each learner request's time to the response's headers

    def sent(request: httpx.Request) -> None:
        request.extensions["sent_at"] = time.perf_counter()

    def received(response: httpx.Response) -> None:
        answered.append(time.perf_counter() - response.request.extensions["sent_at"])

    def client(sub: str, role: str, timed: bool = False) -> httpx.Client:
        return httpx.Client(
            base_url=f"{args.url}/api/v1",
            timeout=60,
            headers={"Authorization": f"Bearer {mint_token(jwt, sub, [role])}"},
            event_hooks={"request": [sent], "response": [received]} if timed else None,
        )

    quizzes = definitions(REPO / "courses" / COURSE)
    with client("bench-hr", "hr") as hr:
        course = course_by_slug(hr, COURSE)
        cursor = hr.get("/completions", params={"limit": 1}).json()["next_cursor"]
        seen: dict[str, float] = {}
        passed_at: dict[str, float] = {}
        stop = threading.Event()

        def follow_feed() -> None:
            nonlocal cursor
            with client("bench-hr-poller", "hr") as poller:
                while not stop.is_set():
                    page = poller.get("/completions", params={"since": cursor, "limit": 500}).json()
                    now = time.perf_counter()
                    for item in page["items"]:
                        seen.setdefault(item["enrolment_id"], now)
                    cursor = page["next_cursor"]
                    stop.wait(0.02)

        def journey(n: int) -> None:
            with client(f"bench-learner-{uuid.uuid4().hex[:8]}-{n}", "learner", timed=True) as http:
                learner = Learner(http)
                enrolment = learner.enrol(course["id"])
                for module in course["modules"]:
                    for lesson in module["lessons"]:
                        learner.complete(enrolment["id"], lesson["id"])
                for module in course["modules"]:
                    quiz = quizzes[module["assessment_slug"]]
                    learner.take(module["assessment_id"], responses(quiz, best=False))
                    learner.take(module["assessment_id"], responses(quiz, best=True))
                passed_at[enrolment["id"]] = time.perf_counter()  # the submit that completes the course

        poller = threading.Thread(target=follow_feed, daemon=True)
        poller.start()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.learners) as pool:
            list(pool.map(journey, range(args.learners)))
        journeys_s = time.perf_counter() - started
        deadline = time.monotonic() + 60
        while not set(passed_at) <= set(seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        elapsed = max(seen.values()) - started
        stop.set()
    latencies = sorted(seen[e] - passed_at[e] for e in passed_at if e in seen)
    missing = len(passed_at) - len(latencies)
    p50, p99 = statistics.median(latencies), _at(latencies, 0.99)
    answered.sort()
    print(
        f"journey benchmark: {args.learners} learners at once through {args.url}, each 15 lessons + "
        f"10 quiz attempts; {missing} completion(s) never seen in the feed\n"
    )
    print(
        table(
            [
                ("measure", "value", "aim"),
                ("completions per second", f"{len(latencies) / elapsed:.2f}", ""),
                ("learner requests per second", f"{len(answered) / journeys_s:.1f}", ""),
                ("learner request, p50", f"{_at(answered, 0.5) * 1000:.0f} ms", ""),
                ("learner request, p99", f"{_at(answered, 0.99) * 1000:.0f} ms", ""),
                ("passing submit -> HR feed, p50", f"{p50 * 1000:.0f} ms", ""),
                (
                    "passing submit -> HR feed, p99",
                    f"{p99 * 1000:.0f} ms",
                    "< 1000 ms: " + ("met" if p99 < 1 else "MISSED"),
                ),
            ]
        )
    )


def _at(ordered: list[float], quantile: float) -> float:
    return ordered[min(len(ordered) - 1, round(quantile * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
