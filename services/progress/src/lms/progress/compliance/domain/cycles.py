"""Compliance cycles: HR's policy on an assignment, the dates a cycle runs by, the notices it
plans, what state a cycle is in, and whether a due notice is still worth sending.

A cycle opens (assignment, or renewal), is due at `due_at`, completes; a completion is valid
until `completed_at + recertify_every_days`; the renewal opens `window_days` before that and
is due when the certificate expires; the certificate counts as expired `grace_days` after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

DUE_SOON, OVERDUE, ESCALATED = "due_soon", "overdue", "escalated"
EXPIRING, EXPIRED = "expiring", "expired"
OPEN_CYCLE_KINDS = (DUE_SOON, OVERDUE, ESCALATED)


@dataclass(frozen=True)
class Policy:
    """HR's rule on an assignment (days; None where not set)."""

    recertify_every_days: int | None = None
    window_days: int | None = None
    grace_days: int | None = None
    remind_before_days: tuple[int, ...] = ()
    escalate_after_days: int | None = None

    @property
    def window(self) -> timedelta:
        return timedelta(days=self.window_days or 0)

    @property
    def grace(self) -> timedelta:
        return timedelta(days=self.grace_days or 0)

    def valid_until(self, completed_at: datetime) -> datetime | None:
        if self.recertify_every_days is None:
            return None
        return completed_at + timedelta(days=self.recertify_every_days)


def policy_problems(policy: Policy) -> dict[str, list[str]]:
    """Why a policy cannot run, by field (empty when it can). A due date in the past is no
    problem: an assignment migrated from another LMS may be overdue already."""
    problems: dict[str, list[str]] = {}
    period, window = policy.recertify_every_days, policy.window_days
    if window is not None and period is None:
        problems["window_days"] = ["A renewal window needs recertify_every_days."]
    elif window is not None and period is not None and window >= period:
        problems["window_days"] = ["The renewal window must be shorter than the recertification period."]
    offsets = policy.remind_before_days
    if any(days <= 0 for days in offsets):
        problems["remind_before_days"] = ["Reminder offsets are whole days before the due date (>= 1)."]
    elif len(set(offsets)) != len(offsets):
        problems["remind_before_days"] = ["Each reminder offset may be given once."]
    return problems


@dataclass(frozen=True)
class Notice:
    kind: str
    offset_days: int
    fire_at: datetime


def open_cycle_notices(policy: Policy, opened_at: datetime, due_at: datetime | None) -> list[Notice]:
    """What an open cycle will send: reminders before its due date, overdue, escalation.

    A reminder or escalation whose day is already past when the cycle opens is not planned; a
    cycle opened past its due date (migrated overdue) is told it is overdue once, at once."""
    if due_at is None:
        return []
    planned = [Notice(DUE_SOON, d, due_at - timedelta(days=d)) for d in policy.remind_before_days]
    planned.append(Notice(OVERDUE, 0, max(due_at, opened_at)))
    if policy.escalate_after_days is not None:
        days = policy.escalate_after_days
        planned.append(Notice(ESCALATED, days, due_at + timedelta(days=days)))
    return [n for n in planned if n.fire_at >= opened_at]


def completed_cycle_notices(policy: Policy, valid_until: datetime | None) -> list[Notice]:
    """What a completion will send: renewal opens (expiring), then expired after the grace days."""
    if valid_until is None:
        return []
    return [
        Notice(EXPIRING, policy.window_days or 0, valid_until - policy.window),
        Notice(EXPIRED, policy.grace_days or 0, valid_until + policy.grace),
    ]


def cycle_state(
    status: str, due_at: datetime | None, valid_until: datetime | None, policy: Policy, now: datetime
) -> str:
    """valid | expiring | expired (a completed cycle); open | overdue (one not completed yet)."""
    if status != "completed":
        return "overdue" if due_at is not None and now > due_at else "open"
    if valid_until is None or now < valid_until - policy.window:
        return "valid"
    return "expiring" if now < valid_until + policy.grace else "expired"


@dataclass(frozen=True)
class Facts:
    """What decides, when a notice falls due, whether it still goes out."""

    kind: str
    cycle_completed: bool
    renewed: bool  # a later cycle of the same assignment and learner is completed
    assignment_open: bool  # the learner's assignment row (closed: left the team, deactivated)
    learner_active: bool
    course_retired: bool


def reason_to_drop(facts: Facts) -> str | None:
    """None when the notice goes out; else why it is dropped for good."""
    if facts.course_retired:
        return "course retired"
    if not facts.assignment_open:
        return "assignment closed"
    if not facts.learner_active:
        return "learner inactive"
    if facts.kind in OPEN_CYCLE_KINDS and facts.cycle_completed:
        return "completed"
    if facts.kind == EXPIRED and facts.renewed:
        return "renewed"
    return None
