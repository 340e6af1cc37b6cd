"""A world for the dashboard's tests, told the way a team leader lives it.

In May a manager ran a needs analysis in "Customer care, north" (eight people: most say call-time
targets get in the way) and one in "Returns desk" (four people: too few to show). In July most
of north completed "Questioning skills"; its KPIs were reported month by month all year. In
December a second analysis opened in the returns desk. Another manager leads "Billing, east".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select

from lms.insights.db import completions, teams

from .factories import EVENTS, LEADERS_COURSE, QUESTIONING_COURSE, completed, course, team
from .test_kpis import month_rows
from .test_needs_analyses import answer, known, open_analysis, release

MAY = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
REPORTING = {  # cause -> how many of the eight report it
    "system:metrics": 6,
    "wellbeing:emotional-load": 5,
    "competency:asking-about-impact": 5,
    "wellbeing:difficult-contacts": 4,
    "system:policy": 3,
    "system:tools-knowledge": 2,
    "competency:question-sequencing": 2,
}
KPIS = {
    "csat": [3.9, 4.0, 3.8, 4.0, 3.9, 3.9, 4.0, 4.2, 4.3, 4.4, 4.3, 4.4],
    "fcr": [0.62, 0.60, 0.63, 0.61, 0.60, 0.62, 0.64, 0.70, 0.72, 0.71, 0.73, 0.74],
    "aht_seconds": [312, 305, 318, 309, 315, 311, 320, 335, 331, 340, 338, 342],
}
COMPLETION_DAYS = [6, 9, 14, 20, 27, 31]  # July: five of eight by the 27th, so the window closes then


@dataclass
class World:
    lead: tuple[str, str]
    other_lead: tuple[str, str]
    hr: tuple[str, str]
    north: str = ""
    returns: str = ""
    east: str = ""
    north_members: list[str] = field(default_factory=list)
    questioning: str = ""
    north_analysis: str = ""
    returns_analysis: str = ""
    returns_open: str = ""

    @property
    def learner(self) -> tuple[str, str]:
        return (self.north_members[0], "learner")


def eight_responses() -> list[dict[str, float]]:
    """Eight anonymous responses in which each cause is reported by REPORTING[cause] people."""
    return [{tag: (1.0 if i < reporting else 0.25) for tag, reporting in REPORTING.items()} for i in range(8)]


def add_team(bus, engine, name: str, size: int, manager: str) -> tuple[str, list[str]]:
    team_id, members = str(uuid.uuid4()), [f"agent-{uuid.uuid4().hex[:8]}" for _ in range(size)]
    bus.send(EVENTS["team"], team(team_id, members, manager, name=name))
    bus.settle(lambda: known(engine, teams, teams.c.team_id, team_id))
    return team_id, members


def completions_of(engine, course_id: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).where(completions.c.course_id == course_id)) or 0


def build(api, bus, engine, clock) -> World:
    run = uuid.uuid4().hex[:6]
    world = World(
        lead=(f"lead-{run}", "manager"), other_lead=(f"lead2-{run}", "manager"), hr=(f"hr-{run}", "hr")
    )
    questioning = course(QUESTIONING_COURSE)
    world.questioning = questioning["course_id"]
    bus.send(EVENTS["course"], course(LEADERS_COURSE))
    bus.send(EVENTS["course"], questioning)
    world.north, world.north_members = add_team(bus, engine, "Customer care, north", 8, world.lead[0])
    world.returns, returns_members = add_team(bus, engine, "Returns desk", 4, world.lead[0])
    world.east, _ = add_team(bus, engine, "Billing, east", 5, world.other_lead[0])

    today = clock.now
    clock.now = MAY
    world.returns_analysis = open_analysis(api, clock, world.lead, world.returns)["id"]
    world.north_analysis = open_analysis(api, clock, world.lead, world.north)["id"]
    answer(bus, engine, world.returns_analysis, returns_members)
    answer(bus, engine, world.north_analysis, world.north_members)
    clock.advance(days=14)
    assert api.post(f"/needs-analyses/{world.returns_analysis}/close", world.lead).status_code == 200
    clock.advance(minutes=5)
    assert api.post(f"/needs-analyses/{world.north_analysis}/close", world.lead).status_code == 200
    release(bus, engine, world.returns_analysis, [eight_responses()[0]] * 4)  # assessment, after closing
    release(bus, engine, world.north_analysis, eight_responses())
    clock.now = today
    world.returns_open = open_analysis(api, clock, world.lead, world.returns)["id"]

    for member, day in zip(world.north_members, COMPLETION_DAYS, strict=False):
        at = datetime(2026, 7, day, 10, tzinfo=UTC)
        bus.send(EVENTS["completed"], completed(member, world.questioning, at))
    for metric, values in KPIS.items():
        reply = api.post("/kpis", (f"ops-{run}", "ops"), json=month_rows(world.north, metric, values))
        assert reply.status_code == 200, reply.get_json()
    bus.settle(lambda: completions_of(engine, world.questioning) == len(COMPLETION_DAYS))
    return world
