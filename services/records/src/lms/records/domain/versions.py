"""The `X-Experience-API-Version` header: which xAPI a request speaks, and what the LRS answers.

The LRS speaks 1.0.3 and 2.0.0. A request naming `1.0`, `1.0.x`, `2.0` or `2.0.x` is answered
in the latest patch of that version; one naming no version, or another, is refused (400) and
answered as 2.0.0, the latest version the LRS implements (decision 0083).
"""

from __future__ import annotations

import re

V1 = "1.0.3"
V2 = "2.0.0"
SUPPORTED = (V1, V2)
LATEST = V2
HEADER = "X-Experience-API-Version"
PATTERN = re.compile(r"^(1|2)\.0(?:\.\d+)?$")


def spoken(header: str | None) -> str | None:
    """The version a request's header names (`1.0.3` or `2.0.0`), None when it names no supported one."""
    match = PATTERN.match((header or "").strip())
    if match is None:
        return None
    return V1 if match.group(1) == "1" else V2


def statement_version(version: str) -> str:
    """The `version` a stored statement gets when it names none."""
    return "1.0.0" if version == V1 else V2
