"""The gateway's `/metrics` under gunicorn with two workers: every scrape shows both workers' counts."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import httpx
from prometheus_client.parser import text_string_to_metric_families

from lms.testing.gateway.helpers import bearer
from lms.testing.gateway.process import gateway_env, gateway_process

REQUESTS = 60


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text (0 when absent)."""
    for family in text_string_to_metric_families(text):
        for each in family.samples:
            if each.name == name and each.labels == labels:
                return each.value
    return 0.0


def test_every_scrape_of_a_two_worker_gateway_counts_both_workers(
    upstreams, migrated_db, signing_key, tmp_path, unique
):
    database = shutil.copy(migrated_db, tmp_path / "gateway.db")
    env = gateway_env(upstreams.urls, database, LMS_GATEWAY_SIGNING_KEY=str(signing_key))
    paths = [f"/api/v1/courses/{unique('course')}" for _ in range(REQUESTS)]
    with gateway_process(env, tmp_path / "gateway.log", workers=2) as url:

        def get(path: str) -> int:  # a connection of its own each time, so both workers answer
            return httpx.get(f"{url}{path}", headers=bearer(), timeout=60).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            assert list(pool.map(get, paths)) == [200] * REQUESTS
        for _ in range(20):
            text = httpx.get(f"{url}/metrics", headers=bearer("ops", "admin"), timeout=60).text
            assert sample(text, "lms_gateway_cache_lookups_total", result="miss") == REQUESTS
            forwarded = {"status": "200", "upstream": "curriculum"}
            assert sample(text, "lms_gateway_upstream_responses_total", **forwarded) == REQUESTS
