"""The completion rule, without I/O."""

from __future__ import annotations

from lms.progress.catalog.domain.structure import CourseStructure, parse_structure
from lms.progress.enrolment.domain.completion import Pass, evaluate


def structure(*modules: tuple[str, int, str | None, bool]) -> CourseStructure:
    return parse_structure(
        {
            "title": "Coping",
            "modules": [
                {
                    "module_id": mid,
                    "title": mid.upper(),
                    "required": required,
                    "assessment_id": assessment,
                    "lessons": [{"lesson_id": f"{mid}-l{n}"} for n in range(lessons)],
                }
                for mid, lessons, assessment, required in modules
            ],
        }
    )


COURSE = structure(("m1", 2, "quiz-1", True), ("m2", 1, "quiz-2", True), ("m3", 1, None, False))
ALL_LESSONS = {"m1-l0", "m1-l1", "m2-l0", "m3-l0"}


def test_nothing_done_explains_every_required_module():
    result = evaluate(COURSE, set(), {})
    assert not result.completed
    assert result.percent == 0.0
    assert result.explanation == [
        "M1: 2 of 2 lessons to complete; its assessment is not passed yet",
        "M2: 1 of 1 lessons to complete; its assessment is not passed yet",
    ]
    assert [m.status for m in result.modules] == ["not_started"] * 3


def test_lessons_alone_do_not_complete_a_module_with_an_assessment():
    result = evaluate(COURSE, ALL_LESSONS, {"quiz-1": Pass("a1", 0.9)})
    assert [m.completed for m in result.modules] == [True, False, True]
    assert result.explanation == ["M2: its assessment is not passed yet"]
    assert result.percent == 0.8  # 3 of 3 lessons + 1 of 2 assessments in required modules


def test_every_required_module_completes_the_course_and_optional_ones_do_not_matter():
    result = evaluate(COURSE, ALL_LESSONS - {"m3-l0"}, {"quiz-1": Pass("a1", 0.9), "quiz-2": Pass("a2", 0.7)})
    assert result.completed
    assert result.modules[2].status == "not_started"
    assert (result.percent, result.score) == (1.0, 0.8)
    assert result.explanation == ["every required module is completed"]


def test_a_pass_for_another_assessment_is_no_evidence():
    result = evaluate(COURSE, ALL_LESSONS, {"quiz-9": Pass("a9", 1.0)})
    assert not result.completed
    assert result.score is None


def test_lessons_of_other_versions_are_not_part_of_this_one():
    assert COURSE.module_of("m2-l0") == "m2"
    assert COURSE.module_of("gone-lesson") is None
    assert COURSE.lesson_ids == ALL_LESSONS


def test_a_course_of_one_optional_module_is_complete_at_once():
    result = evaluate(structure(("m1", 1, None, False)), set(), {})
    assert (result.completed, result.percent) == (True, 1.0)
