"""With `LMS_RATE_LIMIT_STORAGE=redis://…` every worker of every gateway spends one budget."""

from __future__ import annotations

import shutil
import uuid

import httpx

from lms.testing.gateway.helpers import bearer
from lms.testing.gateway.process import gateway_env, gateway_processes

BUDGET = 6


def test_two_gateways_of_two_workers_each_share_one_budget_through_redis(
    upstreams, signing_key, redis_url, migrated_db, tmp_path
):
    env = gateway_env(
        upstreams.urls,
        tmp_path / "gateway.db",
        LMS_GATEWAY_SIGNING_KEY=str(signing_key),
        LMS_RATE_LIMIT_STORAGE=redis_url,
        LMS_RATE_LIMIT_AUTHENTICATED=f"{BUDGET}/minute",
    )
    shutil.copy(migrated_db, tmp_path / "gateway.db")
    caller = bearer(f"shared-{uuid.uuid4().hex}")  # a fresh counter in a Redis that outlives runs
    logs = [tmp_path / "gateway-1.log", tmp_path / "gateway-2.log"]
    with gateway_processes(env, logs, workers=2) as gateways:
        statuses = []
        for n in range(4 * BUDGET):
            with httpx.Client() as client:  # a new connection each time: any worker may answer
                statuses.append(
                    client.get(f"{gateways[n % 2]}/api/v1/enrolments", headers=caller).status_code
                )
    assert statuses.count(200) == BUDGET, statuses
    assert statuses.count(429) == 3 * BUDGET
    for answers in (statuses[0::2], statuses[1::2]):
        assert set(answers) == {200, 429}, "each gateway refused once the budget was spent between them"
