"""A needs analysis report from aggregates: causes, skill gaps, system causes and a verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lms.insights.domain.aggregation import CauseSummary, DiagnosticGap, Thresholds, is_finding
from lms.insights.domain.causes import SYSTEM_CAUSES, competency_of, is_competency
from lms.insights.domain.verdict import verdict


@dataclass(frozen=True)
class ModuleRef:
    """A module of the latest published version of a course."""

    course_id: str
    course_slug: str
    module_id: str
    key: str | None
    title: str
    competencies: tuple[str, ...]

    def as_link(self) -> dict[str, Any]:
        return {
            "course_id": self.course_id,
            "course_slug": self.course_slug,
            "module_id": self.module_id,
            "key": self.key,
            "title": self.title,
        }


@dataclass(frozen=True)
class Counts:
    """How many were invited, took part, and answered (anonymously)."""

    invited: int
    participated: int
    respondents: int


def suppressed(counts: Counts, thresholds: Thresholds) -> bool:
    return counts.respondents < thresholds.min_respondents


def too_few(counts: Counts, thresholds: Thresholds) -> str:
    return f"Not enough responses: {counts.respondents} of at least {thresholds.min_respondents} needed."


def too_close_to_an_earlier_report(thresholds: Thresholds) -> str:
    return (
        "An earlier report covered nearly the same people, and this one differs from it by "
        f"fewer than {thresholds.min_respondents} people's diagnostic results, so comparing the two "
        "would reveal theirs."
    )


def build_report(
    counts: Counts,
    summaries: Sequence[CauseSummary],
    gaps: Sequence[DiagnosticGap],
    modules: Sequence[ModuleRef],
    leaders_course_slug: str,
    thresholds: Thresholds,
) -> dict[str, Any]:
    """The aggregates of a big enough group (the caller checks `suppressed` first)."""
    findings = [s for s in summaries if is_finding(s, thresholds)]
    skill = _skill_gaps(findings, gaps, [m for m in modules if m.course_slug != leaders_course_slug])
    leader_modules = [m for m in modules if m.course_slug == leaders_course_slug]
    system = [_system_cause(s, leader_modules) for s in findings if s.cause in SYSTEM_CAUSES]
    return {
        "causes": [
            {"cause": s.cause, "share": s.share, "strength": s.strength, "answered": s.answered}
            for s in summaries
        ],
        "skill_gaps": skill,
        "system_causes": system,
        "verdict": verdict([g["competency"] for g in skill], [c["cause"] for c in system]),
    }


def _skill_gaps(
    findings: Sequence[CauseSummary], gaps: Sequence[DiagnosticGap], modules: Sequence[ModuleRef]
) -> list[dict[str, Any]]:
    sources: dict[str, dict[str, Any]] = {}
    for s in findings:
        if is_competency(s.cause):
            sources.setdefault(competency_of(s.cause), {})["survey_share"] = s.share
    for g in gaps:
        entry = sources.setdefault(g.competency, {})
        entry.update(diagnostic_share_below=g.share_below, members_assessed=g.members_assessed)
    return [
        {"competency": c, **found, "recommended_modules": _teaching(c, modules)}
        for c, found in sorted(sources.items())
    ]


def _teaching(competency: str, modules: Sequence[ModuleRef]) -> list[dict[str, Any]]:
    return [m.as_link() for m in modules if competency in m.competencies]


def _system_cause(summary: CauseSummary, leader_modules: Sequence[ModuleRef]) -> dict[str, Any]:
    cause = SYSTEM_CAUSES[summary.cause]
    teaching = [m for m in leader_modules if set(cause.leader_competencies) & set(m.competencies)]
    return {
        "cause": cause.tag,
        "label": cause.label,
        "share": summary.share,
        "strength": summary.strength,
        "finding": cause.finding,
        "leader_modules": [m.as_link() for m in teaching],
    }
