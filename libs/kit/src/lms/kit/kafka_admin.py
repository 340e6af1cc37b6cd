"""Broker readiness, topic creation and the cluster's health (used by infra/kafka/kafka.sh, tests
and services). Topics get the cluster's default replication factor unless told otherwise: one
replica on the single broker, three on the local cluster."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int = 6
    configs: dict[str, str] = field(default_factory=dict)


def parse_topics_file(path: Path, prefix: str = "") -> list[TopicSpec]:
    """Lines of `name partitions key=value...`; `#` starts a comment."""
    specs = []
    for line in path.read_text().splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        configs = dict(word.split("=", 1) for word in words[2:])
        specs.append(TopicSpec(prefix + words[0], int(words[1]) if len(words) > 1 else 6, configs))
    return specs


BROKER_DEFAULT = -1  # CreateTopics: the replication factor the brokers are configured with


def wait_until(
    bootstrap: str, condition: Callable[[KafkaAdminClient], bool], timeout_s: float, what: str
) -> None:
    """Block until `condition(admin)` holds; raise TimeoutError naming `what` otherwise."""
    deadline = time.monotonic() + timeout_s
    last: object = "not yet"
    while time.monotonic() < deadline:
        try:
            admin = KafkaAdminClient(bootstrap_servers=bootstrap.split(","), request_timeout_ms=5_000)
            try:
                if condition(admin):
                    return
            finally:
                admin.close()
        except (KafkaError, OSError, ValueError) as exc:
            last = exc
        time.sleep(0.5)
    raise TimeoutError(f"Kafka at {bootstrap}: {what} not within {timeout_s:.0f} s ({last})")


def wait_ready(bootstrap: str, timeout_s: float = 90, brokers: int = 1) -> None:
    """Block until the cluster serves metadata with `brokers` live brokers (registered and not
    fenced: a node still starting is listed, fenced); raise TimeoutError otherwise."""

    def registered(admin: KafkaAdminClient) -> bool:
        live = [b for b in admin.describe_cluster()["brokers"] if not b.get("is_fenced")]
        return len(live) >= brokers

    wait_until(bootstrap, registered, timeout_s, f"{brokers} broker(s) serving metadata")


def active_controller(bootstrap: str, timeout_s: float = 60) -> int:
    """The node id of the KRaft quorum's leader (the active controller). Asked again while the
    node the client picks does not answer (one just killed or still starting)."""
    found: list[int] = []

    def leader(admin: KafkaAdminClient) -> bool:
        found.append(admin.describe_metadata_quorum()["topics"][0]["partitions"][0]["leader_id"])
        return True

    wait_until(bootstrap, leader, timeout_s, "the metadata quorum's leader")
    return found[-1]


def fully_replicated(admin: KafkaAdminClient, topics: list[str]) -> bool:
    """Every partition of `topics` has a leader and all its replicas in sync."""
    return all(
        p["leader_id"] >= 0 and set(p["isr_nodes"]) == set(p["replica_nodes"])
        for topic in admin.describe_topics(topics)
        for p in topic["partitions"]
    )


def ensure_topics(
    bootstrap: str, specs: list[TopicSpec], replication_factor: int = BROKER_DEFAULT
) -> list[str]:
    """Create the topics that do not exist yet; return the names created."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap.split(","), request_timeout_ms=15_000)
    try:
        existing = set(admin.list_topics())
        new = [
            NewTopic(s.name, s.partitions, replication_factor, topic_configs=s.configs)
            for s in specs
            if s.name not in existing
        ]
        for topic in new:
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics([topic], timeout_ms=15_000)
        return [topic.name for topic in new]
    finally:
        admin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lms.kit.kafka_admin", description=__doc__)
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    commands = parser.add_subparsers(dest="command", required=True)
    wait = commands.add_parser("wait", help="wait until the broker serves metadata")
    wait.add_argument("--timeout", type=float, default=90)
    wait.add_argument("--brokers", type=int, default=1, help="how many brokers must be live")
    topics = commands.add_parser("ensure-topics", help="create the topics of a topics file")
    topics.add_argument("file", type=Path)
    topics.add_argument("--prefix", default="")
    topics.add_argument("--replication-factor", type=int, default=BROKER_DEFAULT)
    args = parser.parse_args(argv)
    try:
        if args.command == "wait":
            wait_ready(args.bootstrap, args.timeout, args.brokers)
        else:
            specs = parse_topics_file(args.file, args.prefix)
            created = ensure_topics(args.bootstrap, specs, args.replication_factor)
            for name in created:
                print(f"kafka: created topic {name}", file=sys.stderr)
    except (TimeoutError, KafkaError) as exc:
        print(f"kafka: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
