"""Authoring: drafts (replaced whole, guarded by ETag), publishing them as immutable versions."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from lms.assessment.db import assessment_versions, assessments, iso
from lms.assessment.domain.definition import parse_assessment
from lms.assessment.domain.errors import (
    Conflict,
    Invalid,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
)
from lms.assessment.domain.grading import max_score
from lms.assessment.domain.ids import with_ids
from lms.assessment.domain.validation import publish_problems
from lms.assessment.service.collaborators import require_editor
from lms.assessment.service.context import Context
from lms.assessment.service.idempotency import Outcome
from lms.assessment.service.views import draft_view, etag_of
from lms.contracts import events
from lms.kit.auth import Principal


def create_draft(ctx: Context, author: Principal, body: dict[str, Any]) -> dict[str, Any]:
    """A new draft from a whole definition (ids assigned where the author left none)."""
    now = ctx.clock()
    values = {"id": str(uuid.uuid4()), "slug": body["slug"], "draft": with_ids(body), "revision": 1}
    with ctx.uow() as uow:
        try:
            uow.session.execute(
                insert(assessments).values(
                    **values,
                    created_by=author.sub,
                    owner=author.sub,
                    created_at=now,
                    updated_at=now,
                    latest_version=None,
                )
            )
            uow.session.flush()
        except IntegrityError:
            raise Conflict(f"An assessment with slug {body['slug']!r} exists already.") from None
        row = _locked(uow.session, values["id"])
        uow.commit()
    return draft_view(row)


def replace_draft(
    ctx: Context, editor: Principal, assessment_id: str, body: dict[str, Any], if_match: list[str] | None
) -> dict[str, Any]:
    """Replace the draft when `if_match` names its current ETag (428 without, 412 when stale).

    Only the owner, collaborators and admins may."""
    if not if_match:
        raise PreconditionRequired("Send If-Match with the draft's ETag (from GET ?version=draft).")
    with ctx.uow() as uow:
        row = _locked(uow.session, assessment_id)
        require_editor(uow.session, row, editor)
        if "*" not in if_match and etag_of(row.id, row.revision) not in if_match:
            raise PreconditionFailed("The draft changed since that ETag; fetch it again and reapply.")
        try:
            uow.session.execute(
                update(assessments)
                .where(assessments.c.id == assessment_id)
                .values(
                    slug=body["slug"], draft=with_ids(body), revision=row.revision + 1, updated_at=ctx.clock()
                )
            )
            uow.session.flush()
        except IntegrityError:
            raise Conflict(f"An assessment with slug {body['slug']!r} exists already.") from None
        row = _locked(uow.session, assessment_id)
        uow.commit()
    return draft_view(row)


def publish(ctx: Context, author: Principal, assessment_id: str) -> Outcome:
    """Freeze the draft as the next version (`created`); an unchanged draft gets the latest version
    again, not created (422 listing every problem)."""
    with ctx.uow() as uow:
        row = _locked(uow.session, assessment_id)
        require_editor(uow.session, row, author)
        assessment = parse_assessment(row.draft)
        problems = publish_problems(assessment)
        if problems:
            raise Invalid("The draft cannot be published: " + _summary(problems), problems)
        if (
            row.latest_version
            and ctx.version(uow.session, row.id, row.latest_version).definition == row.draft
        ):
            published = ctx.version(uow.session, row.id, row.latest_version)
            return Outcome(
                _published_body(row.id, row.latest_version, published.max_score, published.published_at)
            )
        version, now, top = (row.latest_version or 0) + 1, ctx.clock(), max_score(assessment)
        uow.session.execute(
            insert(assessment_versions).values(
                assessment_id=row.id,
                version=version,
                definition=row.draft,
                max_score=top,
                published_by=author.sub,
                published_at=now,
            )
        )
        uow.session.execute(
            update(assessments).where(assessments.c.id == row.id).values(latest_version=version)
        )
        body = _published_body(row.id, version, top, now)
        event = {
            **body,
            "slug": assessment.slug,
            "title": assessment.title,
            "kind": assessment.kind,
            "pass_mark": assessment.pass_mark,
            "competencies": assessment.competencies,
        }
        uow.announce(events.ASSESSMENT_PUBLISHED, event)
        uow.commit()
    return Outcome(body, created=True)


def _published_body(assessment_id: str, version: int, top: float, at: Any) -> dict[str, Any]:
    return {"assessment_id": assessment_id, "version": version, "max_score": top, "published_at": iso(at)}


def _summary(problems: dict[str, list[str]]) -> str:
    return "; ".join(f"{where}: {', '.join(found)}" for where, found in problems.items())


def _locked(session: Any, assessment_id: str) -> Any:
    row = session.execute(
        select(assessments).where(assessments.c.id == assessment_id).with_for_update()
    ).first()
    if row is None:
        raise NotFound(f"No assessment with id {assessment_id}.")
    return row
