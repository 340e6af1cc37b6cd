"""The README's tables list what the code declares: every event type of the contracts with its topic
and key, and every environment variable a process of the suite reads (and nothing else)."""

from __future__ import annotations

import ast
import re
from fnmatch import fnmatchcase
from pathlib import Path

from lms.contracts import events

ROOT = Path(__file__).parents[2]
# the launchers' own variables may be in the table too (they document themselves in their headers)
LAUNCHERS = [
    ROOT / f"infra/{name}" for name in ("run.sh", "docker-compose.yml", "kafka/kafka.sh", "postgres/pg.sh")
]
VARIABLE = re.compile(r"^(LMS|KAFKA|PROMETHEUS|[A-Z]+_DATABASE)_[A-Z0-9_*]+$|^\*_DATABASE_URL$")


def section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def first_cells(title: str) -> list[str]:
    rows = [line for line in section(title).splitlines() if line.startswith("| ")]
    return [row.split("|")[1].strip() for row in rows[1:]]


def test_the_event_catalogue_lists_every_event_type_with_its_topic_and_key():
    rows = [line.split("|") for line in section("Event catalogue").splitlines() if line.startswith("| `")]
    documented = {cells[1].strip(" `"): cells[2].strip() for cells in rows}
    declared = {
        event.name: f"`lms.{event.name.split('.')[1]}.events` ({event.key_field.replace('_', ' ')})"
        for event in events.ALL
    }
    assert documented == declared


def documented_variables() -> set[str]:
    """The configuration table's names, `<SERVICE>` and the like read as wildcards."""
    names = set()
    for cell in first_cells("Configuration"):
        if cell.startswith("**"):  # a heading row: who reads the variables below it
            continue
        names |= {re.sub(r"<[^>]+>", "*", name) for name in re.findall(r"`([^`]+)`", cell)}
    return names


def variables_read_by_processes() -> set[str]:
    """Every variable name the suite's code spells (f-strings as wildcards), test helpers aside."""
    found: set[str] = set()
    for path in ROOT.glob("*/**/src/lms/**/*.py"):
        if {".venv", ".run", "testing"} & set(path.parts):
            continue
        tree = ast.parse(path.read_text())
        in_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                name = "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
            elif (
                isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstrings
            ):
                name = node.value
            else:
                continue
            if VARIABLE.match(name):
                found.add(name)
    return found


def read_by_launchers(name: str) -> bool:
    return any(re.search(rf"\$\{{?{re.escape(name)}\b", path.read_text()) for path in LAUNCHERS)


def test_the_configuration_table_names_every_variable_a_process_reads():
    documented = documented_variables()
    missing = sorted(
        v for v in variables_read_by_processes() if not any(fnmatchcase(v, d) for d in documented)
    )
    assert not missing, f"read by the code but not in the README's configuration table: {missing}"


def test_the_configuration_table_names_nothing_else():
    read = variables_read_by_processes()
    stale = sorted(
        d
        for d in documented_variables()
        if not (any(fnmatchcase(v, d) for v in read) or read_by_launchers(d))
    )
    assert not stale, f"in the README's configuration table but read by nothing: {stale}"
