"""The needs-analysis surveys under courses/ load, validate and publish with the assessment
service's own schema and rules, and every item measures something insights reports on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lms.assessment.api.definition_schemas import AssessmentIn
from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.validation import publish_problems

COURSES = Path(__file__).parents[2] / "courses"
SURVEYS = sorted(
    path
    for path in COURSES.glob("*/assessments/*.yaml")
    if yaml.safe_load(path.read_text()).get("kind") == "survey"
)
CAUSES = {
    "system:metrics",
    "system:policy",
    "system:tools-knowledge",
    "wellbeing:emotional-load",
    "wellbeing:difficult-contacts",
}


def test_the_service_needs_check_and_the_leader_questionnaire_are_there():
    assert {p.stem for p in SURVEYS} == {"service-needs-check", "leader-operations-questionnaire"}


@pytest.mark.parametrize("path", SURVEYS, ids=[p.stem for p in SURVEYS])
def test_the_survey_loads_and_would_publish(path: Path):
    body = AssessmentIn().load(yaml.safe_load(path.read_text()))
    assert publish_problems(parse_assessment(body)) == {}


@pytest.mark.parametrize("path", SURVEYS, ids=[p.stem for p in SURVEYS])
def test_every_cause_is_measured_by_the_team_survey(path: Path):
    measured = {item.get("measures") for item in yaml.safe_load(path.read_text())["items"]}
    if path.stem == "service-needs-check":
        assert measured >= CAUSES
    assert measured - {None}
