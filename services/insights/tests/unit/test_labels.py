"""One table of labels: every cause and competency the suite knows is named in words, briefly."""

from __future__ import annotations

import yaml

from lms.insights.domain.causes import SYSTEM_CAUSES
from lms.insights.domain.labels import (
    CAUSE_LABELS,
    COMPETENCY_LABELS,
    KIND_LABELS,
    LONGEST,
    kind_of,
    label_of,
)
from lms.insights.service.presenters import with_labels

from .test_survey_packages import COURSES, SURVEYS, course_competencies


def measured_tags() -> set[str]:
    found: set[str] = set()
    for path in SURVEYS.values():
        found |= {item["measures"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]}
    return found


def test_every_cause_a_survey_measures_and_every_competency_a_course_teaches_has_its_own_label():
    assert COURSES.is_dir()
    known = set(CAUSE_LABELS) | {f"competency:{c}" for c in COMPETENCY_LABELS}
    assert measured_tags() <= known
    assert course_competencies() <= set(COMPETENCY_LABELS)
    assert set(SYSTEM_CAUSES) <= set(CAUSE_LABELS)


def test_labels_are_words_not_tags_and_short_enough_for_a_phone():
    labels = [*CAUSE_LABELS.values(), *COMPETENCY_LABELS.values(), *KIND_LABELS.values()]
    assert len(set(labels)) == len(labels)
    slugs = {*CAUSE_LABELS, *COMPETENCY_LABELS}
    for label in labels:
        assert ":" not in label, label
        assert label not in slugs, label
        assert len(label) <= LONGEST, label


def test_causes_are_named_as_people_say_them():
    assert label_of("system:metrics") == "call-time targets"
    assert label_of("system:policy") == "rules that trap staff in calls"
    assert SYSTEM_CAUSES["system:metrics"].label == "call-time targets"
    assert label_of("competency:asking-about-impact") == label_of("asking-about-impact")
    assert kind_of("system:policy") == "how the work is set up"
    assert kind_of("competency:warm-boundaries") == "a skill training can build"


def test_a_competency_the_table_does_not_know_yet_reads_as_the_words_of_its_slug():
    assert label_of("competency:handling-refund-disputes") == "handling refund disputes"


def test_the_report_presenter_labels_causes_system_causes_skill_gaps_and_the_leaders_causes():
    report = {
        "causes": [{"cause": "system:metrics", "share": 0.75}],
        "system_causes": [{"cause": "system:metrics", "label": "an older label"}],
        "skill_gaps": [{"competency": "warm-boundaries"}],
        "leader_questionnaire": {"suppressed": False, "causes": [{"cause": "system:policy"}]},
        "verdict": "unchanged",
    }
    labelled = with_labels(report)
    assert labelled["causes"] == [{"cause": "system:metrics", "share": 0.75, "label": "call-time targets"}]
    assert labelled["system_causes"][0]["label"] == "call-time targets"
    assert labelled["skill_gaps"][0]["label"] == COMPETENCY_LABELS["warm-boundaries"]
    assert labelled["leader_questionnaire"]["causes"][0]["label"] == "rules that trap staff in calls"
    assert labelled["verdict"] == "unchanged"
    assert "label" not in report["causes"][0]  # the frozen report itself is left as it was
