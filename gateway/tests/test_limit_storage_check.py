"""Outside dev the gateway does not start with per-process rate-limit counters on more than one
worker: N workers would allow N times every limit, silently."""

from __future__ import annotations

import pytest

from lms.gateway.limits import refuse_per_worker_counts
from lms.kit.config import ConfigError, Settings


@pytest.mark.parametrize("storage", [None, "memory://", "memory:///"])
def test_prod_with_several_workers_counting_in_memory_is_refused(storage):
    environ = {} if storage is None else {"LMS_RATE_LIMIT_STORAGE": storage}
    with pytest.raises(ConfigError, match="LMS_RATE_LIMIT_STORAGE"):
        refuse_per_worker_counts(Settings(service="gateway", env="prod"), 2, environ)


@pytest.mark.parametrize(
    ("env", "workers", "storage"),
    [("prod", 1, "memory://"), ("prod", 4, "redis://127.0.0.1:6379/0"), ("dev", 4, "memory://")],
)
def test_one_worker_a_shared_store_or_dev_may_start(env, workers, storage):
    refuse_per_worker_counts(
        Settings(service="gateway", env=env), workers, {"LMS_RATE_LIMIT_STORAGE": storage}
    )
