"""JSON on the hot paths (event values, outbox headers, JSON columns), encoded in C by orjson.

Output is what `json.dumps(..., separators=(",", ":"), ensure_ascii=False)` writes: compact
UTF-8, keys in insertion order, non-string keys turned into strings; only exponents are spelled
shorter (`1e-7`, not `1e-07`: the same number). Decoding rejects NaN and Infinity, not JSON.
"""

from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS

loads = orjson.loads  # bytes or str; raises ValueError (orjson.JSONDecodeError) on bad input


def dumps(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON bytes."""
    return orjson.dumps(value, option=_OPTIONS)


def dumps_text(value: Any) -> str:
    """`value` as compact JSON text (for drivers that bind text, such as SQLite's)."""
    return dumps(value).decode()
