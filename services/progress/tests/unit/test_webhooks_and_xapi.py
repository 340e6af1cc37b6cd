"""Signatures, retry schedule and xAPI statements, without I/O."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random

from lms.progress.enrolment.domain import statements as xapi
from lms.progress.hr_sync.domain import webhooks


def test_signature_follows_standard_webhooks():
    secret = "whsec_" + base64.b64encode(b"0123456789abcdef0123").decode()
    body = b'{"type":"lms.progress.course.completed.v1"}'
    header = webhooks.sign(secret, "msg_1", 1_700_000_000, body)
    expected = base64.b64encode(
        hmac.new(b"0123456789abcdef0123", b"msg_1.1700000000." + body, hashlib.sha256).digest()
    ).decode()
    assert header == f"v1,{expected}"
    assert webhooks.verify(secret, "msg_1", 1_700_000_000, body, f"v1,bogus {header}")
    assert not webhooks.verify(secret, "msg_1", 1_700_000_001, body, header)


def test_new_secrets_are_whsec_and_random():
    first, second = webhooks.new_secret(), webhooks.new_secret()
    assert first.startswith("whsec_")
    assert len(base64.b64decode(first[6:])) == 24
    assert first != second


def test_retries_back_off_exponentially_with_jitter_up_to_a_cap():
    rng = random.Random(7)
    delays = [webhooks.next_delay(n, rng).total_seconds() for n in range(1, 15)]
    assert 2.5 <= delays[0] <= 5
    assert 40 <= delays[4] <= 80
    assert max(delays) <= webhooks.RETRY_CAP_S
    assert delays[-1] >= webhooks.RETRY_CAP_S / 2


def test_statement_ids_derive_from_events_and_pseudonymous_actors_hide_the_learner():
    actor = xapi.pseudonym_actor("alice@example.com", "key", "https://lms.example")
    statement = xapi.statement(
        event_id="e1",
        verb="completed",
        learner=actor,
        activity_id="https://lms.example/courses/c1",
        activity_name="Coping",
        activity_type="http://adlnet.gov/expapi/activities/course",
        timestamp="2026-11-22T10:00:00+00:00",
        score=0.9,
        success=True,
        extensions={},
    )
    assert statement["id"] == xapi.statement_id("e1", "completed") != xapi.statement_id("e1", "passed")
    assert statement["version"] == "1.0.3"
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert "alice" not in str(actor)
    assert actor == xapi.pseudonym_actor("alice@example.com", "key", "https://lms.example")
    assert actor != xapi.pseudonym_actor("alice@example.com", "another key", "https://lms.example")
    assert statement["result"] == {"completion": True, "success": True, "score": {"scaled": 0.9}}
