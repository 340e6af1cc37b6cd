"""The C codec writes what the standard library wrote for the documents we store."""

from __future__ import annotations

import json

import pytest

from lms.kit import jsoncodec
from lms.kit.cloudevents import CloudEvent, from_kafka, kafka_headers

DOCUMENTS = [
    {"learner_id": "lrn-1", "score": 9.5, "passed": True, "note": None},
    {"title": "Gespräch über Wartezeiten — «bitte»", "emoji": "🙂", "quote": 'say "sorry"\n'},
    {"nested": {"competency_scores": {"questioning": {"score": 4, "max_score": 5}}}, "list": [1, 2.5, "x"]},
    {7: "seven", 2.5: "two and a half", False: "no", None: "nothing"},
    {"big": 2**53 + 1, "negative": -7, "zero_float": 0.0, "percent": 0.1 + 0.2},
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_encoding_matches_compact_standard_json(document):
    expected = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    assert jsoncodec.dumps(document) == expected.encode()
    assert jsoncodec.dumps_text(document) == expected


@pytest.mark.parametrize("document", DOCUMENTS[:3] + DOCUMENTS[4:])
def test_decoding_gives_back_the_document(document):
    assert jsoncodec.loads(jsoncodec.dumps(document)) == document
    assert jsoncodec.loads(jsoncodec.dumps_text(document)) == document


@pytest.mark.parametrize("text", [b"NaN", b'{"score": Infinity}', b"{", b"", b'{"a": 1,}'])
def test_what_is_not_json_is_refused_as_the_standard_decode_error(text):
    with pytest.raises(json.JSONDecodeError):  # a ValueError, which from_kafka turns into InvalidEvent
        jsoncodec.loads(text)


def test_exponents_are_spelled_shorter_but_mean_the_same_number():
    assert jsoncodec.dumps({"tiny": 1e-7, "huge": 1.5e300}) == b'{"tiny":1e-7,"huge":1.5e+300}'
    assert json.loads(jsoncodec.dumps({"tiny": 1e-7})) == {"tiny": 1e-7}


def test_an_event_value_round_trips_through_kafka_form():
    event = CloudEvent.new("lms.test.thing.v1", "/test", DOCUMENTS[1], subject="s")
    parsed = from_kafka(kafka_headers(event.headers()), event.value())
    assert parsed.data == DOCUMENTS[1]
    assert parsed.id == event.id
