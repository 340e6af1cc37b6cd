"""Course packages: import a whole course (create, or replace a draft you may edit); export one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from lms.curriculum.domain.access import Caller, require_editor
from lms.curriculum.domain.document import Course
from lms.curriculum.domain.limits import check_limits
from lms.curriculum.domain.packages import diff, document_to_package, package_to_document
from lms.curriculum.service import rows
from lms.curriculum.service.context import Context
from lms.curriculum.service.drafts import read_draft
from lms.curriculum.service.editing import check_if_match
from lms.curriculum.service.publishing import publish_in
from lms.curriculum.service.reading import published_version
from lms.kit.uow import UnitOfWork


@dataclass(frozen=True)
class Imported:
    report: dict[str, Any]
    revision: int | None  # the draft's revision afterwards (None: a dry run that would create it)

    @property
    def created(self) -> bool:
        return bool(self.report["created"])


@dataclass(frozen=True)
class ImportRequest:
    package: dict[str, Any]
    dry_run: bool
    publish: bool
    if_match: int | None
    bearer: str | None = None


def import_package(ctx: Context, caller: Caller, request: ImportRequest) -> Imported:
    """Create the course, or replace the draft of an existing slug (owner/collaborator + If-Match)."""
    with ctx.uow() as uow:
        course_id = rows.course_id_for_slug(uow.session, request.package["slug"])
        if course_id is None:
            imported = _create(ctx, uow, caller, request)
        else:
            imported = _replace(ctx, uow, caller, course_id, request)
        if not request.dry_run:
            uow.commit()
    return imported


def _create(ctx: Context, uow: UnitOfWork, caller: Caller, request: ImportRequest) -> Imported:
    course_id = str(uuid.uuid4())
    course = _checked(request.package, course_id)
    rows.insert_course(uow.session, course_id, course, caller.sub)
    version = _publish(ctx, uow, course_id, caller, request)
    report = _report(course_id, request, created=True, changes=diff(None, course), version=version)
    return Imported(report, None if request.dry_run else 1)


def _replace(
    ctx: Context, uow: UnitOfWork, caller: Caller, course_id: str, request: ImportRequest
) -> Imported:
    session = uow.session
    row = rows.course_row(session, course_id, lock=True)
    require_editor(rows.ownership(session, row), caller, course_id)
    check_if_match(request.if_match, row.draft_revision, required=not request.dry_run)
    course = _checked(request.package, course_id)
    changes, revision = diff(Course.from_json(row.draft), course), row.draft_revision
    if changes:
        revision = rows.save_draft(session, course_id, course, revision)
    version = _publish(ctx, uow, course_id, caller, request)
    report = _report(course_id, request, created=False, changes=changes, version=version)
    return Imported(report, row.draft_revision if request.dry_run else revision)


def _checked(package: dict[str, Any], course_id: str) -> Course:
    course = package_to_document(package, course_id)
    check_limits(course)
    return course


def _publish(
    ctx: Context, uow: UnitOfWork, course_id: str, caller: Caller, request: ImportRequest
) -> int | None:
    """The version a publish made (None when not asked, or when nothing changed)."""
    if not request.publish:
        return None
    row = rows.course_row(uow.session, course_id, lock=True)
    published = publish_in(ctx, uow, row, caller, request.bearer)
    return None if published.unchanged else published.version


def _report(
    course_id: str, request: ImportRequest, *, created: bool, changes: list[str], version: int | None
) -> dict[str, Any]:
    return {
        "course_id": course_id,
        "slug": request.package["slug"],
        "created": created,
        "changes": changes,
        "published_version": version,
        "dry_run": request.dry_run,
    }


def export_package(ctx: Context, caller: Caller, course_id: str, version: str | None) -> dict[str, Any]:
    """The draft (default) or version N as a package that imports back unchanged."""
    if version in (None, "draft"):
        return document_to_package(read_draft(ctx, caller, course_id).course)
    _, version_row = published_version(ctx, course_id, int(version))
    return document_to_package(Course.from_json(version_row.document))
