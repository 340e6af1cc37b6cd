from __future__ import annotations

import pytest

from lms.kit.cloudevents import CloudEvent, InvalidEvent, from_kafka, kafka_headers


def test_binary_mode_round_trip_keeps_every_attribute_and_extension():
    event = CloudEvent.new(
        "lms.progress.course.completed.v1",
        "/progress",
        {"score": 0.9, "name": "Zoë"},
        subject="enr-1",
        extensions={"requestid": "r-1", "traceparent": "00-abc-def-01"},
    )
    headers = kafka_headers(event.headers())
    names = {name for name, _ in headers}
    assert {
        "ce_id",
        "ce_source",
        "ce_type",
        "ce_specversion",
        "ce_time",
        "ce_subject",
        "content-type",
    } <= names
    assert dict(headers)["content-type"] == b"application/json"

    parsed = from_kafka(headers, event.value())
    assert parsed == event


@pytest.mark.parametrize(
    ("headers", "value", "problem"),
    [
        ([], b"{}", "missing CloudEvents headers"),
        (
            [("ce_id", b"1"), ("ce_source", b"/s"), ("ce_type", b"t"), ("ce_specversion", b"0.3")],
            b"{}",
            "specversion",
        ),
        (
            [("ce_id", b"1"), ("ce_source", b"/s"), ("ce_type", b"t"), ("ce_specversion", b"1.0")],
            b"{oops",
            "not JSON",
        ),
        (
            [("ce_id", b"1"), ("ce_source", b"/s"), ("ce_type", b"t"), ("ce_specversion", b"1.0")],
            b"[1]",
            "not a JSON object",
        ),
        (
            [
                ("ce_id", b"1"),
                ("ce_source", b"/s"),
                ("ce_type", b"t"),
                ("ce_specversion", b"1.0"),
                ("ce_time", b"yesterday"),
            ],
            b"{}",
            "RFC 3339",
        ),
    ],
    ids=["no-headers", "old-spec", "bad-json", "not-object", "bad-time"],
)
def test_malformed_records_are_refused_with_the_reason(headers, value, problem):
    with pytest.raises(InvalidEvent, match=problem):
        from_kafka(headers, value)
