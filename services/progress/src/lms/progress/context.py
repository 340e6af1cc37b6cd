"""What every use case needs: sessions, the outbox and its hooks, and what the service was
assembled with (built in `app.py`, the one place settings are read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.outbox import Outbox
from lms.kit.safehttp import SafeClient
from lms.progress.announcing import Channels, Hooks
from lms.progress.catalog.service.curriculum_reader import CurriculumReader
from lms.progress.clock import Clock, real_clock
from lms.progress.enrolment.service.statements import XapiIdentity


@dataclass
class Context:
    sessions: sessionmaker[Session]
    outbox: Outbox
    hooks: Hooks  # hr_sync's webhook fan-out and compliance's cycles, handed down (see announcing)
    env: str = "prod"
    curriculum: CurriculumReader | None = None
    xapi: XapiIdentity = field(default_factory=XapiIdentity)
    outbound: SafeClient = field(default_factory=SafeClient)  # webhook targets: public addresses only
    manager_depth: int = 3  # how far down a manager's line they see (LMS_MANAGER_DEPTH)
    clock: Clock = real_clock  # tests run years fast

    @property
    def channels(self) -> Channels:
        return Channels(self.outbox, self.xapi, self.hooks, lambda: self.clock())
