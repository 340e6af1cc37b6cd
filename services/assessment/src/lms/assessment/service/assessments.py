"""Reading assessments: the latest published version, a given version, or the author's draft."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from lms.assessment.db import assessment_versions, assessments, iso
from lms.assessment.domain.errors import Forbidden, NotFound
from lms.assessment.service.collaborators import may_edit
from lms.assessment.service.context import Context
from lms.assessment.service.views import author_version_view, draft_view, learner_version_view
from lms.kit.auth import Principal

DRAFT = "draft"


def read_assessment(
    ctx: Context, caller: Principal, assessment_id: str, version: str | None
) -> dict[str, Any]:
    """Its editors read the draft and the keys; everyone else gets a published version without them."""
    with ctx.sessions() as session:
        row = session.execute(select(assessments).where(assessments.c.id == assessment_id)).first()
        if row is None:
            raise NotFound(f"No assessment with id {assessment_id}.")
        editor = caller.has_any("author") and may_edit(session, row, caller)
        if version == DRAFT:
            if not editor:
                raise Forbidden("Only the owner, collaborators and admins may read the draft.")
            return draft_view(row)
        wanted = _version_number(version, row.latest_version, assessment_id)
        published = ctx.version(session, assessment_id, wanted)
    view = author_version_view if editor else learner_version_view
    return view(published, row.latest_version)


MAX_VERSION_DIGITS = 9  # the column is a 32-bit integer


def _version_number(version: str | None, latest: int | None, assessment_id: str) -> int:
    if version is None:
        if latest is None:
            raise NotFound(
                f"Assessment {assessment_id} has no published version yet (authors: ?version=draft)."
            )
        return latest
    if not version.isdigit() or len(version) > MAX_VERSION_DIGITS:
        raise NotFound(f"No version {version!r}: use a number or `draft`.")
    return int(version)


def list_assessments(ctx: Context, kind: str | None = None) -> list[dict[str, Any]]:
    """Every assessment with its draft status, newest first (authors)."""
    query = select(
        assessments.c.id,
        assessments.c.slug,
        assessments.c.draft,
        assessments.c.latest_version,
        assessments.c.revision,
        assessments.c.updated_at,
        assessments.c.owner,
    ).order_by(assessments.c.updated_at.desc())
    with ctx.sessions() as session:
        rows = session.execute(query).all()
    return [
        {
            "id": row.id,
            "slug": row.slug,
            "title": row.draft.get("title"),
            "kind": row.draft.get("kind"),
            "latest_version": row.latest_version,
            "revision": row.revision,
            "updated_at": iso(row.updated_at),
            "owner": row.owner,
        }
        for row in rows
        if kind is None or row.draft.get("kind") == kind
    ]


def list_versions(ctx: Context, assessment_id: str) -> list[dict[str, Any]]:
    """The published versions of one assessment, oldest first."""
    with ctx.sessions() as session:
        exists = session.scalar(select(func.count()).where(assessments.c.id == assessment_id))
        if not exists:
            raise NotFound(f"No assessment with id {assessment_id}.")
        rows = session.execute(
            select(
                assessment_versions.c.version,
                assessment_versions.c.max_score,
                assessment_versions.c.published_at,
            )
            .where(assessment_versions.c.assessment_id == assessment_id)
            .order_by(assessment_versions.c.version)
        ).all()
    return [
        {"version": r.version, "max_score": r.max_score, "published_at": iso(r.published_at)} for r in rows
    ]
