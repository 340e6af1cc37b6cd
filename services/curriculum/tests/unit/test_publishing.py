"""Publish rules and the published event, without I/O."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from lms.contracts import default_registry
from lms.curriculum.domain.building import Keys, make_module
from lms.curriculum.domain.document import Course, stable_id
from lms.curriculum.domain.publishing import (
    missing_assessments,
    publish_problems,
    published_event,
    resolve_assessments,
)

COURSE = str(uuid.uuid4())
QUIZ_ID = "a-1"


def course(*modules: dict) -> Course:
    keys = Keys()
    built = [make_module(COURSE, fields, keys) for fields in modules]
    return Course("coping", "Coping", "How to cope", ["wellbeing"], ["self-care"], built)


def module(title: str = "Noticing", lessons: int = 2, **extra) -> dict:
    return {"title": title, "lessons": [{"title": f"L{n}", "body": "text"} for n in range(lessons)], **extra}


def test_a_course_with_modules_and_lessons_is_publishable():
    assert publish_problems(course(module(), module("Recovering")), {}) == {}


def test_every_problem_is_listed_at_once():
    document = course(module("Empty", lessons=0), module("Quizzed", assessment_slug="missing-quiz"))
    document.title = ""
    problems = publish_problems(document, {})
    assert problems["title"] == ["the course needs a title"]
    assert problems["modules[0]"] == ["module 'Empty' has no lessons"]
    assert "'missing-quiz', which is not published" in problems["modules[1]"][0]


def test_a_course_without_modules_or_required_modules_is_refused():
    assert publish_problems(course(), {}) == {"modules": ["the course has no modules"]}
    assert publish_problems(course(module(required=False)), {}) == {
        "modules": ["at least one module must be required"]
    }


def test_duplicate_keys_and_bad_lessons_are_refused():
    document = course(module("Same"), module("Other"))
    document.modules[1].key = "same"
    document.modules[1].lessons[0].kind = "podcast"
    document.modules[1].lessons[1].body = "  "
    problems = publish_problems(document, {})
    assert "duplicate module key 'same'" in problems["modules"]
    assert problems["modules[1].lessons[0]"] == ["unknown lesson kind 'podcast'"]
    assert problems["modules[1].lessons[1]"] == ["lesson 'L1' has no body"]


def test_a_published_assessment_is_found_by_id_or_slug():
    known = {QUIZ_ID: "coping-m1-quiz"}
    by_slug = course(module(assessment_slug="coping-m1-quiz"))
    by_id = course(module(assessment_id=QUIZ_ID))
    assert publish_problems(by_slug, known) == publish_problems(by_id, known) == {}
    assert resolve_assessments(by_slug, known).modules[0].assessment_id == QUIZ_ID


def test_the_courses_diagnostic_is_resolved_to_its_id_and_a_missing_one_blocks_nothing():
    named = course(module()).with_fields(diagnostic_slug="coping-diagnostic")
    assert missing_assessments(named, {}) == ["coping-diagnostic"]
    assert publish_problems(named, {}) == {}
    assert resolve_assessments(named, {"d-1": "coping-diagnostic"}).diagnostic_id == "d-1"
    assert resolve_assessments(named, {}).diagnostic_id is None


def test_ids_are_stable_for_the_same_keys():
    first, second = course(module("Noticing")), course(module("Noticing"))
    assert first.modules[0].id == second.modules[0].id == stable_id(COURSE, "module", "noticing")
    assert first.modules[0].lessons[1].id == second.modules[0].lessons[1].id


def test_the_published_event_carries_the_whole_structure_and_fits_its_contract():
    document = resolve_assessments(
        course(module(assessment_slug="q", competencies=["noticing"])), {QUIZ_ID: "q"}
    )
    data = published_event(COURSE, 3, document, datetime.now(UTC))
    default_registry().validate("lms.curriculum.course.published.v1", data)
    (only,) = data["modules"]
    assert (only["assessment_id"], only["required"], only["competencies"]) == (QUIZ_ID, True, ["noticing"])
    assert [lesson["lesson_id"] for lesson in only["lessons"]] == [
        ls.id for ls in document.modules[0].lessons
    ]
    assert "body" not in only["lessons"][0]
