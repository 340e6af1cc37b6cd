"""What every use case needs: sessions, the outbox, the caches, and the assessment lookup."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from lms.curriculum.service.assessment_lookup import AssessmentLookup
from lms.curriculum.service.cache import NUMBERS, Cached, numbers, replies
from lms.kit.cache import BoundedCache
from lms.kit.db import reader
from lms.kit.outbox import Outbox
from lms.kit.uow import UnitOfWork

LATEST_TTL_S = 1.0  # a course's head and the catalogue revision, per process; replies say max-age=5
CATALOGUE = ""  # the Memo key of the catalogue revision


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    lookup: AssessmentLookup | None = None
    responses: BoundedCache[Hashable, Cached] = field(default_factory=replies)
    latest: BoundedCache[Hashable, int] = field(default_factory=lambda: numbers(LATEST_TTL_S))
    heads: BoundedCache[Hashable, Any] = field(  # course id -> reading.Head
        default_factory=lambda: BoundedCache(max_entries=NUMBERS, ttl_s=LATEST_TTL_S)
    )

    @property
    def reader(self) -> Engine:
        """Autocommit connections for single-statement reads on hot paths."""
        return reader(self.sessions.kw["bind"])

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.outbox)

    def forget(self, course_id: str) -> None:
        """Drop what this process remembers of a course, once a publish or retire has committed
        (before the commit, a concurrent read would remember the old state again)."""
        self.heads.discard(course_id)
        self.latest.discard(CATALOGUE)
