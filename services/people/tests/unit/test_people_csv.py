"""Reading a people CSV: good rows kept, bad rows reported by their line number."""

from __future__ import annotations

import io

import pytest

from lms.people.domain.people_csv import BadFile, read_people

HEADER = "userName,name,email,manager,team,department\n"


def test_rows_are_read_with_their_line_numbers():
    rows, bad = read_people(io.StringIO(HEADER + "ann,Ann,ann@x.org,,Ops,Sales\nbob,,, ann ,,\n"))
    assert bad == []
    assert [(r.line, r.user_name, r.manager, r.team) for r in rows] == [
        (2, "ann", None, "Ops"),
        (3, "bob", "ann", None),
    ]


def test_bad_rows_are_reported_by_line_and_reason():
    text = HEADER + "ann,Ann,ann@x.org,,,\n,No Name,,,,\nbob,,not-an-address,,,\nANN,,,,,\ncarl,,,carl,,\n"
    rows, bad = read_people(io.StringIO(text))
    assert [r.user_name for r in rows] == ["ann"]
    assert [(b.line, b.reason.split()[0]) for b in bad] == [
        (3, "userName"),
        (4, "email"),
        (5, "userName"),
        (6, "a"),
    ]


def test_a_file_without_a_user_name_column_is_refused_whole():
    with pytest.raises(BadFile):
        read_people(io.StringIO("name,email\nAnn,ann@x.org\n"))
