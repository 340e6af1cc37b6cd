"""Events progress applies, each to its use case: course versions (event-carried state),
graded attempts from assessment, AUs the record store found satisfied (cmi5), and the directory
(people, manager lines, teams).

The kit's consumer hands each handler its batch's session; the use case works in a unit of work
joining that transaction (`join`), which announces into it and which the consumer commits.
`rebuild` replays the topics through these same tables (plus progress's own events) with units
that have no outbox; `definition.py` hands the live consumer its `join` and channels."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from lms.contracts import events
from lms.kit.inbox import BatchHandler, Handler
from lms.kit.uow import Join, joined
from lms.progress.announcing import Channels
from lms.progress.catalog.service import course_copies
from lms.progress.enrolment.service import enrolling, graded_attempts, lessons, replay
from lms.progress.teams.service import directory_events


def handlers(channels: Channels, join: Join) -> Mapping[str, Handler]:
    enrol = partial(enrolling.enrol_assigned, channels)
    use_cases = {
        events.AU_SATISFIED.name: partial(lessons.au_satisfied, channels),
        events.COURSE_PUBLISHED.name: course_copies.apply_course_published,
        events.COURSE_RETIRED.name: course_copies.apply_course_retired,
        events.USER_PROVISIONED.name: directory_events.person_changed,
        events.USER_UPDATED.name: directory_events.person_changed,
        events.USER_DEACTIVATED.name: directory_events.person_left,
        events.TEAM_CHANGED.name: partial(directory_events.team_changed, enrol=enrol),
    }
    return {name: joined(join, use_case) for name, use_case in use_cases.items()}


def batch_handlers(channels: Channels, join: Join) -> Mapping[str, BatchHandler]:
    apply = partial(graded_attempts.apply_attempts_graded, channels)
    return {events.ATTEMPT_GRADED.name: joined(join, apply)}


def own_handlers(channels: Channels, join: Join) -> Mapping[str, Handler]:
    """Progress's own events, applied only when rebuilding from the topics."""
    use_cases = {
        events.ENROLMENT_CREATED.name: replay.enrolment_created,
        events.LESSON_COMPLETED.name: replay.lesson_completed,
        events.MODULE_COMPLETED.name: replay.module_completed,
        events.ENROLMENT_UPGRADED.name: replay.enrolment_upgraded,
        events.COURSE_COMPLETED.name: partial(replay.course_completed, channels),
    }
    return {name: joined(join, use_case) for name, use_case in use_cases.items()}
