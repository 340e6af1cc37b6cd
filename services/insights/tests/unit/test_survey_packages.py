"""The needs surveys under courses/: every item measures something insights knows and reports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from lms.insights.domain.causes import SYSTEM_CAUSES, competency_of, is_competency, is_known_tag

COURSES = Path(__file__).resolve().parents[4] / "courses"
SURVEYS = {
    "service-needs-check": COURSES / "service-needs-check/assessments/service-needs-check.yaml",
    "leader-operations-questionnaire": COURSES
    / "leader-operations-questionnaire/assessments/leader-operations-questionnaire.yaml",
}


def load(name: str) -> dict:
    return yaml.safe_load(SURVEYS[name].read_text(encoding="utf-8"))


def course_competencies() -> set[str]:
    found: set[str] = set()
    for course in COURSES.glob("*/course.yaml"):
        found |= set(yaml.safe_load(course.read_text(encoding="utf-8"))["competencies"])
    return found


@pytest.mark.parametrize("name", sorted(SURVEYS))
def test_every_item_measures_a_known_cause_or_a_competency_our_courses_teach(name):
    survey = load(name)
    assert survey["kind"] == "survey"
    assert survey["slug"] == name
    ids = [item["id"] for item in survey["items"]]
    assert len(ids) == len(set(ids))
    taught = course_competencies()
    for item in survey["items"]:
        assert item["kind"] in {"likert", "single_choice"}, item["id"]
        assert is_known_tag(item["measures"]), item["id"]
        if is_competency(item["measures"]):
            assert competency_of(item["measures"]) in taught, item["id"]
        for option in item.get("options", []):
            assert 0 <= option["value"] <= 1, item["id"]


def test_the_team_survey_measures_every_cause_with_at_least_two_items_and_asks_no_free_text():
    measured = Counter(item["measures"] for item in load("service-needs-check")["items"])
    for cause in SYSTEM_CAUSES:
        assert measured[cause] >= 2, cause
    assert measured["competency:asking-about-impact"] >= 2


def test_the_leader_questionnaire_asks_about_targets_rules_recovery_and_what_is_measured():
    measured = Counter(item["measures"] for item in load("leader-operations-questionnaire")["items"])
    assert measured["system:metrics"] >= 3  # handle time, volume, whether FCR and satisfaction are measured
    assert measured["system:policy"] >= 1
    assert measured["wellbeing:emotional-load"] >= 1
