"""Announcing a fact: its event in the outbox, in the caller's transaction, and whatever must happen
with it there (hr_sync's webhook deliveries), through the hooks the service is assembled with.

Hooks let a lower subdomain tell an upper one without importing it: enrolment announces a
completion, hr_sync (above it) fans the event out to webhooks, compliance (above it) completes
the learner's cycles. `app.py` wires them; a replay (no outbox) announces nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from lms.contracts.events import EventType
from lms.kit.cloudevents import CloudEvent
from lms.kit.outbox import Outbox
from lms.progress.clock import Clock, real_clock
from lms.progress.enrolment.service.statements import XapiIdentity

# (session, the announced event, its data): in the announcing transaction
AnnounceHook = Callable[[Session, CloudEvent, dict[str, Any]], None]
# the course completions of one run, as they are written: [(course.completed data, when)]
Completions = Sequence[tuple[Mapping[str, Any], datetime]]
CompletionHook = Callable[[Session, Completions], None]


@dataclass(frozen=True)
class Hooks:
    """What runs with an announced event, and with the course completions a run writes."""

    on_announced: tuple[AnnounceHook, ...] = ()
    on_completed: tuple[CompletionHook, ...] = ()


@dataclass(frozen=True)
class Channels:
    """Where recorded facts are told: the outbox (None while replaying), the xAPI store's identity,
    the clock, and the hooks."""

    outbox: Outbox | None
    xapi: XapiIdentity
    hooks: Hooks
    clock: Clock = real_clock


def publish(
    session: Session, channels: Channels, event_type: EventType, data: dict[str, Any]
) -> CloudEvent | None:
    """Add the event and run the announce hooks; without an outbox (a replay) nothing is announced."""
    if channels.outbox is None:
        return None
    event = channels.outbox.add_event(session, event_type, data=data)
    for hook in channels.hooks.on_announced:
        hook(session, event, data)
    return event


def completed(session: Session, channels: Channels, done: Completions) -> None:
    """Tell the completion hooks what a run completed (in its transaction)."""
    for hook in channels.hooks.on_completed:
        hook(session, done)
