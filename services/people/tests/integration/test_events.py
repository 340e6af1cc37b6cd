"""The directory's events as they reach Kafka: valid against their contracts, keyed by user or team."""

from __future__ import annotations

from lms.contracts import default_registry, events
from lms.kit.kafka_admin import TopicSpec, ensure_topics
from lms.kit.relay import OutboxRelay
from lms.testing.events import read_events


def test_a_provisioning_sequence_reaches_kafka_as_whole_records_in_order(scim, settings, kafka, engine):
    ensure_topics(kafka.bootstrap, [TopicSpec(settings.topic, 3)])
    boss = scim.create_user("boss@example.org", externalId="hr-boss")
    ann = scim.create_user("ann@example.org", externalId="hr-ann", displayName="Ann")
    scim.patch(
        f"/Users/{ann['id']}", [{"op": "add", "path": f"{scim.ENTERPRISE}:manager", "value": boss["id"]}]
    )
    team = scim.create_group("Field", [ann["id"], boss["id"]])
    scim.patch(f"/Users/{ann['id']}", [{"op": "replace", "path": "active", "value": False}])
    scim.delete(f"/Groups/{team['id']}")
    relay = OutboxRelay(engine, kafka.bootstrap)
    while relay.publish_batch():
        pass

    received = read_events(kafka.bootstrap, settings.topic)
    registry = default_registry()
    for event in received:
        registry.validate(event.type, event.data)
    assert [e.type for e in received if e.subject == ann["id"]] == [
        events.USER_PROVISIONED.name,
        events.USER_UPDATED.name,
        events.USER_UPDATED.name,
        events.USER_DEACTIVATED.name,
    ]
    manager_set = [e.data for e in received if e.subject == ann["id"]][1]
    assert (manager_set["manager_user_id"], manager_set["manager_learner_id"]) == (
        boss["id"],
        "boss@example.org",
    )
    assert manager_set["external_id"] == "hr-ann"
    team_events = [e.data for e in received if e.subject == team["id"]]
    assert [t["members"] for t in team_events] == [["ann@example.org", "boss@example.org"], []]
    assert [t["deleted"] for t in team_events] == [False, True]
