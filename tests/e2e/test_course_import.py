"""The flagship courses go into a running suite through the gateway, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest

from lms.tools.importer import Importer

pytestmark = pytest.mark.integration
COURSES = Path(__file__).parents[2] / "courses"


def test_importing_the_flagship_courses_the_cmi5_demo_and_the_surveys_twice_publishes_nothing_the_second_time(
    suite,
):
    with suite.client("importer", "author", root=True) as author:
        first = Importer(author).run([COURSES], progress=False)
        second = Importer(author).run([COURSES], progress=False)
    courses = [r for r in first if r.course_version is not None]
    surveys = {r.slug: r.assessments_published for r in first if r.course_version is None}

    assert sorted(r.slug for r in courses) == [
        "emotional-coping",
        "internal-customer-service",
        "questioning-skills",
        "the-minute-after-cmi5",
        "training-that-targets-the-real-need",
    ]
    assert all(r.course_version == 1 for r in courses)
    assert sum(len(r.assessments_published) for r in courses) == 24
    assert surveys == {
        "leader-operations-questionnaire": ["leader-operations-questionnaire"],
        "service-needs-check": ["service-needs-check"],
    }
    assert [(r.course_version, r.assessments_published, r.changes) for r in second] == [(None, [], [])] * 7

    with suite.client("lee", "learner") as learner:
        catalogue = learner.get("/courses", params={"page_size": 50}).json()
    assert {c["slug"] for c in catalogue["items"]} >= {r.slug for r in courses}
    assert all(c["version"] == 1 for c in catalogue["items"])
