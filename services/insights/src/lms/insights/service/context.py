"""What every use case needs: units of work, the clock and the thresholds."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from lms.insights.domain.aggregation import FLOOR, Thresholds
from lms.insights.domain.causes import LEADERS_COURSE_SLUG
from lms.insights.service.reports import ReportRules
from lms.kit.access import DEFAULT_DEPTH
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork

MIN_RESPONDENTS_VAR = "LMS_INSIGHTS_MIN_RESPONDENTS"


def utcnow() -> datetime:
    return datetime.now(UTC)


def thresholds_from(environ: Mapping[str, str] | None = None) -> Thresholds:
    """The minimum group size from `LMS_INSIGHTS_MIN_RESPONDENTS` (default 5, never below 3):
    a bad value stops the process rather than show smaller groups."""
    raw = (os.environ if environ is None else environ).get(MIN_RESPONDENTS_VAR, "5")
    try:
        size = int(raw)
    except ValueError:
        raise SystemExit(f"{MIN_RESPONDENTS_VAR} must be a whole number, not {raw!r}") from None
    if size < FLOOR:
        raise SystemExit(f"{MIN_RESPONDENTS_VAR} may not be below {FLOOR} (got {size})")
    return Thresholds(min_respondents=size)


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    thresholds: Thresholds = field(default_factory=Thresholds)
    clock: Callable[[], datetime] = utcnow
    leaders_course_slug: str = LEADERS_COURSE_SLUG
    manager_depth: int = DEFAULT_DEPTH  # how far down a manager's line they see (LMS_MANAGER_DEPTH)

    def uow(self) -> UnitOfWork:
        """The one way a use case writes: state and announced events commit together."""
        return UnitOfWork(self.sessions, self.outbox)

    @property
    def rules(self) -> ReportRules:
        return ReportRules(self.thresholds, self.leaders_course_slug)
