"""How progress writes: every write in a kit unit of work (`lms.kit.uow`), and what a write needs
besides it (`Channels`); the hooks a lower subdomain tells an upper one through (`Hooks`).

State goes through `uow.session` and events through `uow.announce(EventType, data)`, committed
together or not at all. A use case opens its unit with `Context.uow()`; a consumer's handler works
in a unit joining the batch's transaction (`consumers.py`); a replay's unit has no outbox, so it
announces nothing again.

Hooks let a lower subdomain tell an upper one without importing it; `app.py` wires them:
- `on_announced` are the unit's announce hooks `(uow, event, data)`, run with each announced event
  in its transaction: hr_sync writes the event's webhook deliveries;
- `on_completed` `(uow, completions)` hear of the course completions a run writes, in its
  transaction: compliance completes the learners' cycles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lms.kit.uow import AnnounceHook, UnitOfWork
from lms.progress.clock import Clock, real_clock
from lms.progress.enrolment.service.statements import XapiIdentity

# the course completions of one run, as they are written: [(course.completed data, when)]
Completions = Sequence[tuple[Mapping[str, Any], datetime]]
CompletionHook = Callable[[UnitOfWork, Completions], None]


@dataclass(frozen=True)
class Hooks:
    """What runs with an announced event (the units' announce hooks), and with the course
    completions a run writes."""

    on_announced: tuple[AnnounceHook, ...] = ()
    on_completed: tuple[CompletionHook, ...] = ()


@dataclass(frozen=True)
class Channels:
    """What recording a fact needs besides its unit of work: how xAPI statements name things, the
    clock, and the completion hooks."""

    xapi: XapiIdentity
    on_completed: tuple[CompletionHook, ...] = ()
    clock: Clock = real_clock

    def completed(self, uow: UnitOfWork, done: Completions) -> None:
        """Tell the completion hooks what a run completed (in its unit's transaction)."""
        for hook in self.on_completed:
            hook(uow, done)
