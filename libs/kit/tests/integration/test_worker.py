"""The `worker` process kind: a service's relay and consumer as threads of one real process."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import audit, wait_for
from lms.testing.proc import Process

pytestmark = pytest.mark.integration
HERE = Path(__file__).parent


@pytest.fixture
def worker_env(source: Engine, kafka: KafkaServer, run_id: str, unique) -> dict[str, str]:
    prefix = unique(f"w{run_id}") + "."
    ensure_topics(kafka.bootstrap, [TopicSpec(f"{prefix}lms.ledger.events", 6)])
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        "LEDGER_DATABASE_URL": source.url.render_as_string(hide_password=False),
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap,
        "LMS_TOPIC_PREFIX": prefix,
        "LMS_ENV": "dev",
    }


def worker(env: dict[str, str], log: Path) -> Process:
    return Process("ledger_service", ["worker"], log, env)


def test_one_worker_relays_and_consumes_and_stops_cleanly_on_sigterm(source, worker_env, tmp_path):
    writer = ledger.Writer(source, f"{worker_env['LMS_TOPIC_PREFIX']}lms.ledger.events")
    with worker(worker_env, tmp_path / "worker.log") as process:
        writer.write(transactions=50, per_tx=10)
        assert wait_for(lambda: ledger.applied_count(source) >= 500, timeout_s=120), (
            tmp_path / "worker.log"
        ).read_text()[-3000:]
        started = time.monotonic()
        assert process.terminate() == 0
        assert time.monotonic() - started < 30
    result = audit(source)
    assert result.applied == 500
    assert result.exactly_once_in_order


def test_a_loop_that_dies_takes_the_worker_down_with_a_failure_code(source, worker_env, tmp_path):
    log = tmp_path / "worker.log"
    with worker({**worker_env, "LEDGER_BROKEN_LOOP": "1"}, log) as process:
        assert process.popen is not None
        assert process.popen.wait(timeout=90) == 1
    text = log.read_text()
    assert "broken died; stopping the worker" in text
    assert "the broken loop fails" in text
