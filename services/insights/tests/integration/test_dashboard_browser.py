"""The leader dashboard in headless Chromium, on real data: it opens on what the viewer may see
and draws every chart without anyone typing an id, at desktop and at phone width.

Screenshots are kept in `.run/test-artefacts/`, or in `$LMS_DASHBOARD_SHOTS` (README: the
committed ones under `docs/images/` are made by this test).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lms.kit.auth import mint_token
from lms.testing.browser import Browser, chromium_binary
from lms.testing.servers import serving

from .conftest import JWT
from .dashboard_world import World, build

ARTEFACTS = Path(__file__).resolve().parents[4] / ".run" / "test-artefacts"
TAGS = ("system:", "wellbeing:", "competency:")
READY = "['ready', 'empty', 'error'].includes(document.body?.dataset.state) && document.body.dataset.state"
SVG_IN = "!!document.querySelector('#{} svg')"
SELECTED = "(() => {{ const s = document.getElementById('{}'); return s.options[s.selectedIndex].text; }})()"
CHOOSE = """(() => {{
  const s = document.getElementById('{select}');
  s.value = {value};
  s.dispatchEvent(new Event('change'));
}})()"""
OVERFLOW = """(() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('svg, section, select, p')]
    .filter(e => e.getBoundingClientRect().right > width + 1).map(e => e.id || e.tagName);
  return {width, scroll: document.documentElement.scrollWidth, wide};
})()"""


@pytest.fixture(scope="session")
def chromium() -> str:
    return chromium_binary()


@pytest.fixture
def world(api, bus, engine, clock) -> World:
    return build(api, bus, engine, clock)


def shots() -> Path:
    folder = Path(os.environ.get("LMS_DASHBOARD_SHOTS") or ARTEFACTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def token_of(who: tuple[str, str]) -> str:
    return mint_token(JWT, who[0], [who[1]])


def test_a_manager_opens_on_their_team_with_every_chart_drawn_and_no_id_typed(api, world, chromium, tmp_path):
    token = token_of(world.lead)
    with serving(api.app) as url, Browser(chromium, tmp_path / "profile") as page:
        page.open(f"{url}/dashboard#token={token}", 1100, 900)
        assert page.wait_for(READY) == "ready", page.evaluate("document.getElementById('status').textContent")
        selected = {
            name: page.evaluate(SELECTED.format(name))
            for name in ("team_id", "needs_analysis_id", "course_id")
        }
        teams = page.evaluate("[...document.getElementById('team_id').options].map(o => o.text)")
        drawn = {
            chart: page.evaluate(SVG_IN.format(chart))
            for chart in ("causes", "completions", "kpi-0", "kpi-1", "kpi-2")
        }
        html = page.evaluate("document.documentElement.outerHTML")
        findings = page.evaluate("document.getElementById('findings').innerText")
        page.screenshot(shots() / "dashboard-manager.png")

        page.open(f"{url}/dashboard#token={token}", 390, 844, mobile=True)
        assert page.wait_for(READY) == "ready"
        assert page.wait_for(SVG_IN.format("kpi-2"))
        phone = page.evaluate(OVERFLOW)
        page.screenshot(shots() / "dashboard-manager-phone.png")

    assert selected == {
        "team_id": "Customer care, north (8 people)",
        "needs_analysis_id": "Closed 18 May 2026",
        "course_id": "Questioning skills",
    }
    assert teams == ["Customer care, north (8 people)", "Returns desk (4 people)"]
    assert all(drawn.values()), drawn
    assert "call-time targets" in html
    assert "Average handle time (seconds)" in html
    assert not [tag for tag in TAGS if tag in html]
    assert token not in html
    assert "training alone will not fix these" in findings
    assert "Metrics that work against service" in findings
    assert phone["scroll"] <= phone["width"], phone
    assert not phone["wide"], phone


def test_choosing_a_small_team_shows_it_is_too_small_and_a_viewer_with_no_team_is_told_so(
    api, world, chromium, tmp_path
):
    with serving(api.app) as url, Browser(chromium, tmp_path / "profile") as page:
        page.open(f"{url}/dashboard#token={token_of(world.lead)}", 1100, 900)
        assert page.wait_for(READY) == "ready"
        page.evaluate(CHOOSE.format(select="team_id", value=json.dumps(world.returns)))
        small = page.wait_for("document.getElementById('causes-note').textContent.includes('Not enough')")
        assert small
        assert page.wait_for(READY) == "ready"
        note = page.evaluate("document.getElementById('causes-note').textContent")
        causes_drawn = page.evaluate(SVG_IN.format("causes"))

        page.open(f"{url}/dashboard#token={token_of(world.learner)}", 1100, 900)
        assert page.wait_for(READY) == "empty"
        told = page.evaluate("document.getElementById('status').textContent")
        sections_hidden = page.evaluate("document.getElementById('sections').hidden")

    assert note.startswith("Not enough responses: 4 answered, and at least 5 are needed")
    assert not causes_drawn
    assert told.startswith("There is no team for you to see here.")
    assert sections_hidden


def test_a_link_naming_the_team_analysis_and_course_opens_on_them(api, world, chromium, tmp_path):
    chosen = f"team_id={world.returns}&needs_analysis_id={world.returns_open}&course_id={world.questioning}"
    with serving(api.app) as url, Browser(chromium, tmp_path / "profile") as page:
        page.open(f"{url}/dashboard#token={token_of(world.hr)}&{chosen}", 1100, 900)
        assert page.wait_for(READY) == "ready"
        selected = {name: page.evaluate(SELECTED.format(name)) for name in ("team_id", "course_id")}
        note = page.evaluate("document.getElementById('causes-note').textContent")
        address = page.evaluate("location.href")

    assert selected == {"team_id": "Returns desk (4 people)", "course_id": "Questioning skills"}
    assert note.startswith("Not available yet: the needs analysis is open until")
    assert "token" not in address
