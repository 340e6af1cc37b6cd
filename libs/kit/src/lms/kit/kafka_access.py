"""Who may do what on the brokers: the principals of the suite and the ACLs each one gets.

Declared once, in `infra/kafka/access.toml`: one line per service, naming the services whose topics
it consumes (and, rarely, replays). Everything else follows from the names the kit gives topics
and groups (`Settings`):

- a service produces to its own topic `lms.<name>.events` (unless `produces = false`);
- it reads the topics of the services it `consumes`, in its own group `lms.<name>`, and creates
  and writes their dead-letter topics `<topic>.dlq.lms.<name>`;
- it reads the topics it `replays` without a group (progress's `rebuild`);
- `tools`, the operator's principal (`lms.kit.kafka_admin ensure-topics`, `dlq list|redrive`),
  creates and describes `lms.*` topics, reads dead letters and writes them back to event topics
  with the redrive group;
- `admin` is the brokers' own principal and the only super user: nothing is declared for it.

No grant names a cluster operation: since Kafka 3.0 the right to write one topic lets a client
open an idempotent producer (no `IdempotentWrite` on the cluster), and nothing here is
transactional. The same grants render the Strimzi `KafkaUser` resources (`kafka_users`).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lms.kit.config import Settings
from lms.kit.dlq import REDRIVE_GROUP
from lms.kit.kafka import ADMIN_PRINCIPAL as ADMIN
from lms.kit.kafka import TOOLS_PRINCIPAL as TOOLS

KAFKA_USERS_HEADER = """The Kafka principals of the suite and their ACLs, for Strimzi: one KafkaUser each.
Generated from infra/kafka/access.toml; do not edit (tests/infra checks it is current):
  python -m lms.kit.kafka_admin kafka-users infra/kafka/access.toml > infra/k8s/base/kafka-users.yaml"""


def dlq_topic(topic: str, group: str) -> str:
    """The inbox's name for the dead letters of `group` from `topic` (`lms.kit.inbox.dlq_topic`, not
    imported: the admin tool starts without the inbox's imports; tests/infra compares the two)."""
    return f"{topic}.dlq.{group}"


@dataclass(frozen=True)
class ServiceAccess:
    """One service's line of the declaration."""

    name: str
    consumes: tuple[str, ...] = ()
    replays: tuple[str, ...] = ()
    produces: bool = True


@dataclass(frozen=True)
class Grant:
    """Operations one principal may perform on the resources a pattern names (one ACL entry)."""

    principal: str
    resource: str  # "topic" | "group"
    name: str
    pattern: str  # "literal" | "prefixed"
    operations: tuple[str, ...]  # "Read", "Write", "Create", "Describe"


@dataclass(frozen=True)
class Access:
    """The whole declaration: every service principal, and the grants of every principal."""

    services: tuple[ServiceAccess, ...]

    @property
    def principals(self) -> list[str]:
        """Every principal that authenticates with a password of its own (the super user included)."""
        return [ADMIN, *(s.name for s in self.services), TOOLS]

    def grants(self, prefix: str = "") -> list[Grant]:
        """The ACL entries, for topics and groups named with `prefix` (tests use one per run)."""
        found = [g for service in self.services for g in _service_grants(service, prefix)]
        return found + list(self._tools_grants(prefix))

    def grants_of(self, principal: str, prefix: str = "") -> list[Grant]:
        return [g for g in self.grants(prefix) if g.principal == principal]

    def _tools_grants(self, prefix: str) -> Iterator[Grant]:
        yield Grant(TOOLS, "topic", f"{prefix}lms.", "prefixed", ("Create", "Describe"))
        read = {c for s in self.services for c in s.consumes}
        for service in self.services:
            settings = Settings(service=service.name, topic_prefix=prefix)
            if service.produces:
                yield Grant(TOOLS, "topic", settings.topic, "literal", ("Write",))
            if service.name in read:
                yield Grant(TOOLS, "topic", dlq_topic(settings.topic, ""), "prefixed", ("Read",))
        yield Grant(TOOLS, "group", REDRIVE_GROUP, "literal", ("Read",))


def _service_grants(service: ServiceAccess, prefix: str) -> Iterator[Grant]:
    settings = Settings(service=service.name, topic_prefix=prefix)
    if service.produces:
        yield Grant(service.name, "topic", settings.topic, "literal", ("Write",))
    for other in service.consumes:
        topic = settings.topic_of(other)
        yield Grant(service.name, "topic", topic, "literal", ("Read",))
        yield Grant(
            service.name, "topic", dlq_topic(topic, settings.consumer_group), "literal", ("Create", "Write")
        )
    for other in service.replays:
        yield Grant(service.name, "topic", settings.topic_of(other), "literal", ("Read",))
    if service.consumes:
        yield Grant(service.name, "group", settings.consumer_group, "literal", ("Read",))


def load_access(path: Path) -> Access:
    """Read the declaration (`[services]`: name = {consumes = [...], replays = [...], produces = bool})."""
    table = tomllib.loads(path.read_text())["services"]
    services = []
    for name, line in table.items():
        unknown = set(line) - {"consumes", "replays", "produces"}
        if unknown or name in (ADMIN, TOOLS):
            raise ValueError(f"{path}: {name}: unknown keys {sorted(unknown)} or a reserved name")
        consumes, replays = tuple(line.get("consumes", ())), tuple(line.get("replays", ()))
        if missing := set(consumes + replays) - set(table):
            raise ValueError(f"{path}: {name} reads topics of undeclared services {sorted(missing)}")
        services.append(ServiceAccess(name, consumes, replays, bool(line.get("produces", True))))
    return Access(tuple(services))


def kafka_users(access: Access, cluster: str = "lms") -> list[dict[str, Any]]:
    """One Strimzi `KafkaUser` per principal but the super user: SCRAM-SHA-512, its grants as ACLs."""
    return [
        {
            "apiVersion": "kafka.strimzi.io/v1beta2",
            "kind": "KafkaUser",
            "metadata": {"name": principal, "labels": {"strimzi.io/cluster": cluster}},
            "spec": {
                "authentication": {"type": "scram-sha-512"},
                "authorization": {
                    "type": "simple",
                    "acls": [_strimzi_acl(g) for g in access.grants_of(principal)],
                },
            },
        }
        for principal in access.principals
        if principal != ADMIN
    ]


def _strimzi_acl(grant: Grant) -> dict[str, Any]:
    pattern = {"literal": "literal", "prefixed": "prefix"}[grant.pattern]  # Strimzi's spelling
    resource = {"type": grant.resource, "name": grant.name, "patternType": pattern}
    return {"resource": resource, "operations": list(grant.operations)}


def render_yaml(documents: list[dict[str, Any]], header: str) -> str:
    """YAML documents: mappings as blocks down to `spec.authorization`, each ACL entry as one flow line."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    for document in documents:
        lines.append("---")
        lines.extend(_block(document, 0))
    return "\n".join(lines) + "\n"


def _block(node: dict[str, Any], depth: int) -> Iterator[str]:
    indent = "  " * depth
    for key, value in node.items():
        if isinstance(value, dict) and depth < 2:
            yield f"{indent}{key}:"
            yield from _block(value, depth + 1)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            yield f"{indent}{key}:"
            yield from (f"{indent}  - {json.dumps(item)}" for item in value)
        else:
            yield f"{indent}{key}: {_scalar(value)}"


def _scalar(value: Any) -> str:
    """A name plainly (`lms.progress.events`), anything YAML might read otherwise as JSON."""
    plain = isinstance(value, str) and re.fullmatch(r"[a-z][\w./-]*", value, re.IGNORECASE)
    return value if plain and value.lower() not in YAML_WORDS else json.dumps(value)


YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}
