"""Which assessments are published: the local copy (from events), topped up from their owner on a miss."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lms.curriculum.db import known_assessments as known_table
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.publishing import missing_assessments
from lms.curriculum.service.assessment_lookup import PublishedAssessment
from lms.curriculum.service.context import Context
from lms.kit.cloudevents import CloudEvent
from lms.kit.db import insert_ignore


def known_assessments(ctx: Context, session: Session, course: Course, bearer: str | None) -> dict[str, str]:
    """Published assessment id -> slug, including any of `course`'s that only the owner knows yet."""
    known = _local(session)
    missing = missing_assessments(course, known)
    if missing and bearer and ctx.lookup is not None:
        for found in ctx.lookup.published(set(missing), bearer):
            record(session, found)
            known[found.assessment_id] = found.slug
    return known


def _local(session: Session) -> dict[str, str]:
    return dict(session.execute(select(known_table.c.assessment_id, known_table.c.slug)).all())


def apply_assessment_published(session: Session, event: CloudEvent) -> None:
    """Remember a published assessment (id, slug, latest version) from its event."""
    data: dict[str, Any] = event.data
    record(
        session,
        PublishedAssessment(
            data["assessment_id"], data["slug"], data["kind"], data.get("title"), data["version"]
        ),
    )


def record(session: Session, found: PublishedAssessment) -> None:
    """Insert or move forward the local copy; an older version never overwrites a newer one."""
    values = {"slug": found.slug, "kind": found.kind, "title": found.title, "latest_version": found.version}
    where = known_table.c.assessment_id == found.assessment_id
    existing = session.scalar(select(known_table.c.latest_version).where(where))
    if existing is None:  # a concurrent writer of the same row wins; its copy is as good
        insert_ignore(session, known_table, [{"assessment_id": found.assessment_id, **values}])
    elif existing < found.version:
        session.execute(update(known_table).where(where).values(**values))
