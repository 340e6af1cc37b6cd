"""What every use case needs: units of work, the clock, the published versions, insights' reader."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from lms.assessment.db import assessment_versions, assessments
from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.errors import NotFound
from lms.assessment.domain.model import Assessment
from lms.assessment.service.insights_reader import InsightsReader
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork

GRACE_S = 5.0  # a submit this long after `expires_at` still counts (network and clock slack)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PublishedVersion:
    """One frozen version: its stored definition, parsed once."""

    assessment_id: str
    version: int
    definition: dict[str, Any]
    assessment: Assessment
    max_score: float
    published_at: datetime


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    clock: Callable[[], datetime] = utcnow
    grace_s: float = GRACE_S
    insights: InsightsReader | None = None  # reads an invitation whose event is on the way
    _versions: dict[tuple[str, int], PublishedVersion] = field(default_factory=dict)
    _latest: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def uow(self) -> UnitOfWork:
        """The one way a use case writes: state and announced events commit together."""
        return UnitOfWork(self.sessions, self.outbox)

    def version(self, session: Session, assessment_id: str, version: int) -> PublishedVersion:
        """A published version (cached: published versions never change)."""
        key = (assessment_id, version)
        found = self._versions.get(key)
        if found is None:
            found = _load_version(session, assessment_id, version)
            with self._lock:
                if len(self._versions) > 2000:
                    self._versions.clear()
                self._versions[key] = found
        return found

    def latest(self, session: Session, assessment_id: str, *, fresh: bool = False) -> PublishedVersion:
        """The latest published version as this process last saw it (`fresh`: ask the database).

        Writers that rely on it must check it in their statement (see `starting`)."""
        number = None if fresh else self._latest.get(assessment_id)
        if number is None:
            number = session.execute(_LATEST, {"assessment_id": assessment_id}).scalar()
            if number is None:
                raise NotFound(f"No published assessment with id {assessment_id}.")
            self._latest[assessment_id] = number
        return self.version(session, assessment_id, number)


_LATEST = select(assessments.c.latest_version).where(assessments.c.id == bindparam("assessment_id"))


def _load_version(session: Session, assessment_id: str, version: int) -> PublishedVersion:
    row = session.execute(
        select(assessment_versions).where(
            assessment_versions.c.assessment_id == assessment_id, assessment_versions.c.version == version
        )
    ).first()
    if row is None:
        raise NotFound(f"Assessment {assessment_id} has no published version {version}.")
    return PublishedVersion(
        assessment_id,
        version,
        row.definition,
        parse_assessment(row.definition),
        row.max_score,
        row.published_at,
    )
