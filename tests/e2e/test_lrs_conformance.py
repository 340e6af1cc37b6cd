"""ADL's LRS conformance suite, against the record store through the gateway, for xAPI 1.0.3 and 2.0.

The suite is the standards body's own referee. It lives read-only in the `shared/` folder beside
the checkout (`LMS_LRS_CONFORMANCE_SUITE` names another copy); this test copies it under
`.run/`, installs its npm dependencies there once (again only when its package.json changes),
and runs it as an LRS client would: HTTP Basic with an API key that has the `xapi` scope. Both
versions run side by side; each prints the suite's summary and fails on any failed test that is
not argued, with the specification's text, as an error of the suite in docs/decisions/.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
COPY = ROOT / ".run" / "adl-lrs-conformance"
DECISION = ROOT / "docs" / "decisions" / "0083-xapi-version-of-a-request-that-names-none.md"
VERSIONS = ("1.0.3", "2.0.0")
DEADLINE_S = 1500
# (version, test title) -> why the failure is the suite's error (see DECISION)
ARGUED = {
    ("1.0.3", f'should fail when Statement {method} without header "X-Experience-API-Version"'): DECISION
    for method in ("GET", "POST", "PUT")
}


def installed_copy(source: Path) -> Path:
    """The suite under .run/ with its dependencies (copied and installed only when it changed)."""
    stamp = hashlib.sha256((source / "package.json").read_bytes()).hexdigest()
    if not (COPY / ".installed").exists() or (COPY / ".installed").read_text() != stamp:
        shutil.rmtree(COPY, ignore_errors=True)
        shutil.copytree(source, COPY)
        for path in [COPY, *COPY.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=COPY, check=True, timeout=900)
        (COPY / ".installed").write_text(stamp)
    return COPY


@pytest.fixture(scope="module")
def credentials(suite) -> tuple[str, str]:
    """An API key with the `xapi` scope, as HTTP Basic's user (its prefix) and password (the key)."""
    with suite.client("conformance-admin", "admin") as admin:
        created = admin.post(
            "/api-keys", json={"name": "ADL conformance suite", "roles": ["learner"], "scopes": ["xapi"]}
        )
    assert created.status_code == 201, created.text
    return created.json()["key_prefix"], created.json()["key"]


@pytest.fixture(scope="module")
def runs(suite, credentials, shared_tools) -> Iterator[dict[str, tuple[subprocess.Popen, Path, float]]]:
    """Both versions' runs, started together; each test waits for its own."""
    copy = installed_copy(
        shared_tools("adl-lrs-conformance", "bin/console_runner.js", "LMS_LRS_CONFORMANCE_SUITE")
    )
    user, password = credentials
    started = {}
    for version in VERSIONS:
        output = copy / f"run-{version}.txt"
        command = [
            "node",
            "bin/console_runner.js",
            "-e",
            f"{suite.url}/xapi",
            "-a",
            "-u",
            user,
            "-p",
            password,
        ]
        with output.open("w") as sink:
            process = subprocess.Popen(
                [*command, "-x", version, "-z"], cwd=copy, stdout=sink, stderr=subprocess.STDOUT
            )
        started[version] = (process, output, time.monotonic())
    yield started
    for process, _, _ in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("version", VERSIONS)
def test_the_record_store_passes_adl_conformance_suite(runs, version, capsys):
    process, output, started = runs[version]
    process.wait(timeout=DEADLINE_S)
    took = time.monotonic() - started
    text = output.read_text()
    found = re.search(r"Full run log written to (\S+)", text)
    assert found, text[-4000:]
    report = json.loads(Path(found.group(1)).read_text())
    summary = report["summary"]
    failed = failures(report.get("log"))  # with -z the log holds failures only, and is absent without them
    unargued = [(title, error) for title, error in failed if (version, title) not in ARGUED]
    with capsys.disabled():  # the summary shows in CI's log, passed or not
        print(
            f"\nADL LRS conformance, xAPI {version}: {summary['passed']} passed, {summary['failed']} failed "
            f"of {summary['total']} ({len(failed) - len(unargued)} argued in docs/decisions) in {took:.0f} s"
        )
    assert not unargued, "\n".join(f"{title}: {error}" for title, error in unargued)
    assert summary["total"], summary
    assert summary["passed"] + summary["failed"] == summary["total"], summary


def test_each_argued_failure_is_argued_in_its_decision_record():
    for (_, title), record in ARGUED.items():
        assert title in record.read_text(), f"{record.name} does not argue {title!r}"


def failures(node: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(title, error) of every failed test of the suite's log."""
    if not node:
        return []
    tests = node.get("tests") or []
    if not tests:
        return [(node.get("title") or "", node.get("error") or "")] if node.get("status") == "failed" else []
    return [failure for child in tests for failure in failures(child)]
