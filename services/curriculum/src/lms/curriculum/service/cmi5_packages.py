"""Importing a cmi5 package: as a new course, or as a module of a course you may edit.

Everything is checked before anything is stored: the archive (lms.curriculum.domain.cmi5.archive),
the course structure against the cmi5 XSD and rules, the course's caps, who may edit. Then the
package's files go to the content store under the package's key (a digest of the archive, so
the same archive is stored once and a re-import changes nothing), and the draft, with the module
that stands for the cmi5 course, commits; files written for a draft that fails to commit are
removed. Importing the same cmi5 course into a course again replaces its module: ids derive from
the publisher's ids, so learners keep their progress. A slug that names a course you may edit
imports into it, as `course_id` does.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from lms.curriculum.domain.access import Caller, require_editor
from lms.curriculum.domain.building import slugify
from lms.curriculum.domain.cmi5.archive import Archive
from lms.curriculum.domain.cmi5.course_xml import parse
from lms.curriculum.domain.cmi5.module import build_module
from lms.curriculum.domain.cmi5.structure import CourseStructure
from lms.curriculum.domain.document import Course, Module
from lms.curriculum.domain.limits import check_limits
from lms.curriculum.service import rows
from lms.curriculum.service.content_store import ContentStore
from lms.curriculum.service.context import Context
from lms.curriculum.service.editing import check_if_match
from lms.curriculum.service.publishing import publish_in
from lms.kit.uow import UnitOfWork

ZIP, XML = "zip", "xml"


@dataclass(frozen=True)
class Cmi5Request:
    body: bytes
    form: str  # ZIP or XML
    course_id: str | None = None
    slug: str | None = None
    required: bool = True
    publish: bool = False
    if_match: int | None = None
    bearer: str | None = None


@dataclass(frozen=True)
class Package:
    structure: CourseStructure
    archive: Archive | None
    key: str | None  # where its files will be served from (None: a bare cmi5.xml)


def read_package(request: Cmi5Request) -> Package:
    """The checked package of a request (nothing is stored yet)."""
    if request.form == XML:
        return Package(parse(request.body, None), None, None)
    archive = Archive(request.body)
    structure = parse(archive.structure(), archive.names)
    return Package(structure, archive, hashlib.sha256(request.body).hexdigest()[:32])


def import_cmi5(ctx: Context, store: ContentStore, caller: Caller, request: Cmi5Request) -> dict[str, Any]:
    """Create the course (or put the module into course `course_id`), store the files, maybe publish."""
    package = read_package(request)
    with ctx.uow() as uow:
        into = request.course_id or rows.course_id_for_slug(
            uow.session, request.slug or _slug(package.structure)
        )
        if into is None:
            course_id, module, changes = _create(uow.session, caller, request, package)
        else:
            course_id, module, changes = _into(uow.session, caller, into, request, package)
        written = _store_files(store, package)
        try:
            version = _publish(ctx, uow, course_id, caller, request)
            uow.commit()
        except BaseException:
            if written and package.key:
                store.delete_package(package.key)
            raise
    return _report(course_id, module, package, into is None, changes, version)


def _create(
    session: Session, caller: Caller, request: Cmi5Request, package: Package
) -> tuple[str, Module, list[str]]:
    course_id = str(uuid.uuid4())
    structure = package.structure
    slug = request.slug or _slug(structure)
    module = build_module(course_id, structure, package.key, request.required)
    course = Course(slug=slug, title=module.title, summary=module.summary, modules=[module])
    check_limits(course)
    rows.insert_course(session, course_id, course, caller.sub)
    return course_id, module, [f"course {slug!r} is created with the cmi5 course {structure.id}"]


def _into(
    session: Session, caller: Caller, course_id: str, request: Cmi5Request, package: Package
) -> tuple[str, Module, list[str]]:
    row = rows.course_row(session, course_id, lock=True)
    require_editor(rows.ownership(session, row), caller, row.id)
    check_if_match(request.if_match, row.draft_revision, required=False)
    course = Course.from_json(row.draft)
    module = build_module(row.id, package.structure, package.key, request.required)
    index = next((i for i, m in enumerate(course.modules) if m.id == module.id), None)
    if index is None:
        course.modules.append(module)
        changes = [f"module {module.key!r} is added with {len(module.lessons)} AU(s)"]
    elif course.modules[index].to_json() == module.to_json():
        return row.id, module, []
    else:
        course.modules[index] = module
        changes = [f"module {module.key!r} is replaced ({len(module.lessons)} AU(s))"]
    check_limits(course)
    rows.save_draft(session, row.id, course, row.draft_revision)
    return row.id, module, changes


def _store_files(store: ContentStore, package: Package) -> bool:
    """Write the package's files unless the same archive was stored before; whether it wrote them."""
    if package.archive is None or package.key is None or store.exists(f"{package.key}/cmi5.xml"):
        return False
    try:
        for entry in package.archive.entries:
            data = b"".join(package.archive.chunks(entry))
            store.put(f"{package.key}/{entry.name}", data, media_type(entry.name))
    except BaseException:
        store.delete_package(package.key)
        raise
    return True


def media_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _publish(
    ctx: Context, uow: UnitOfWork, course_id: str, caller: Caller, request: Cmi5Request
) -> int | None:
    if not request.publish:
        return None
    published = publish_in(
        ctx, uow, rows.course_row(uow.session, course_id, lock=True), caller, request.bearer
    )
    return None if published.unchanged else published.version


def _slug(structure: CourseStructure) -> str:
    """A slug from the title, made unique to this cmi5 course by a digest of its id."""
    digest = hashlib.sha256(structure.id.encode()).hexdigest()[:8]
    return f"{slugify(structure.title or 'cmi5')[:100]}-{digest}"


def _report(
    course_id: str,
    module: Module,
    package: Package,
    created: bool,
    changes: list[str],
    version: int | None,
) -> dict[str, Any]:
    return {
        "course_id": course_id,
        "module_id": module.id,
        "created": created,
        "cmi5_course_id": package.structure.id,
        "aus": len(module.lessons),
        "blocks": len(package.structure.blocks()),
        "package": package.key,
        "changes": changes,
        "published_version": version,
    }
