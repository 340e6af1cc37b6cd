"""Integer fields a client may send, always bounded on both sides.

The database casts every number a query compares or stores (`::INTEGER`, `::BIGINT`), so an
unbounded integer from a request is a 500 waiting to happen. Counts, positions and limits fit a
32-bit column; cursors over sequences fit a 64-bit one.
"""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


def count(minimum: int = 0, maximum: int = INT32_MAX, **kwargs: Any) -> fields.Integer:
    """A count, position, size or limit (a 32-bit column)."""
    return fields.Integer(validate=validate.Range(minimum, maximum), **kwargs)


def cursor(**kwargs: Any) -> fields.Integer:
    """A position in a 64-bit sequence (feed cursors, offsets into large tables)."""
    return fields.Integer(validate=validate.Range(0, INT64_MAX), **kwargs)
