"""Every flagship course package, checked with the services' own schemas and grading rules."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.grading import grade_attempt
from lms.assessment.domain.model import ChoiceItem, ScenarioItem, TrueFalseItem
from lms.assessment.domain.responses import Answer
from lms.assessment.domain.scenario import best_score, walk
from lms.assessment.domain.validation import publish_problems as assessment_problems
from lms.curriculum.api.schemas import PackageIn
from lms.curriculum.domain.packages import package_to_document
from lms.curriculum.domain.publishing import publish_problems as course_problems
from lms.tools.coursepack import CoursePack, discover, load

COURSES = discover([Path(__file__).parents[2] / "courses"])
PACKS = {folder.name: load(folder) for folder in COURSES}
EXERCISE = re.compile(r"^## (Exercise|Reflection)\b", re.MULTILINE)


def test_there_are_four_flagship_courses():
    assert sorted(PACKS) == [
        "emotional-coping",
        "internal-customer-service",
        "questioning-skills",
        "training-that-targets-the-real-need",
    ]


@pytest.fixture(params=sorted(PACKS))
def pack(request) -> CoursePack:
    return PACKS[request.param]


def quizzes(pack: CoursePack) -> list:
    return [parse_assessment(a) for a in pack.assessments if a["kind"] == "quiz"]


def test_the_package_validates_and_would_publish(pack):
    loaded = PackageIn().load(pack.course)
    document = package_to_document(loaded, "00000000-0000-4000-8000-000000000000")
    known = {f"id-{a['slug']}": a["slug"] for a in pack.assessments}
    assert course_problems(document, known) == {}
    for definition in pack.assessments:
        assert assessment_problems(parse_assessment(definition)) == {}, definition["slug"]


def test_shape_four_to_six_modules_of_two_to_four_lessons_with_competencies_and_a_quiz(pack):
    modules = pack.course["modules"]
    assert 4 <= len(modules) <= 6
    slugs = {a["slug"] for a in pack.assessments}
    for module in modules:
        assert 2 <= len(module["lessons"]) <= 4, module["key"]
        assert module["competencies"], module["key"]
        assert module["assessment_slug"] in slugs


def test_every_lesson_is_250_to_700_words_and_ends_with_an_exercise_or_reflection(pack):
    for module, lesson in pack.lessons():
        words = len(lesson["body"].split())
        assert 250 <= words <= 700, f"{module['key']}/{lesson['key']}: {words} words"
        headings = re.findall(r"^## .*$", lesson["body"], re.MULTILINE)
        assert headings, f"{lesson['key']} has no sections"
        assert EXERCISE.match(headings[-1]), f"{lesson['key']} does not end with an exercise or reflection"


def test_each_quiz_has_six_items_a_scenario_and_feedback_on_every_option(pack):
    for quiz in quizzes(pack):
        assert len(quiz.items) >= 6, quiz.slug
        assert any(isinstance(item, ScenarioItem) for item in quiz.items), quiz.slug
        for item in quiz.items:
            if isinstance(item, ChoiceItem):
                assert all(option.feedback for option in item.options), item.id
            if isinstance(item, ScenarioItem):
                assert all(o.feedback for step in item.steps for o in step.options), item.id


def test_every_scenario_path_ends_and_the_best_path_scores_the_maximum(pack):
    scenarios = [
        i
        for q in [parse_assessment(a) for a in pack.assessments]
        for i in q.items
        if isinstance(i, ScenarioItem)
    ]
    assert scenarios
    for item in scenarios:
        scores = [walk(item, path).score for path in all_paths(item)]
        assert max(scores) == best_score(item), item.id
        assert all(walk(item, path).ended for path in all_paths(item)), item.id


def all_paths(item: ScenarioItem) -> list[list[str]]:
    steps = {step.id: step for step in item.steps}
    paths: list[list[str]] = []

    def extend(step_id: str | None, taken: list[str]) -> None:
        if step_id is None:
            paths.append(taken)
            return
        for option in steps[step_id].options:
            extend(option.next, [*taken, option.id])

    extend(item.start, [])
    return paths


def test_every_quiz_can_be_passed_and_failed(pack):
    for quiz in quizzes(pack):
        best = grade_attempt(quiz, {i.id: answer(i, best=True) for i in quiz.items})
        worst = grade_attempt(quiz, {i.id: answer(i, best=False) for i in quiz.items})
        assert best.passed, f"{quiz.slug}: the best answers score {best.percent}"
        assert not worst.passed, f"{quiz.slug}: the worst answers still pass ({worst.percent})"


def answer(item, best: bool) -> Answer:
    if isinstance(item, ChoiceItem):
        picks = [o.id for o in item.options if o.correct == best]
        if item.kind == "single_choice":
            picks = picks[:1]
        return Answer(item.id, {"option_ids": picks})
    if isinstance(item, TrueFalseItem):
        return Answer(item.id, {"value": item.correct if best else not item.correct})
    if isinstance(item, ScenarioItem):
        pick = max if best else min
        path = pick(all_paths(item), key=lambda p: walk(item, p).score)
        return Answer(item.id, {"option_ids": path})
    return Answer(item.id, {"text": "A reflection."} if item.kind == "free_text" else {"value": 3})


def test_every_module_competency_appears_in_the_course_diagnostic(pack):
    (diagnostic,) = [a for a in pack.assessments if a["kind"] == "diagnostic"]
    assert diagnostic["slug"] == pack.course["diagnostic_slug"]
    covered = {item.get("competency") for item in diagnostic["items"]}
    kinds = {item["kind"] for item in diagnostic["items"]}
    assert {"likert", "scenario"} <= kinds
    for module in pack.course["modules"]:
        assert set(module["competencies"]) <= covered, module["key"]


def test_competencies_of_modules_are_distinct_within_a_course(pack):
    seen = list(itertools.chain.from_iterable(m["competencies"] for m in pack.course["modules"]))
    assert len(seen) == len(set(seen))
