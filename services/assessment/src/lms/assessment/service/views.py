"""JSON views of assessments for authors (everything) and learners (no keys, no feedback)."""

from __future__ import annotations

import hashlib
from typing import Any

from lms.assessment.db import iso
from lms.assessment.domain.exposure import learner_items
from lms.assessment.service.context import PublishedVersion

SETTINGS = ("pass_mark", "max_attempts", "time_limit_s", "shuffle", "recommend_below")


def etag_of(assessment_id: str, revision: int) -> str:
    return hashlib.sha256(f"{assessment_id}:{revision}".encode()).hexdigest()[:20]


def draft_view(row: Any) -> dict[str, Any]:
    """The author's draft: the whole definition plus status fields."""
    return {
        "id": row.id,
        **row.draft,
        "status": "draft",
        "version": None,
        "latest_version": row.latest_version,
        "revision": row.revision,
        "owner": row.owner,
        "etag": etag_of(row.id, row.revision),
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def author_version_view(published: PublishedVersion, latest: int | None) -> dict[str, Any]:
    """A published version with its answer keys, for authors."""
    return {
        "id": published.assessment_id,
        **published.definition,
        **_version_fields(published, latest),
        "max_score": published.max_score,
    }


def learner_version_view(published: PublishedVersion, latest: int | None) -> dict[str, Any]:
    """A published version without keys, scores or feedback; timed ones keep their items for the attempt."""
    definition = published.definition
    view = {
        "id": published.assessment_id,
        "slug": definition["slug"],
        "title": definition["title"],
        "kind": definition["kind"],
        **{name: definition.get(name) for name in SETTINGS if name != "recommend_below"},
        **_version_fields(published, latest),
        "item_count": len(published.assessment.items),
    }
    if not published.assessment.time_limit_s:
        view["items"] = learner_items(published.assessment)
    return view


def _version_fields(published: PublishedVersion, latest: int | None) -> dict[str, Any]:
    return {
        "status": "published",
        "version": published.version,
        "latest_version": latest,
        "competencies": published.assessment.competencies,
        "published_at": iso(published.published_at),
    }
