"""Events progress applies, each to its use case: course versions (event-carried state),
graded attempts from assessment, and the directory (people, manager lines, teams).
`rebuild` replays the topics through these same tables."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.kit.config import Settings
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.outbox import Outbox
from lms.progress.service import catalog, directory, enrolling, graded, lessons, replay
from lms.progress.service.publishing import Channels
from lms.progress.service.xapi_store import XapiIdentity


def channels_of(settings: Settings, *, replaying: bool = False) -> Channels:
    """The outbox of this service (none while replaying: nothing is announced again)."""
    outbox = None if replaying else Outbox(source="/progress", topic=settings.topic)
    return Channels(outbox, XapiIdentity.from_env(settings.env))


def handlers(settings: Settings, channels: Channels | None = None) -> Mapping[str, Handler]:
    channels = channels or channels_of(settings)
    enrol = partial(enrolling.enrol_assigned, channels)
    return {
        events.AU_SATISFIED.name: partial(lessons.au_satisfied, channels),
        events.COURSE_PUBLISHED.name: catalog.apply_course_published,
        events.COURSE_RETIRED.name: catalog.apply_course_retired,
        events.USER_PROVISIONED.name: directory.person_changed,
        events.USER_UPDATED.name: directory.person_changed,
        events.USER_DEACTIVATED.name: directory.person_left,
        events.TEAM_CHANGED.name: partial(directory.team_changed, enrol=enrol),
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
