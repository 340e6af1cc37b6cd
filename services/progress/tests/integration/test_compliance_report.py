"""The compliance report of a team and course, for HR and the team's manager: who is compliant,
expiring within 30 days, overdue or never started, named; the CSV neutralises formula cells."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from lms.progress.db import cycles

pytestmark = pytest.mark.integration


def names(report: dict, group: str) -> list[str]:
    return sorted(person["name"] for person in report[group])


def test_the_compliance_report_names_who_is_compliant_expiring_overdue_and_never_started(
    world, compliance_org
):
    org = compliance_org
    ctx = world.client.application.extensions["lms.progress"]
    org.person("boss")
    for name in ("ann", "bob", "cy", "=dee"):
        org.person(name, manager="boss")
    team = org.team("unit", ["ann", "bob", "cy", "=dee"], manager="boss")
    org.person("zed")
    world.drain()
    start = org.clock.now
    org.assign("unit", due_in_days=10, recertify_every_days=60, window_days=20)
    url = f"/api/v1/reports/compliance?team_id={team}&course_id={org.course_id}"
    complete(world, ctx, org.id("ann"), org.lesson_id)

    org.clock.now = start + timedelta(days=5)
    early = world.client.get(url, headers=world.token(org.id("boss"))).get_json()
    assert (early["assigned"], early["compliant_pct"], names(early, "compliant")) == (4, 25.0, ["Ann"])
    assert names(early, "never_started") == ["=Dee", "Bob", "Cy"]

    org.clock.now = start + timedelta(days=9)
    complete(world, ctx, org.id("bob"), org.lesson_id)
    org.clock.now = start + timedelta(days=35)
    late = world.client.get(url, headers=world.token("hr1", "hr")).get_json()
    assert late["compliant_pct"] == 50.0
    assert names(late, "compliant") == ["Ann", "Bob"]
    assert names(late, "expiring_within_30_days") == ["Ann"]
    assert names(late, "overdue") == ["=Dee", "Cy"]
    assert late["never_started"] == []

    assert world.client.get(url, headers=world.token(org.id("zed"))).status_code == 403
    assert world.client.get(url, headers=world.token(org.id("ann"))).status_code == 403
    exported = world.client.get(
        url.replace("compliance?", "compliance.csv?"), headers=world.token(org.id("boss"))
    )
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert sorted(r["name"] for r in rows) == ["'=Dee", "Ann", "Bob", "Cy"]
    assert {r["name"]: r["standing"] for r in rows}["Ann"] == "expiring"


def complete(world, ctx, learner_id: str, lesson_id: str) -> None:
    with ctx.sessions() as session:
        enrolment_id = session.scalar(select(cycles.c.enrolment_id).where(cycles.c.learner_id == learner_id))
    world.complete(learner_id, enrolment_id, lesson_id)
