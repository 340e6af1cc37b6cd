"""Broker readiness, topic creation, the cluster's health, and its principals and ACLs (used by
infra/kafka/kafka.sh, tests and services). Topics get the cluster's default replication factor
unless told otherwise: one replica on the single broker, three on the local cluster.

    python -m lms.kit.kafka_admin [--bootstrap HOST:PORT] COMMAND
      wait | ensure-topics FILE                     as any principal allowed to (tools)
      credentials ACCESS --dir DIR                  a random password file per principal lacking one
      users ACCESS --dir DIR                        SCRAM credentials of every principal (as admin)
      acls apply|revoke ACCESS [--prefix P] | acls list      the declared ACLs (as admin)
      setup ACCESS --dir DIR [--topics FILE]        users, ACLs and topics at once (kafka.sh start)
      kafka-users ACCESS                            the Strimzi KafkaUsers of the declaration

ACCESS is the declaration, infra/kafka/access.toml (`lms.kit.kafka_access`). Clients authenticate
as `lms.kit.kafka` says (KAFKA_SASL_USERNAME, default `tools` here)."""

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

from lms.kit.kafka import TOOLS_PRINCIPAL, make_admin, use_principal
from lms.kit.kafka_access import KAFKA_USERS_HEADER, kafka_users, load_access, render_yaml
from lms.kit.kafka_principals import (
    acl_listing,
    apply_grants,
    broker_acls,
    ensure_users,
    revoke_grants,
    write_credentials,
)


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
            admin = make_admin(bootstrap, request_timeout_ms=5_000, bootstrap_timeout_ms=10_000)
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
    admin = make_admin(bootstrap, request_timeout_ms=15_000)
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lms.kit.kafka_admin",
        description=__doc__,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    commands = parser.add_subparsers(dest="command", required=True)
    wait = commands.add_parser("wait", help="wait until the broker serves metadata")
    wait.add_argument("--timeout", type=float, default=90)
    wait.add_argument("--brokers", type=int, default=1, help="how many brokers must be live")
    topics = commands.add_parser("ensure-topics", help="create the topics of a topics file")
    topics.add_argument("file", type=Path)
    topics.add_argument("--prefix", default="")
    topics.add_argument("--replication-factor", type=int, default=BROKER_DEFAULT)
    for name, what in (("credentials", "write missing password files"), ("users", "create the SCRAM users")):
        command = commands.add_parser(name, help=what)
        command.add_argument("access", type=Path)
        command.add_argument("--dir", type=Path, required=True, help="one password file per principal")
    setup = commands.add_parser("setup", help="users, ACLs, then the topics of a topics file")
    setup.add_argument("access", type=Path)
    setup.add_argument("--dir", type=Path, required=True, help="one password file per principal")
    setup.add_argument("--topics", type=Path, help="a topics file")
    acls = commands.add_parser("acls", help="apply, revoke or list the ACLs")
    acls.add_argument("action", choices=["apply", "revoke", "list"])
    acls.add_argument("access", type=Path, nargs="?")
    acls.add_argument("--prefix", default="", help="of the topics and groups (a test run's)")
    render = commands.add_parser("kafka-users", help="print the Strimzi KafkaUser resources")
    render.add_argument("access", type=Path)
    return parser


def _topics(args: argparse.Namespace) -> None:
    specs = parse_topics_file(args.file, args.prefix)
    for name in ensure_topics(args.bootstrap, specs, args.replication_factor):
        print(f"kafka: created topic {name}", file=sys.stderr)


def _credentials(args: argparse.Namespace) -> None:
    for name in write_credentials(args.dir, load_access(args.access).principals):
        print(f"kafka: made a password for {name} in {args.dir}", file=sys.stderr)


def _users(args: argparse.Namespace) -> None:
    principals = load_access(args.access).principals
    ensure_users(args.bootstrap, {p: (args.dir / p).read_text().strip() for p in principals})


def _setup(args: argparse.Namespace) -> None:
    _users(args)
    apply_grants(args.bootstrap, load_access(args.access).grants())
    if args.topics:
        for name in ensure_topics(args.bootstrap, parse_topics_file(args.topics)):
            print(f"kafka: created topic {name}", file=sys.stderr)


def _acls(args: argparse.Namespace) -> None:
    if args.action == "list":
        print(acl_listing(broker_acls(args.bootstrap)))
        return
    grants = load_access(args.access).grants(args.prefix)
    if args.action == "apply":
        print(f"kafka: {apply_grants(args.bootstrap, grants)} ACLs", file=sys.stderr)
    else:
        revoke_grants(args.bootstrap, grants)


def _kafka_users(args: argparse.Namespace) -> None:
    print(render_yaml(kafka_users(load_access(args.access)), KAFKA_USERS_HEADER), end="")


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "wait": lambda args: wait_ready(args.bootstrap, args.timeout, args.brokers),
    "ensure-topics": _topics,
    "credentials": _credentials,
    "users": _users,
    "setup": _setup,
    "acls": _acls,
    "kafka-users": _kafka_users,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    use_principal(TOOLS_PRINCIPAL, check=False)
    try:
        COMMANDS[args.command](args)
    except (TimeoutError, KafkaError, OSError, ValueError) as exc:
        print(f"kafka: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
