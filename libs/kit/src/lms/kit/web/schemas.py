"""Base marshmallow schemas of every service's API: what a request may carry and how a reply dumps.

- `Strict`: request bodies and query strings; a body field the schema does not name is a 422
  (query strings drop unknown parameters, as webargs does for every service).
- `Reply`: reply shapes; a dict is dumped by its keys only, so a dict that lacks `items` or
  `keys` never dumps its own methods.
- `Paging`: `limit` (1-1000, default 100) and `offset` (default 0) of an offset-paged list.
- `items_of(schema)`: the `items` list of a page or collection envelope.
- `timestamp()`: an RFC 3339 string field, documented with `format: date-time`.
- `ID`: the length every opaque id of a request is held to (1-64 characters).
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from lms.kit.web import numbers

MAX_LIMIT = 1000
ID = validate.Length(min=1, max=64)
DATE_TIME = {"format": "date-time"}


class Strict(ma.Schema):
    """A request shape: fields it does not declare are refused, not ignored."""

    class Meta:
        unknown = ma.RAISE


class Reply(ma.Schema):
    """A reply shape: dumps dicts by key only, other objects by attribute."""

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        return obj.get(attr, default) if isinstance(obj, dict) else super().get_attribute(obj, attr, default)


class Paging(Strict):
    """`?limit=&offset=` of a list read page by page."""

    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=MAX_LIMIT))
    offset = numbers.count(load_default=0)


def items_of(schema: type[ma.Schema] | ma.Schema, **options: Any) -> fields.List:
    """The `items` field of an envelope: a list of `schema`."""
    return fields.List(fields.Nested(schema), **options)


def timestamp(description: str | None = None, **options: Any) -> fields.String:
    """An RFC 3339 timestamp kept as the string the service wrote (`format: date-time`)."""
    metadata = {**DATE_TIME, **({"description": description} if description else {})}
    return fields.String(metadata=metadata, **options)
