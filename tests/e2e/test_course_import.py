"""The flagship courses go into a running suite through the gateway, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest

from lms.tools.importer import Importer

pytestmark = pytest.mark.integration
COURSES = Path(__file__).parents[2] / "courses"


def test_importing_all_four_courses_twice_publishes_nothing_the_second_time(suite):
    with suite.client("importer", "author", root=True) as author:
        first = Importer(author).run([COURSES], progress=False)
        second = Importer(author).run([COURSES], progress=False)

    assert sorted(r.slug for r in first) == [
        "emotional-coping",
        "internal-customer-service",
        "questioning-skills",
        "training-that-targets-the-real-need",
    ]
    assert all(r.course_version == 1 for r in first)
    assert sum(len(r.assessments_published) for r in first) == 24
    assert [(r.course_version, r.assessments_published, r.changes) for r in second] == [(None, [], [])] * 4

    with suite.client("lee", "learner") as learner:
        catalogue = learner.get("/courses", params={"page_size": 50}).json()
    assert {c["slug"] for c in catalogue["items"]} >= {r.slug for r in first}
    assert all(c["version"] == 1 for c in catalogue["items"])
