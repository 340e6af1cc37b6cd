"""The report: system causes with the leaders' modules, skill gaps with modules, the verdict."""

from __future__ import annotations

from lms.insights.domain.aggregation import DiagnosticGap, Thresholds, summarise
from lms.insights.domain.report import Counts, ModuleRef, build_report, suppressed

LEADERS = "training-that-targets-the-real-need"
MODULES = [
    ModuleRef(
        "lc",
        LEADERS,
        "m-metrics",
        "metrics-that-work-against-service",
        "Metrics",
        ("choosing-service-metrics",),
    ),
    ModuleRef("lc", LEADERS, "m-load", "supporting-emotional-load", "Load", ("supporting-emotional-labour",)),
    ModuleRef(
        "lc", LEADERS, "m-policy", "policies-that-trap-staff", "Policy", ("designing-call-boundaries",)
    ),
    ModuleRef(
        "qs",
        "questioning-skills",
        "m-impact",
        "things-and-people",
        "Things and people",
        ("asking-about-impact",),
    ),
    ModuleRef(
        "qs", "questioning-skills", "m-lang", "positive-language", "Positive language", ("positive-language",)
    ),
]


def team_of_eight() -> list[dict[str, float]]:
    rushed = {"system:metrics": 1.0, "wellbeing:emotional-load": 0.75, "system:policy": 0.25}
    calm = {"system:metrics": 0.25, "wellbeing:emotional-load": 0.25, "system:policy": 0.0}
    return [rushed] * 6 + [calm] * 2


def test_the_report_names_system_causes_with_leader_modules_and_recommends_skill_modules():
    gaps = [DiagnosticGap("asking-about-impact", 8, 0.75, 0.4)]
    report = build_report(
        Counts(8, 8, 8), summarise(team_of_eight(), Thresholds()), gaps, MODULES, LEADERS, Thresholds()
    )
    system = {c["cause"]: [m["module_id"] for m in c["leader_modules"]] for c in report["system_causes"]}
    assert system == {"system:metrics": ["m-metrics"], "wellbeing:emotional-load": ["m-load"]}
    (gap,) = report["skill_gaps"]
    assert gap["competency"] == "asking-about-impact"
    assert [m["module_id"] for m in gap["recommended_modules"]] == ["m-impact"]
    assert "Training alone will not fix" in report["verdict"]
    assert "system:metrics" in report["verdict"]
    assert "wellbeing:emotional-load" in report["verdict"]
    assert "asking-about-impact" in report["verdict"]


def test_a_report_with_no_cause_reported_by_most_says_training_would_not_target_a_need():
    calm = [{"system:metrics": 0.0}] * 6
    report = build_report(Counts(6, 6, 6), summarise(calm, Thresholds()), [], MODULES, LEADERS, Thresholds())
    assert report["system_causes"] == []
    assert report["skill_gaps"] == []
    assert "would not target" in report["verdict"]


def test_a_group_under_the_minimum_is_suppressed():
    assert suppressed(Counts(4, 4, 4), Thresholds())
    assert not suppressed(Counts(9, 5, 5), Thresholds())
