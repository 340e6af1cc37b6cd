"""SCIM provisioning throughput, straight at the people web process or through the gateway.

    python bench/scim.py [--users 5000] [--teams 200] [--workers 16] [--url http://127.0.0.1:8104]
    python bench/scim.py --start-suite [...]      start `make run` first (as `make bench` does)
    python bench/scim.py --gateway http://127.0.0.1:8000 [--api-key lms_...]

Creates N users (each with a manager after the first 50, as an HR system sends them), then T
teams whose members are added by PATCH in batches, as Entra ID does. Prints users/s, teams/s and
the latency of each kind of request (p50, p99). Aim: at least 200 users/s.
Straight at people, the bearer is a dev token with the `scim` role (dev secret, LMS_RUN_DIR).
With `--start-suite`, infra/run.sh runs under .run/bench-scim for the bench and stops after it.
Through the gateway, the bearer is an API key with the `scim` scope (`--api-key`, or one an admin
dev token creates), and the bench then polls `GET /api/v1/teams` as HR until progress counts every
membership: it prints the time from the last SCIM request until then (aim: within 10 s).
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

from lms.kit.auth import mint_token
from lms.kit.config import load_jwt_settings

sys.path.insert(0, str(Path(__file__).parent))
from suite import start as start_suite
from suite import stop as stop_suite

REPO = Path(__file__).resolve().parents[1]
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
MEMBERS_PER_PATCH = 50


class Bench:
    def __init__(self, url: str, token: str, workers: int):
        self.local = threading.local()
        self.url, self.token, self.workers = url, token, workers
        self.latencies: dict[str, list[float]] = {"create user": [], "create team": [], "add members": []}

    def client(self) -> httpx.Client:
        if not hasattr(self.local, "client"):
            headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/scim+json"}
            self.local.client = httpx.Client(base_url=f"{self.url}/scim/v2", headers=headers, timeout=60)
        return self.local.client

    def send(self, kind: str, method: str, path: str, body: dict) -> dict:
        started = time.perf_counter()
        response = self.client().request(method, path, json=body)
        self.latencies[kind].append(time.perf_counter() - started)
        if response.status_code not in (200, 201):
            raise SystemExit(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json()

    def in_parallel(self, work: list) -> list:
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(lambda job: job(), work))


def user_body(run: str, n: int, manager_id: str | None) -> dict:
    enterprise = {"employeeNumber": str(n), "department": f"dept-{n % 20}"}
    if manager_id:
        enterprise["manager"] = {"value": manager_id}
    return {
        "schemas": [USER, ENTERPRISE],
        "userName": f"bench-{run}-{n}@example.org",
        "externalId": f"hr-{run}-{n}",
        "name": {"givenName": f"Given{n}", "familyName": "Bench"},
        "emails": [{"value": f"bench-{run}-{n}@example.org", "type": "work", "primary": True}],
        "active": True,
        ENTERPRISE: enterprise,
    }


def provision_users(bench: Bench, run: str, count: int) -> list[str]:
    heads = [bench.send("create user", "POST", "/Users", user_body(run, n, None))["id"] for n in range(50)]
    rest = [
        lambda n=n: bench.send("create user", "POST", "/Users", user_body(run, n, heads[n % 50]))["id"]
        for n in range(50, count)
    ]
    return heads + bench.in_parallel(rest)


def provision_team(bench: Bench, run: str, n: int, members: list[str]) -> None:
    team = bench.send(
        "create team", "POST", "/Groups", {"schemas": [GROUP], "displayName": f"team-{run}-{n}"}
    )
    for start in range(0, len(members), MEMBERS_PER_PATCH):
        batch = [{"value": m} for m in members[start : start + MEMBERS_PER_PATCH]]
        operation = {"op": "add", "path": "members", "value": batch}
        bench.send(
            "add members", "PATCH", f"/Groups/{team['id']}", {"schemas": [PATCH], "Operations": [operation]}
        )


def scim_key(gateway: str, admin_token: str) -> str:
    """A fresh API key with the `scim` scope, created by an admin as an IdP's operator would."""
    body = {"name": f"bench-idp-{uuid.uuid4().hex[:6]}", "roles": ["hr"], "scopes": ["scim"]}
    headers = {"Authorization": f"Bearer {admin_token}"}
    response = httpx.post(f"{gateway}/api/v1/api-keys", json=body, headers=headers, timeout=30)
    if response.status_code != 201:
        raise SystemExit(f"POST /api-keys: {response.status_code} {response.text[:300]}")
    return response.json()["key"]


def applied_memberships(gateway: str, hr_token: str, run: str) -> int:
    """How many of this run's memberships progress counts in its teams (HR's `GET /teams`)."""
    headers = {"Authorization": f"Bearer {hr_token}"}
    response = httpx.get(f"{gateway}/api/v1/teams", headers=headers, timeout=30)
    response.raise_for_status()
    return sum(
        t["member_count"] for t in response.json()["items"] if t["display_name"].startswith(f"team-{run}-")
    )


def wait_until_applied(gateway: str, hr_token: str, run: str, expected: int, timeout_s: float = 300) -> float:
    """Seconds until progress has applied `expected` memberships of this run (polls every 100 ms)."""
    started = time.perf_counter()
    while applied_memberships(gateway, hr_token, run) < expected:
        if time.perf_counter() - started > timeout_s:
            raise SystemExit(f"progress did not apply {expected} memberships within {timeout_s:.0f} s")
        time.sleep(0.1)
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values or [0.0])[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--url", default=os.environ.get("LMS_PEOPLE_URL", "http://127.0.0.1:8104"))
    parser.add_argument("--gateway", help="the gateway's URL: go through it with an API key")
    parser.add_argument(
        "--api-key", default=os.environ.get("LMS_SCIM_API_KEY"), help="a key with the scim scope"
    )
    parser.add_argument("--start-suite", action="store_true", help="start `make run` (infra/run.sh) first")
    args = parser.parse_args()
    if args.start_suite:
        run_dir = REPO / ".run/bench-scim"
        suite = start_suite(run_dir, run_dir / "suite.log")
        os.environ["LMS_RUN_DIR"] = str(run_dir)  # the suite's JWT secret
        try:
            scim_bench(args)
        finally:
            stop_suite(suite)
    else:
        scim_bench(args)


def scim_bench(args: argparse.Namespace) -> None:
    jwt = load_jwt_settings(os.environ, Path(os.environ.get("LMS_RUN_DIR", REPO / ".run")).resolve())
    if args.gateway:
        key = args.api_key or scim_key(args.gateway, mint_token(jwt, "bench-admin", ["admin"]))
        bench = Bench(args.gateway, key, args.workers)
    else:
        bench = Bench(args.url, mint_token(jwt, "bench-idp", ["scim"]), args.workers)
    run = uuid.uuid4().hex[:6]

    started = time.perf_counter()
    user_ids = provision_users(bench, run, args.users)
    users_s = time.perf_counter() - started
    started = time.perf_counter()
    teams = [user_ids[n :: args.teams] for n in range(args.teams)]
    bench.in_parallel([lambda n=n, m=m: provision_team(bench, run, n, m) for n, m in enumerate(teams)])
    teams_s = time.perf_counter() - started
    if args.gateway:
        hr_token = mint_token(jwt, "bench-hr", ["hr"])
        applied_s = wait_until_applied(args.gateway, hr_token, run, len(user_ids))

    print(f"users: {args.users} in {users_s:.1f} s = {args.users / users_s:.0f} users/s")
    memberships = f"{len(user_ids)} memberships"
    print(f"teams: {args.teams} ({memberships}) in {teams_s:.1f} s = {args.teams / teams_s:.0f} teams/s")
    if args.gateway:
        print(f"progress applied every membership {applied_s:.1f} s after the last request")
    for kind, values in bench.latencies.items():
        if values:
            p50, p99 = percentile(values, 50) * 1000, percentile(values, 99) * 1000
            print(f"{kind:>12}: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    sys.exit(0)


if __name__ == "__main__":
    main()
