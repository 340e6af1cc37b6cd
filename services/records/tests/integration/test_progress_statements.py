"""Issue 26, one record of learning: the statements progress announces are kept once and found
beside everyone else's."""

from __future__ import annotations

import uuid

import pytest

from lms.kit.cloudevents import CloudEvent

pytestmark = pytest.mark.integration
RECORDED = "lms.progress.statement.recorded.v1"


def announced(statement: dict) -> CloudEvent:
    data = {"statement_id": statement["id"], "actor_name": "ana", "statement": statement}
    return CloudEvent.new(RECORDED, "/progress", data, subject="ana")


def test_a_statement_progress_announces_is_stored_once_with_the_lms_as_authority(
    harness, client, writer, new_statement
):
    harness.ensure_topics(["progress", "records"])
    statement = {**new_statement(id=str(uuid.uuid4())), "version": "1.0.3"}
    first, again = announced(statement), announced(statement)
    consumer = harness.consumer()
    for event in (first, first, again):  # the same event twice, then the same fact in a new event
        harness.send("progress", event, "ana")
    harness.drain(consumer, {first.id, again.id})
    stored = client.get(f"/xapi/statements?statementId={statement['id']}", headers=writer)
    assert stored.status_code == 200, stored.get_data(as_text=True)
    assert stored.get_json()["authority"]["account"]["name"] == "lms:progress"
    assert stored.get_json()["version"] == "1.0.3"
    by_learner = client.get("/xapi/statements?verb=http://adlnet.gov/expapi/verbs/completed", headers=writer)
    assert [s["id"] for s in by_learner.get_json()["statements"]].count(statement["id"]) == 1
    kept = [
        e for e in harness.emitted("lms.records.statement.stored.v1") if e["statement_id"] == statement["id"]
    ]
    assert len(kept) == 1
    assert kept[0]["authority"] == "lms:progress"
