"""The leader dashboard in headless Chromium: the page loads real data and draws every chart.

A screenshot is kept at `.run/test-artefacts/insights-dashboard.png`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from lms.kit.auth import mint_token

from .conftest import JWT
from .factories import EVENTS, LEADERS_COURSE, completed, course
from .test_kpis import month_rows
from .test_needs_analyses import RUSHED, answer, open_analysis, open_team

ARTEFACTS = Path(__file__).resolve().parents[4] / ".run" / "test-artefacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=20000",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; installed with apt-get when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.fail("the dashboard test needs Debian's chromium: run `apt-get install -y chromium` as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, timeout=1200, env=env)
    return shutil.which("chromium") or pytest.fail("apt-get installed no chromium binary")


@contextmanager
def serving(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)


def browse(chromium: str, url: str, profile: Path, *extra: str) -> str:
    command = [chromium, *FLAGS, f"--user-data-dir={profile}", *extra, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout


def seed(api, bus, engine, clock) -> tuple[str, str, str, str]:
    lead = f"lead-{uuid.uuid4().hex[:6]}"
    bus.send(EVENTS["course"], course(LEADERS_COURSE))
    team_id, members = open_team(bus, engine, 6, lead)
    analysis = open_analysis(api, clock, (lead, "manager"), team_id)
    answer(bus, engine, analysis["id"], members, [RUSHED] * 6)
    api.post(f"/needs-analyses/{analysis['id']}/close", (lead, "manager"))
    course_id = str(uuid.uuid4())
    for day, learner in enumerate(members[:4], start=3):
        bus.send(EVENTS["completed"], completed(learner, course_id, datetime(2026, 7, day * 4, tzinfo=UTC)))
    for metric, values in {
        "csat": [3.9, 4.0, 3.8, 4.0, 4.1, 3.9, 4.0, 4.0, 4.3, 4.4, 4.5, 4.4],
        "aht_seconds": [240, 235, 250, 245, 240, 238, 300, 320, 330, 325, 335, 340],
    }.items():
        api.post("/kpis", (f"ops-{lead}", "ops"), json=month_rows(team_id, metric, values))
    bus.settle(
        lambda: (
            api.get(f"/teams/{team_id}/impact?course_id={course_id}", (lead, "manager")).get_json()["window"][
                "completed"
            ]
            == 4
        )
    )
    return lead, team_id, course_id, analysis["id"]


def test_the_dashboard_draws_causes_completions_and_each_kpi_with_the_window(
    api, bus, engine, clock, chromium, tmp_path
):
    lead, team_id, course_id, analysis_id = seed(api, bus, engine, clock)
    token = mint_token(JWT, lead, ["manager"])
    fragment = f"#token={token}&team_id={team_id}&course_id={course_id}&needs_analysis_id={analysis_id}"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "insights-dashboard.png"
    shot.unlink(missing_ok=True)
    with serving(api.app) as url:
        dom = browse(chromium, url + "/dashboard" + fragment, tmp_path / "p1", "--dump-dom")
        browse(
            chromium,
            url + "/dashboard" + fragment,
            tmp_path / "p2",
            f"--screenshot={shot}",
            "--window-size=1280,2400",
            "--hide-scrollbars",
        )
    assert 'data-rendered="true"' in dom, dom[-2000:]
    for chart in ("causes", "completions", "kpi-0", "kpi-1"):
        section = re.search(
            rf'<div id="{chart}"[^>]*>(.*?)</div>\s*(?:</div>|<h2|<p|<div id="kpi)', dom, re.S
        )
        assert section is not None, f"no {chart} section"
        assert "<svg" in section.group(1), f"the {chart} chart was not drawn"
    assert "system:metrics" in dom
    assert "aht_seconds" in dom
    assert token not in dom
    assert shot.exists()
    assert shot.stat().st_size > 10_000
