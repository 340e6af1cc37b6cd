"""Schemathesis against the merged OpenAPI document, through the gateway of the running suite.

Each role (learner, author, HR) gets the examples, coverage and fuzzing phases with a fixed seed;
any server error, or a reply in a content type the document does not declare, fails that role's
test with schemathesis' report (the whole report is kept in `.run/reports/fuzz-<role>.log`).

The three roles run at once, as three processes of one worker each: CPython 3.11 builds ASTs
with interpreter-wide state, and Hypothesis parses source while describing strategies, so two
threads of one process can trip "AST constructor recursion depth mismatch" inside the tool.
An operation whose `x-roles` leaves a role out answers that role 403 before reading anything,
so that role skips it (its inputs are fuzzed as the roles that may call it): a learner's run
would otherwise spend half its cases on refusals. The run reuses the e2e suite and leaves fuzzed
data behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from lms.gateway.openapi_merge import operations

pytestmark = [pytest.mark.integration, pytest.mark.fuzz]
ROLES = {"learner": "fuzz-learner", "author": "fuzz-author", "hr": "fuzz-hr"}
REPORTS = Path(__file__).resolve().parents[2] / ".run" / "reports"
EXAMPLES_PER_OPERATION = int(os.environ.get("LMS_FUZZ_EXAMPLES", "5"))  # keeps the run near 3 min
DEADLINE_S = 600


def refused_to(role: str, spec: dict) -> list[str]:
    """`METHOD /path` of every operation the document says `role` may not call."""
    return sorted(
        f"{method} {path}"
        for method, path, operation in operations(spec)
        if role not in operation.get("x-roles", [role])
    )


def command(suite, role: str, skipped: list[str]) -> list[str]:
    return [
        str(Path(sys.executable).with_name("st")),
        "run",
        f"{suite.url}/openapi.json",
        "--phases=examples,coverage,fuzzing",
        "--checks=not_a_server_error,content_type_conformance",
        f"--max-examples={EXAMPLES_PER_OPERATION}",
        "--seed=20261201",
        "--workers=1",
        "--request-timeout=20",
        "--suppress-health-check=all",
        "--no-color",
        "--header",
        f"Authorization: Bearer {suite.token(ROLES[role], role)}",
        *(option for name in skipped for option in ("--exclude-name", name)),
    ]


@pytest.fixture(scope="module")
def runs(suite, tmp_path_factory) -> Iterator[dict[str, subprocess.Popen]]:
    """Every role's schemathesis run, started together; each test waits for its own."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    spec = httpx.get(f"{suite.url}/openapi.json", timeout=60).raise_for_status().json()
    started = {}
    for role in ROLES:
        log = (REPORTS / f"fuzz-{role}.log").open("w")
        cwd = tmp_path_factory.mktemp(f"fuzz-{role}")
        started[role] = subprocess.Popen(
            command(suite, role, refused_to(role, spec)), stdout=log, stderr=subprocess.STDOUT, cwd=cwd
        )
        log.close()
    yield started
    for process in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("role", list(ROLES))
def test_no_server_error_and_no_undocumented_content_type(runs, role):
    status = runs[role].wait(timeout=DEADLINE_S)
    report = (REPORTS / f"fuzz-{role}.log").read_text()
    assert status == 0, f"whole report: {REPORTS / f'fuzz-{role}.log'}\n{report[-8000:]}"
