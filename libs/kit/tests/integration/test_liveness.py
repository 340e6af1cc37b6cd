"""A lost group coordinator, against the real broker: it is restarted under two worker processes
(relay and consumer each) while a web-side observer watches their group. While the consumers
cannot make progress their probes and the observer turn red; each consumer logs why once per
bound and rejoins with a fresh client; after the restart both apply again within a bound and
every probe is green again, with the lag at zero."""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings
from lms.kit.grouplag import GroupProgress
from lms.kit.kafka import make_consumer
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.liveness import Stalled, consumer_lag, member_problem
from lms.testing import ledger
from lms.testing.infra import KafkaServer
from lms.testing.ledger import audit, wait_for
from lms.testing.proc import Process

pytestmark = [pytest.mark.integration, pytest.mark.fault]
HERE = Path(__file__).parent
JWT = JwtSettings(secret="liveness-test-secret-liveness-test-secret")
STALL_AFTER_S = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Worker:
    """A ledger worker process (relay and consumer) with its probes on a port of its own."""

    def __init__(self, env: dict[str, str], log: Path):
        self.port = free_port()
        self.log = log
        self.process = Process(
            "ledger_service", ["worker", "--probe", f"127.0.0.1:{self.port}"], log, env
        ).start()

    def ready(self) -> int:
        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/readyz", timeout=2).status_code
        except httpx.HTTPError:
            return 0

    def admin(self, path: str) -> httpx.Response:
        token = mint_token(JWT, "ops", ["admin"])
        return httpx.get(f"http://127.0.0.1:{self.port}{path}", headers={"Authorization": f"Bearer {token}"})

    def metric(self, name: str) -> float:
        found = re.search(rf"^{name}\{{[^}}]*\}} (\S+)$", self.admin("/metrics").text, re.MULTILINE)
        return float(found.group(1)) if found else 0.0


@pytest.fixture
def worker_env(source: Engine, kafka: KafkaServer, run_id: str, unique) -> dict[str, str]:
    prefix = unique(f"l{run_id}") + "."
    ensure_topics(kafka.bootstrap, [TopicSpec(f"{prefix}lms.ledger.events", 6)])
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        "LEDGER_DATABASE_URL": source.url.render_as_string(hide_password=False),
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap,
        "LMS_TOPIC_PREFIX": prefix,
        "LMS_ENV": "dev",
        "LMS_JWT_SECRET": JWT.secret or "",
        "LMS_CONSUMER_STALL_AFTER_S": str(STALL_AFTER_S),
    }


def test_a_lost_coordinator_turns_readiness_red_and_every_consumer_applies_again(
    source, worker_env, kafka: KafkaServer, tmp_path
):
    if not kafka.controllable:
        pytest.skip("the broker was not started by this test run, so it cannot be restarted")
    prefix = worker_env["LMS_TOPIC_PREFIX"]
    topic, group = f"{prefix}lms.ledger.events", f"{prefix}lms.ledger"
    writer = ledger.Writer(source, topic)
    observer = GroupProgress.of(kafka.bootstrap, group, [topic], stall_after_s=STALL_AFTER_S, cache_s=0.5)
    workers = [Worker(worker_env, tmp_path / f"worker-{n}.log") for n in (1, 2)]
    applied = "lms_inbox_events_applied_total"
    try:
        written = writer.write(transactions=20, per_tx=10)
        assert wait_for(lambda: ledger.applied_count(source) >= written, timeout_s=120), logs(workers)
        assert wait_for(lambda: all(w.ready() == 200 for w in workers), timeout_s=60), logs(workers)
        assert wait_for(lambda: not raises(observer.check), timeout_s=30)
        before = [w.metric(applied) for w in workers]

        kafka.stop()
        written += writer.write(transactions=10, per_tx=10)  # waits in the outbox meanwhile
        assert wait_for(lambda: all(w.ready() == 503 for w in workers), timeout_s=60), logs(workers)
        for worker in workers:
            consumer_check = worker.admin("/readyz").json()["checks"]["consumer"]
            assert f"consumer group {group}: no progress for" in consumer_check
        assert wait_for(lambda: raises(observer.check), timeout_s=STALL_AFTER_S + 30)
        with pytest.raises(Stalled, match=f"consumer group {group}: offsets unreadable"):
            observer.check()
        assert wait_for(lambda: all(rejoined(w, group) for w in workers), timeout_s=60), logs(workers)

        kafka.start()
        restarted = time.monotonic()

        def every_consumer_applied_again() -> bool:
            nonlocal written
            written += writer.write(transactions=2, per_tx=10)
            return all(w.metric(applied) > b for w, b in zip(workers, before, strict=True))

        assert wait_for(every_consumer_applied_again, timeout_s=180, interval_s=1), logs(workers)
        assert wait_for(lambda: ledger.applied_count(source) >= written, timeout_s=120), logs(workers)
        assert wait_for(lambda: all(w.ready() == 200 for w in workers), timeout_s=60), logs(workers)
        assert wait_for(lambda: not raises(observer.check), timeout_s=60)
        recovered_in = time.monotonic() - restarted
        for worker in workers:
            assert worker.metric("lms_inbox_lag") == 0
            assert worker.metric("lms_inbox_rejoins_total") >= 1
            assert time.time() - worker.metric("lms_inbox_last_poll_timestamp_seconds") < 30
        print(f"every consumer applied again {recovered_in:.1f} s after the broker restarted")
    finally:
        if not broker_up(kafka):
            kafka.start()  # the session's other tests need it
        for worker in workers:
            worker.process.terminate()
        observer.reader.close()

    result = audit(source)
    assert (result.applied, result.duplicates, result.out_of_order) == (written, [], [])


def test_the_client_state_liveness_reads_is_there_in_kafka_python(kafka: KafkaServer, unique):
    """`member_problem` and `consumer_lag` read kafka-python's internals: a member that joined
    and read to the end is a working member with no lag; a client that never joined is not."""
    topic = unique("liveness.state")
    ensure_topics(kafka.bootstrap, [TopicSpec(topic, 2)])
    never_joined = make_consumer(kafka.bootstrap, unique("g"), topic)
    member = make_consumer(kafka.bootstrap, unique("g"))
    try:
        # a member that joins before the new topic's partitions reach its metadata is assigned
        # nothing until kafka-python's next metadata refresh (five minutes): wait for them first
        assert wait_for(lambda: bool(member.partitions_for_topic(topic)), 60)
        member.subscribe([topic])
        assert member_problem(never_joined) in ("group coordinator unknown", "not joined to the group")
        assert consumer_lag(never_joined) == 0  # nothing assigned: nothing behind, yet not a member

        def joined_and_caught_up() -> bool:
            member.poll(timeout_ms=200)
            return member_problem(member) is None and bool(member.assignment()) and consumer_lag(member) == 0

        assert wait_for(joined_and_caught_up, 60)
    finally:
        never_joined.close(autocommit=False)
        member.close(autocommit=False)


def broker_up(kafka: KafkaServer) -> bool:
    host, _, port = kafka.bootstrap.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def rejoined(worker: Worker, group: str) -> bool:
    text = worker.log.read_text()
    return (
        f"consumer group {group}: no progress for" in text and "rejoining with a fresh Kafka client" in text
    )


def raises(check) -> bool:
    try:
        check()
    except Exception:
        return True
    return False


def logs(workers: list[Worker]) -> str:
    return "\n".join(w.log.read_text()[-2000:] for w in workers)
