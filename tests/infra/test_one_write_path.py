"""Every service writes one way and refuses one way (issue 24, decision 0102):

- state and events go through the kit's unit of work (`lms.kit.uow.UnitOfWork`): no service
  opens a transaction of its own (`sessions.begin()`), commits one but through its unit
  (`uow.commit()`), or adds an event but by `uow.announce` (the outbox is the kit's inside);
- every refusal is a `lms.kit.errors.DomainError`, whose class carries its HTTP status: no
  service keeps a table of statuses, and use cases return results, not statuses.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

from lms.kit.errors import DomainError

ROOT = Path(__file__).parents[2]
SERVICES = sorted(p.name for p in (ROOT / "services").iterdir() if (p / "src" / "lms" / p.name).is_dir())
FORBIDDEN = {
    r"\.begin\(\)": "a transaction opened by hand: use ctx.uow()",
    r"(?<!\buow)\.commit\(\)": "a commit outside a unit of work: uow.commit()",
    r"\.add_event\(": "an event added past the unit of work: uow.announce(EventType, data)",
    r"^STATUS\s*=\s*\{": "a table of HTTP statuses: the kit's errors carry theirs",
}
# a use case answers what happened; the API layer picks 200 or 201
RETURNS_STATUS = re.compile(r"return\b.*[(,]\s*20[0-9]\s*([,)]|$)")


def modules(service: str) -> list[Path]:
    src = ROOT / "services" / service / "src" / "lms" / service
    return sorted(p for p in src.rglob("*.py") if "migrations" not in p.parts)


def use_case_modules(service: str) -> list[Path]:
    return [p for p in modules(service) if "service" in p.parts or "processes" in p.parts]


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("pattern", sorted(FORBIDDEN))
def test_a_service_writes_and_refuses_only_through_the_kit(service, pattern):
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in modules(service)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(pattern, line)
    ]
    assert not found, f"{FORBIDDEN[pattern]}:\n" + "\n".join(found)


@pytest.mark.parametrize("service", SERVICES)
def test_use_cases_return_results_not_http_statuses(service):
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in use_case_modules(service)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if RETURNS_STATUS.search(line)
    ]
    assert not found, "a use case returning an HTTP status:\n" + "\n".join(found)


@pytest.mark.parametrize("service", SERVICES)
def test_every_refusal_of_a_service_is_a_kit_domain_error(service):
    src = ROOT / "services" / service / "src"
    refusals = []
    for path in src.rglob("errors.py"):
        module = importlib.import_module(".".join(path.relative_to(src).with_suffix("").parts))
        refusals += [
            kind
            for _, kind in inspect.getmembers(module, inspect.isclass)
            if issubclass(kind, Exception) and kind.__module__ == module.__name__
        ]
    assert refusals, f"{service} declares no refusals"
    strays = [kind.__qualname__ for kind in refusals if not issubclass(kind, DomainError)]
    assert not strays, f"{strays} are not lms.kit.errors.DomainError: their status would need a table"


def test_only_the_unit_of_work_adds_events():
    kit = ROOT / "libs" / "kit" / "src" / "lms" / "kit"
    callers = sorted(p.name for p in kit.rglob("*.py") if ".add_event(" in p.read_text())
    assert callers == ["uow.py"]


def test_the_services_are_found():
    assert {"assessment", "curriculum", "insights", "people", "progress", "records"} <= set(SERVICES)
