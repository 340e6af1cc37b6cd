"""infra/kafka/access.toml grants each service exactly what its definition makes it do on Kafka, and
the Kubernetes manifests say the same: its KafkaUsers are rendered from the declaration, and each
dead-letter topic a consumer may create is a KafkaTopic there."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from lms.kit.config import Settings
from lms.kit.inbox import dlq_topic
from lms.kit.kafka_access import KAFKA_USERS_HEADER, Grant, kafka_users, load_access, render_yaml
from lms.kit.kafka_access import dlq_topic as declared_dlq_topic
from lms.kit.service import ServiceDefinition, consumer_for
from lms.progress.processes import rebuild

ROOT = Path(__file__).parents[2]
ACCESS = load_access(ROOT / "infra/kafka/access.toml")
SERVICES = sorted(p.name for p in (ROOT / "services").iterdir() if (p / "pyproject.toml").exists())


def definition(service: str) -> ServiceDefinition:
    return importlib.import_module(f"lms.{service}.__main__").DEFINITION


def allowed(grants: list[Grant], operation: str, resource: str = "topic") -> set[str]:
    """Literal names `operation` is granted on (services get literal grants only)."""
    return {g.name for g in grants if g.resource == resource and operation in g.operations}


def test_every_service_is_declared_once_and_nothing_else_is():
    assert sorted(s.name for s in ACCESS.services) == SERVICES


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_may_do_on_kafka_exactly_what_its_processes_do(service: str):
    found = definition(service)
    settings = Settings(service=service, database_url="sqlite://")
    grants = ACCESS.grants_of(service)
    assert {g.pattern for g in grants} <= {"literal"}
    assert allowed(grants, "Write") - allowed(grants, "Create") == (
        {settings.topic} if found.outbox else set()
    )
    read, groups = allowed(grants, "Read"), allowed(grants, "Read", "group")
    if found.consumes:
        consumer = consumer_for(found, settings)
        assert set(consumer.topics) <= read
        assert groups == {consumer.group}
        assert allowed(grants, "Create") == {dlq_topic(topic, consumer.group) for topic in consumer.topics}
        assert allowed(grants, "Write") >= allowed(grants, "Create")
    else:
        assert groups == set()
        assert allowed(grants, "Create") == set()
    replayed = {settings.topic_of(s) for s in rebuild.TOPICS} if service == "progress" else set()
    assert read == {settings.topic_of(s) for s in found.consumes} | replayed


def test_the_declared_dead_letter_names_are_the_inbox_s():
    assert declared_dlq_topic("p.lms.curriculum.events", "p.lms.progress") == dlq_topic(
        "p.lms.curriculum.events", "p.lms.progress"
    )


def test_the_tools_may_redrive_dead_letters_but_read_no_event_topic():
    grants = ACCESS.grants_of("tools")
    reads = {g.name for g in grants if g.resource == "topic" and "Read" in g.operations}
    assert reads
    assert all(name.endswith(".events.dlq.") for name in reads)
    assert allowed(grants, "Write") == {Settings(service=s.name).topic for s in ACCESS.services if s.produces}


def test_the_kafka_users_of_kubernetes_are_rendered_from_the_declaration():
    committed = (ROOT / "infra/k8s/base/kafka-users.yaml").read_text()
    assert committed == render_yaml(kafka_users(ACCESS), KAFKA_USERS_HEADER), KAFKA_USERS_HEADER
    users = [doc["metadata"]["name"] for doc in yaml.safe_load_all(committed) if doc]
    assert users == [*(s.name for s in ACCESS.services), "tools"]
    assert "kafka-users.yaml" in (ROOT / "infra/k8s/base/kustomization.yaml").read_text()


def test_every_dead_letter_topic_a_consumer_may_create_is_a_kafka_topic_of_kubernetes():
    manifests = yaml.safe_load_all((ROOT / "infra/k8s/base/kafka.yaml").read_text())
    topics = {doc["spec"]["topicName"] for doc in manifests if doc and doc["kind"] == "KafkaTopic"}
    creatable = {
        g.name for s in ACCESS.services for g in ACCESS.grants_of(s.name) if "Create" in g.operations
    }
    assert creatable <= topics
