"""Spreadsheet-safe cells: a CSV cell a spreadsheet would read as a formula is neutralised."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value`, with a leading `'` when it is text that starts like a formula (OWASP's advice).

    Numbers stay numbers: only strings can carry a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
