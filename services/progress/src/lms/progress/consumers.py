"""Events progress applies, each to its use case: course versions (event-carried state) and
graded attempts from assessment. `rebuild` replays the topics through these same tables."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.outbox import Outbox
from lms.progress.service import catalog, graded, replay
from lms.progress.service.publishing import Channels
from lms.progress.service.xapi_store import XapiIdentity


def channels_of(settings: Settings, *, replaying: bool = False) -> Channels:
    """The outbox of this service (none while replaying: nothing is announced again)."""
    outbox = None if replaying else Outbox(source="/progress", topic=settings.topic)
    return Channels(outbox, XapiIdentity.from_env(settings.env))


def handlers(settings: Settings, channels: Channels | None = None) -> Mapping[str, Handler]:
    return {
        events.COURSE_PUBLISHED.name: catalog.apply_course_published,
        events.COURSE_RETIRED.name: catalog.apply_course_retired,
    }


def batch_handlers(settings: Settings, channels: Channels | None = None) -> Mapping[str, BatchHandler]:
    channels = channels or channels_of(settings)
    return {events.ATTEMPT_GRADED.name: partial(graded.apply_attempts_graded, channels)}


def own_handlers(channels: Channels) -> Mapping[str, Handler]:
    """Progress's own events, applied only when rebuilding from the topics."""
    return {
        events.ENROLMENT_CREATED.name: replay.enrolment_created,
        events.LESSON_COMPLETED.name: replay.lesson_completed,
        events.MODULE_COMPLETED.name: replay.module_completed,
        events.ENROLMENT_UPGRADED.name: replay.enrolment_upgraded,
        events.COURSE_COMPLETED.name: partial(replay.course_completed, channels),
    }
