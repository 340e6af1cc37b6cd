"""A people CSV (userName, name, email, manager, team, department) read into checked rows."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lms.people.domain.records import name_key

COLUMNS = ("userName", "name", "email", "manager", "team", "department")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_LENGTH = 256


@dataclass(frozen=True)
class PersonRow:
    line: int
    user_name: str
    name: str | None
    email: str | None
    manager: str | None  # a userName
    team: str | None
    department: str | None


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


class BadFile(Exception):
    """The file as a whole cannot be read (no header, missing columns)."""


def read_people(lines: Iterable[str]) -> tuple[list[PersonRow], list[BadRow]]:
    """Every row checked on its own and against the others (duplicates); line 1 is the header."""
    reader = csv.DictReader(lines)
    missing = [c for c in ("userName",) if c not in (reader.fieldnames or [])]
    if missing:
        raise BadFile(f"The header must name the columns {', '.join(COLUMNS)}; missing {', '.join(missing)}.")
    rows, bad, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        person, reason = _person(line, row)
        if person is not None and name_key(person.user_name) in seen:
            reason = f"userName {person.user_name!r} is already on line {seen[name_key(person.user_name)]}"
        if reason:
            bad.append(BadRow(line, reason))
            continue
        seen[name_key(person.user_name)] = line
        rows.append(person)
    return rows, bad


def _person(line: int, row: dict[str, str | None]) -> tuple[PersonRow | None, str | None]:
    if None in row:
        return None, "more fields than the header names"
    values = {c: (row.get(c) or "").strip() or None for c in COLUMNS}
    if not values["userName"]:
        return None, "userName is empty"
    too_long = [c for c, v in values.items() if v and len(v) > MAX_LENGTH]
    if too_long:
        return None, f"{too_long[0]} is longer than {MAX_LENGTH} characters"
    if values["email"] and not EMAIL.match(values["email"]):
        return None, f"email {values['email']!r} is not an address"
    if values["manager"] and name_key(values["manager"]) == name_key(values["userName"]):
        return None, "a person cannot be their own manager"
    return PersonRow(
        line,
        values["userName"],
        values["name"],
        values["email"],
        values["manager"],
        values["team"],
        values["department"],
    ), None
