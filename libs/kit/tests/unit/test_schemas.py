"""The kit's base schemas: strict requests, replies dumped by key, paging, envelopes, timestamps."""

from __future__ import annotations

from dataclasses import dataclass

import marshmallow as ma
import pytest
from marshmallow import fields

from lms.kit.web.schemas import ID, Paging, Reply, Strict, items_of, timestamp


class NameIn(Strict):
    name = fields.String(required=True, validate=ID)


class Row(Reply):
    id = fields.String()


class Envelope(Reply):
    items = items_of(Row)
    total = fields.Integer()


@dataclass
class Thing:
    id: str


def test_a_request_with_a_field_the_schema_does_not_name_is_refused():
    with pytest.raises(ma.ValidationError) as refused:
        NameIn().load({"name": "ann", "role": "admin"})
    assert refused.value.messages == {"role": ["Unknown field."]}


def test_an_id_longer_than_64_characters_or_empty_is_refused():
    assert NameIn().load({"name": "a" * 64}) == {"name": "a" * 64}
    for bad in ("", "a" * 65):
        with pytest.raises(ma.ValidationError):
            NameIn().load({"name": bad})


def test_a_reply_dumps_a_dict_by_key_and_never_its_methods():
    assert Envelope().dump({"total": 0}) == {"total": 0}  # no `items` key: not dict.items
    assert Envelope().dump({"items": [{"id": "a"}, Thing("b")], "total": 2}) == {
        "items": [{"id": "a"}, {"id": "b"}],
        "total": 2,
    }


def test_paging_defaults_to_the_first_hundred_and_holds_its_bounds():
    assert Paging().load({}) == {"limit": 100, "offset": 0}
    assert Paging().load({"limit": "1000", "offset": "5"}) == {"limit": 1000, "offset": 5}
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}):
        with pytest.raises(ma.ValidationError):
            Paging().load(bad)


def test_a_paged_query_keeps_its_own_fields_beside_limit_and_offset():
    class Query(Paging):
        learner_id = fields.String()

    assert Query().load({"learner_id": "ann"}) == {"learner_id": "ann", "limit": 100, "offset": 0}


def test_a_timestamp_is_documented_as_date_time_and_keeps_the_string_written():
    field = timestamp("when it was published", allow_none=True)
    assert field.metadata == {"format": "date-time", "description": "when it was published"}
    assert timestamp().metadata == {"format": "date-time"}

    class Published(Reply):
        at = timestamp()

    assert Published().dump({"at": "2030-01-01T12:00:00+00:00"}) == {"at": "2030-01-01T12:00:00+00:00"}
