"""Aggregates over anonymous survey responses and over a team's diagnostics, never below a floor.

Shares and means are rounded to whole percent: finer figures would let two reports over groups
that differ by one person give that person's exact value away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

FLOOR = 3  # no setting may show a group smaller than this


@dataclass(frozen=True)
class Thresholds:
    """When a group is big enough, when a respondent reports a cause, when a cause is a finding."""

    min_respondents: int = 5
    reports_at: float = 0.6  # a response reports a cause when its score is at least this
    finding_share: float = 0.5  # a cause is a finding when at least this share reports it
    gap_below: float = 0.6  # a diagnostic result under this is a gap for that learner

    def __post_init__(self) -> None:
        if self.min_respondents < FLOOR:
            raise ValueError(f"the minimum group size may not be below {FLOOR}")


@dataclass(frozen=True)
class CauseSummary:
    """One measured tag over a group: the share reporting it and the mean strength."""

    cause: str
    answered: int
    share: float
    strength: float


def summarise(responses: Sequence[Mapping[str, float]], thresholds: Thresholds) -> list[CauseSummary]:
    """Per tag, over the responses that scored it; tags too few answered are left out."""
    by_tag: dict[str, list[float]] = {}
    for response in responses:
        for tag, score in response.items():
            by_tag.setdefault(tag, []).append(float(score))
    summaries = [_summary(tag, scores, thresholds) for tag, scores in sorted(by_tag.items())]
    return [s for s in summaries if s.answered >= thresholds.min_respondents]


def whole_percent(fraction: float) -> float:
    """A fraction rounded to whole percent (0.8333 -> 0.83)."""
    return round(fraction, 2)


def _summary(tag: str, scores: list[float], thresholds: Thresholds) -> CauseSummary:
    reporting = sum(1 for score in scores if score >= thresholds.reports_at)
    share, strength = whole_percent(reporting / len(scores)), whole_percent(fmean(scores))
    return CauseSummary(tag, len(scores), share, strength)


def is_finding(summary: CauseSummary, thresholds: Thresholds) -> bool:
    return summary.share >= thresholds.finding_share


@dataclass(frozen=True)
class DiagnosticGap:
    """A competency on which enough of the assessed members scored under the gap line."""

    competency: str
    members_assessed: int
    share_below: float
    mean_percent: float


def diagnostic_gaps(results: Iterable[tuple[str, str, float]], thresholds: Thresholds) -> list[DiagnosticGap]:
    """`results` are (learner, competency, percent); a gap needs a big enough assessed group."""
    by_competency: dict[str, dict[str, float]] = {}
    for learner, competency, percent in results:
        by_competency.setdefault(competency, {})[learner] = percent
    gaps = [_gap(c, list(p.values()), thresholds) for c, p in sorted(by_competency.items())]
    return [g for g in gaps if g is not None]


def _gap(competency: str, percents: list[float], thresholds: Thresholds) -> DiagnosticGap | None:
    if len(percents) < thresholds.min_respondents:
        return None
    below = sum(1 for p in percents if p < thresholds.gap_below) / len(percents)
    if below < thresholds.finding_share:
        return None
    return DiagnosticGap(competency, len(percents), whole_percent(below), whole_percent(fmean(percents)))
