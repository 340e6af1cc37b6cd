"""What a survey measures: the causes a training cannot fix alone, and the skills it can.

Every item of the needs surveys is worded so that agreeing signals the need: a tag's score
near 1 means "this is a problem here".
"""

from __future__ import annotations

from dataclasses import dataclass

from lms.insights.domain.labels import COMPETENCY_PREFIX, label_of

LEADERS_COURSE_SLUG = "training-that-targets-the-real-need"


@dataclass(frozen=True)
class SystemCause:
    """A cause in how the work is organised: a leader acts on it, training alone does not."""

    tag: str
    finding: str
    leader_competencies: tuple[str, ...]  # taught by the leaders' course modules with these

    @property
    def label(self) -> str:
        return label_of(self.tag)


SYSTEM_CAUSES: dict[str, SystemCause] = {
    cause.tag: cause
    for cause in (
        SystemCause(
            "system:metrics",
            "Most of the team say a target on call length or call count pushes them to hurry "
            "customers or pass them on. Measure what customers value (satisfaction, resolution "
            "at first contact) instead of the minutes a call takes.",
            ("choosing-service-metrics",),
        ),
        SystemCause(
            "system:policy",
            "Most of the team say a rule keeps them on calls that can no longer go anywhere. Write "
            "down when a call may be ended politely, and back the people who use that guideline.",
            ("designing-call-boundaries",),
        ),
        SystemCause(
            "system:tools-knowledge",
            "Most of the team say they lack the systems or the information to solve what customers "
            "bring. Check what they are missing before buying product training.",
            ("diagnosing-training-needs",),
        ),
        SystemCause(
            "wellbeing:emotional-load",
            "Most of the team say they carry customers' distress from one contact into the next "
            "with no time to recover. Plan recovery time into the schedule and make it normal to "
            "talk about a hard call.",
            ("supporting-emotional-labour",),
        ),
        SystemCause(
            "wellbeing:difficult-contacts",
            "Most of the team say a share of contacts cannot be satisfied whatever they do, and "
            "blame themselves for it. Say openly that some contacts are unresolvable and give "
            "staff a backed way to close them.",
            ("designing-call-boundaries", "supporting-emotional-labour"),
        ),
    )
}


def is_competency(tag: str) -> bool:
    return tag.startswith(COMPETENCY_PREFIX)


def competency_of(tag: str) -> str:
    return tag.removeprefix(COMPETENCY_PREFIX)


def is_known_tag(tag: str) -> bool:
    return tag in SYSTEM_CAUSES or (is_competency(tag) and len(tag) > len(COMPETENCY_PREFIX))
