"""What every use case needs: sessions, the outbox, and the settings the use cases read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.outbox import Outbox
from lms.kit.safehttp import SafeClient
from lms.progress.announcing import Channels
from lms.progress.catalog.service.curriculum_reader import CurriculumReader
from lms.progress.enrolment.service.statements import XapiIdentity


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    env: str = "prod"
    curriculum: CurriculumReader | None = None
    xapi: XapiIdentity = field(default_factory=XapiIdentity)
    outbound: SafeClient = field(default_factory=SafeClient)  # webhook targets: public addresses only
    manager_depth: int = 3  # how far down a manager's line they see (LMS_MANAGER_DEPTH)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # tests run years fast

    @property
    def channels(self) -> Channels:
        return Channels(self.outbox, self.xapi, lambda: self.clock())
