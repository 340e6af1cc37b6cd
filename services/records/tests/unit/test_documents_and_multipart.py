"""Document concurrency (Communication 3.1), JSON merges, and multipart bodies in both directions."""

from __future__ import annotations

import hashlib

import pytest

from lms.records.domain import documents, multipart
from lms.records.domain.attachments import received
from lms.records.domain.documents import Preconditions
from lms.records.domain.errors import Conflict, Invalid, PreconditionFailed, PreconditionRequired


def test_put_without_preconditions_depends_on_resource_and_version():
    none = Preconditions()
    documents.check_put(documents.STATE, "1.0.3", none, "abc")  # 1.0.3 states may be overwritten
    with pytest.raises(Conflict):
        documents.check_put(documents.STATE, "2.0.0", none, "abc")
    with pytest.raises(Conflict):
        documents.check_put(documents.AGENT_PROFILE, "1.0.3", none, "abc")
    with pytest.raises(Invalid):
        documents.check_put(documents.ACTIVITY_PROFILE, "1.0.3", none, None)
    with pytest.raises(PreconditionRequired):
        documents.check_put(documents.ACTIVITY_PROFILE, "2.0.0", none, None)


def test_if_match_and_if_none_match():
    documents.check(Preconditions(if_match=("abc",)), "abc")
    with pytest.raises(PreconditionFailed):
        documents.check(Preconditions(if_match=("abc",)), "def")
    with pytest.raises(PreconditionFailed):
        documents.check(Preconditions(if_match=("*",)), None)
    with pytest.raises(PreconditionFailed):
        documents.check(Preconditions(if_none_match=("*",)), "abc")


def test_a_merge_is_one_level_deep_and_only_of_json_objects():
    merged = documents.merged(
        b'{"a": {"x": 1}, "b": 1}', "application/json", b'{"a": {"y": 2}}', "application/json"
    )
    assert merged == b'{"a":{"y":2},"b":1}'
    with pytest.raises(Invalid):
        documents.merged(b"text", "text/plain", b"{}", "application/json")
    with pytest.raises(Invalid):
        documents.merged(b"{}", "application/json", b"[1]", "application/json")


def test_multipart_round_trip_and_attachment_checks():
    data = b"here is a simple attachment"
    sha2 = hashlib.sha256(data).hexdigest()
    declared = {
        "usageType": "http://e.com/u",
        "display": {"en": "x"},
        "contentType": "text/plain",
        "length": 27,
    }
    statement = {"object": {}, "attachments": [{**declared, "sha2": sha2}]}
    headers = {
        "Content-Type": "text/plain",
        "Content-Transfer-Encoding": "binary",
        "X-Experience-API-Hash": sha2,
    }
    body, content_type = multipart.build(
        [multipart.Part({"Content-Type": "application/json"}, b"{}"), multipart.Part(headers, data)]
    )
    parts = multipart.parse(body, multipart.boundary(content_type))
    assert received([statement], parts[1:])[sha2].content == data
    tampered = multipart.Part(headers, b"something else")
    with pytest.raises(Invalid):
        received([statement], [tampered])
    with pytest.raises(Invalid):
        received([statement], [])
