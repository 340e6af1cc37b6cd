"""What every use case needs: sessions, the outbox, the caches, and the assessment lookup."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from lms.curriculum.service.assessment_lookup import AssessmentLookup
from lms.curriculum.service.cache import Cached, numbers, replies
from lms.kit.cache import BoundedCache
from lms.kit.db import reader
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork

LATEST_TTL_S = 1.0  # "latest version" and catalogue revision, per process; replies say max-age=5
CATALOGUE = ""  # the Memo key of the catalogue revision


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    lookup: AssessmentLookup | None = None
    responses: BoundedCache[Hashable, Cached] = field(default_factory=replies)
    latest: BoundedCache[Hashable, int] = field(default_factory=lambda: numbers(LATEST_TTL_S))

    @property
    def reader(self) -> Engine:
        """Autocommit connections for single-statement reads on hot paths."""
        return reader(self.sessions.kw["bind"])

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.outbox)

    def forget(self, course_id: str) -> None:
        """Drop what this process remembers of a course (after a publish or retire)."""
        self.latest.discard(course_id)
        self.latest.discard(CATALOGUE)
