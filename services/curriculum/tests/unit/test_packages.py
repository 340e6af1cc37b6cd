"""Packages: export/import round trips and the changes an import makes, without I/O."""

from __future__ import annotations

import copy
import uuid

from lms.curriculum.domain.building import Keys, slugify
from lms.curriculum.domain.packages import diff, document_to_package, package_to_document

COURSE = str(uuid.uuid4())
PACKAGE = {
    "slug": "questioning",
    "title": "Questioning skills",
    "summary": "Ask about people, not only things.",
    "topics": ["questioning-skills"],
    "competencies": ["impact-questions"],
    "modules": [
        {
            "key": "things-and-people",
            "title": "Things and people",
            "summary": "",
            "required": True,
            "competencies": ["impact-questions"],
            "assessment_slug": "questioning-m1-quiz",
            "lessons": [
                {
                    "key": "impact",
                    "title": "Impact",
                    "kind": "text",
                    "body": "Ask what it means.",
                    "duration_min": 8,
                    "competencies": [],
                },
                {
                    "key": "practice",
                    "title": "Practice",
                    "kind": "activity",
                    "body": "Try it.",
                    "duration_min": 5,
                    "competencies": [],
                },
            ],
        }
    ],
}


def test_a_package_exports_back_to_itself():
    document = package_to_document(PACKAGE, COURSE)
    assert package_to_document(document_to_package(document), COURSE) == document
    assert diff(document, package_to_document(document_to_package(document), COURSE)) == []


def test_an_unchanged_package_makes_no_changes():
    assert (
        diff(package_to_document(PACKAGE, COURSE), package_to_document(copy.deepcopy(PACKAGE), COURSE)) == []
    )


def test_changes_are_named_one_per_line():
    changed = copy.deepcopy(PACKAGE)
    changed["title"] = "Questioning skills, revised"
    changed["modules"][0]["lessons"][0]["body"] = "Ask what it means for them."
    changed["modules"][0]["lessons"].reverse()
    changed["modules"].append({**copy.deepcopy(PACKAGE["modules"][0]), "key": "positive-language"})
    changes = diff(package_to_document(PACKAGE, COURSE), package_to_document(changed, COURSE))
    assert changes == [
        "course title changes",
        "lesson things-and-people/'impact': body changes",
        "module 'things-and-people': lessons are reordered",
        "module 'positive-language' is added with 2 lesson(s)",
    ]


def test_removed_modules_and_lessons_are_reported():
    smaller = copy.deepcopy(PACKAGE)
    smaller["modules"][0]["lessons"].pop()
    assert diff(package_to_document(PACKAGE, COURSE), package_to_document(smaller, COURSE)) == [
        "lesson things-and-people/'practice' is removed"
    ]
    assert diff(
        package_to_document(PACKAGE, COURSE), package_to_document(PACKAGE, COURSE).with_fields(modules=[])
    ) == ["module 'things-and-people' is removed"]


def test_a_new_course_is_reported_as_created():
    assert diff(None, package_to_document(PACKAGE, COURSE)) == [
        "course 'questioning' is created with 1 module(s)"
    ]


class CountingSet(set):
    """A set that counts membership checks: the work of handing out keys."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.probes += 1
        return super().__contains__(item)


def test_keys_for_8000_equal_titles_are_unique_and_made_in_linear_time():
    keys = Keys()
    keys._taken = CountingSet()
    made = [keys.make(slugify("Same title")) for _ in range(8000)]
    assert made[:3] == ["same-title", "same-title-2", "same-title-3"]
    assert len(set(made)) == 8000
    assert CountingSet.probes <= 3 * 8000  # linear; the old loop probed ~32 million times


def test_8000_lessons_with_one_title_get_distinct_keys_and_ids():
    lessons = [{"title": "Same title", "body": "x"} for _ in range(8000)]
    package = {"slug": "many", "title": "Many", "modules": [{"key": "m", "title": "M", "lessons": lessons}]}
    built = package_to_document(package, COURSE).modules[0].lessons
    assert len({lesson.key for lesson in built}) == len({lesson.id for lesson in built}) == 8000
