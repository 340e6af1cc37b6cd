"""Spreadsheet formula cells are neutralised (OWASP CSV injection advice)."""

from __future__ import annotations

import pytest

from lms.progress.enrolment.service.completion_record import new_certificate_code
from lms.progress.hr_sync.domain.export import safe_cell


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_a_cell_that_starts_like_a_formula_gets_a_leading_quote(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize(("value", "expected"), [("Coping", "Coping"), (0.9, 0.9), (3, 3), (None, "")])
def test_other_cells_are_unchanged(value, expected):
    assert safe_cell(value) == expected


def test_a_certificate_code_reaches_the_csv_exactly_as_the_feed_shows_it():
    """Codes are random; a thousand of them cover every first character the alphabet has."""
    codes = {new_certificate_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(len(code) == 26 and code.isalnum() and code == code.upper() for code in codes)
    assert all(safe_cell(code) == code for code in codes)
