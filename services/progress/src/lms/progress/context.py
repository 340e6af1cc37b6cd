"""What every use case needs: its unit of work (sessions, the outbox and the announce hooks), and
what the service was assembled with (built in `app.py`, the one place settings are read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from lms.kit.outbox import Outbox
from lms.kit.safehttp import SafeClient
from lms.kit.uow import UnitOfWork
from lms.progress.announcing import Channels, Hooks
from lms.progress.catalog.service.curriculum_reader import CurriculumReader
from lms.progress.clock import Clock, real_clock
from lms.progress.enrolment.service.statements import XapiIdentity


@dataclass
class Context:
    sessions: sessionmaker[Session]  # reads; writes go through `uow()`
    outbox: Outbox
    hooks: Hooks  # hr_sync's webhook fan-out and compliance's cycles, handed down (see announcing)
    env: str = "prod"
    curriculum: CurriculumReader | None = None
    xapi: XapiIdentity = field(default_factory=XapiIdentity)
    outbound: SafeClient = field(default_factory=SafeClient)  # webhook targets: public addresses only
    manager_depth: int = 3  # how far down a manager's line they see (LMS_MANAGER_DEPTH)
    clock: Clock = real_clock  # tests run years fast

    def uow(self) -> UnitOfWork:
        """A unit of work of its own: `with ctx.uow() as uow: ...; uow.commit()`."""
        return UnitOfWork(self.sessions, self.outbox, on_announce=self.hooks.on_announced)

    @property
    def channels(self) -> Channels:
        return Channels(self.xapi, self.hooks.on_completed, lambda: self.clock())
