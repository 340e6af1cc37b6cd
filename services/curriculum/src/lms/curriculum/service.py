"""Curriculum use cases: one method per use case, one transaction each."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lms.curriculum import repository as repo
from lms.curriculum.db import course_versions, courses
from lms.curriculum.domain.document import (
    Document,
    content_hash,
    find_module,
    frozen,
    make_lessons,
    make_module,
    new_document,
)
from lms.curriculum.domain.packages import diff, package_to_document
from lms.curriculum.domain.publishing import publish_problems, published_event, resolve_assessments
from lms.curriculum.errors import Conflict, NotFound, Unpublishable
from lms.kit.db import reader
from lms.kit.outbox import Outbox

PUBLISHED = "lms.curriculum.course.published.v1"
LATEST_TTL_S = 1.0
RETIRED = "lms.curriculum.course.retired.v1"


@dataclass(frozen=True)
class Draft:
    course_id: str
    document: Document
    revision: int
    status: str
    latest_version: int | None


class Curriculum:
    def __init__(self, sessions: sessionmaker[Session], outbox: Outbox):
        self.sessions = sessions
        self.outbox = outbox
        self.reader = reader(sessions.kw["bind"])
        self._latest: dict[str, tuple[float, int]] = {}

    # -- drafts ----------------------------------------------------------------------
    def create_course(self, fields: dict[str, Any], author: str) -> Draft:
        course_id = str(uuid.uuid4())
        document = new_document(**fields)
        with self.sessions.begin() as db:
            if repo.course_id_for_slug(db, fields["slug"]):
                raise Conflict(f"A course with slug {fields['slug']!r} exists already.")
            self._insert_course(db, course_id, document, author)
        return Draft(course_id, document, 1, "draft", None)

    def draft(self, course_id: str) -> Draft:
        with self.sessions() as db:
            row = repo.course_row(db, course_id)
        return Draft(course_id, row.draft, row.draft_revision, row.status, row.latest_version)

    def update_course(self, course_id: str, fields: dict[str, Any], if_match: int | None) -> Draft:
        return self._edit(course_id, if_match, lambda document: document.update(fields))

    def add_module(self, course_id: str, fields: dict[str, Any], if_match: int | None) -> tuple[Draft, dict]:
        added: dict[str, Any] = {}

        def change(document: Document) -> None:
            module = make_module(course_id, fields, {m["key"] for m in document["modules"]})
            if find_module(document, module["id"]):
                raise Conflict(f"The course already has a module keyed {module['key']!r}.")
            position = fields.get("position")
            document["modules"].insert(len(document["modules"]) if position is None else position, module)
            added.update(module)

        return self._edit(course_id, if_match, change), added

    def update_module(
        self, course_id: str, module_id: str, fields: dict[str, Any], if_match: int | None
    ) -> tuple[Draft, dict]:
        def change(document: Document) -> None:
            module = self._module(document, module_id)
            position = fields.pop("position", None)
            if "lessons" in fields:
                keys = {lesson["id"]: lesson["key"] for lesson in module["lessons"]}
                given = [
                    {**ls, "key": ls.get("key") or keys.get(ls.get("id", ""))} for ls in fields["lessons"]
                ]
                fields["lessons"] = make_lessons(
                    course_id, module["key"], [_without_position(g) for g in given]
                )
            module.update(fields)
            if position is not None:
                document["modules"].remove(module)
                document["modules"].insert(position, module)

        draft = self._edit(course_id, if_match, change)
        return draft, self._module(draft.document, module_id)

    def delete_module(self, course_id: str, module_id: str, if_match: int | None) -> Draft:
        return self._edit(
            course_id,
            if_match,
            lambda document: document["modules"].remove(self._module(document, module_id)),
        )

    # -- versions --------------------------------------------------------------------
    def publish(self, course_id: str, author: str) -> dict[str, Any]:
        """Freeze the draft as the next version; unchanged drafts publish nothing."""
        with self.sessions.begin() as db:
            return self._publish(db, course_id, author)

    def retire(self, course_id: str) -> Draft:
        with self.sessions.begin() as db:
            row = repo.course_row(db, course_id)
            if row.status == "draft":
                raise Conflict("A course that was never published cannot be retired.")
            if row.status != "retired":
                retired_at = repo.now()
                db.execute(
                    update(courses)
                    .where(courses.c.id == course_id)
                    .values(status="retired", retired_at=retired_at, updated_at=retired_at)
                )
                repo.bump_catalogue(db)
                self._forget(course_id)
                self.outbox.add_event(
                    db,
                    RETIRED,
                    key=course_id,
                    data={
                        "course_id": course_id,
                        "slug": row.slug,
                        "latest_version": row.latest_version,
                        "retired_at": retired_at.isoformat(),
                    },
                )
        return self.draft(course_id)

    def latest_version(self, course_id: str) -> int:
        """The latest published version number: the hot path of every course GET.

        Remembered for `LATEST_TTL_S` per process (publishing here forgets it at once); a
        response for "latest" is cacheable for longer than that anyway (max-age=5).
        """
        remembered = self._latest.get(course_id)
        if remembered and time.monotonic() - remembered[0] < LATEST_TTL_S:
            return remembered[1]
        version = self._read_latest_version(course_id)
        self._latest[course_id] = (time.monotonic(), version)
        return version

    def catalogue_revision(self) -> int:
        """Bumped by every publish and retire; catalogue pages are cached per revision (same TTL)."""
        remembered = self._latest.get("")
        if remembered and time.monotonic() - remembered[0] < LATEST_TTL_S:
            return remembered[1]
        with self.reader.connect() as db:
            revision = repo.catalogue_revision(db)
        self._latest[""] = (time.monotonic(), revision)
        return revision

    def _read_latest_version(self, course_id: str) -> int:
        with self.reader.connect() as db:
            latest = db.execute(select(courses.c.latest_version).where(courses.c.id == course_id)).first()
        if latest is None:
            raise NotFound(f"No course with id {course_id}.")
        if latest.latest_version is None:
            raise NotFound(f"Course {course_id} has no published version yet.")
        return latest.latest_version

    def version(self, course_id: str, version: int | None) -> tuple[Any, Any]:
        """(course row, version row) of `version`, or of the latest published one."""
        with self.sessions() as db:
            row = repo.course_row(db, course_id)
            if version is None:
                if row.latest_version is None:
                    raise NotFound(f"Course {course_id} has no published version yet.")
                version = row.latest_version
            return row, repo.version_document(db, course_id, version)

    def versions(self, course_id: str) -> list[dict[str, Any]]:
        with self.sessions() as db:
            repo.course_row(db, course_id)
            rows = db.execute(
                select(
                    course_versions.c.version, course_versions.c.published_at, course_versions.c.published_by
                )
                .where(course_versions.c.course_id == course_id)
                .order_by(course_versions.c.version)
            ).all()
        return [row._asdict() for row in rows]

    # -- packages --------------------------------------------------------------------
    def import_package(self, package: dict[str, Any], author: str, *, dry_run: bool, publish: bool) -> dict:
        """Create or update a course from a package, and publish it when asked and changed."""
        db = self.sessions()
        try:
            db.begin()
            report = self._import(db, package, author, publish)
            if dry_run:
                db.rollback()
            else:
                db.commit()
            return {**report, "dry_run": dry_run}
        except Exception:
            db.rollback()
            raise
        finally:
            db.close()

    def _import(self, db: Session, package: dict[str, Any], author: str, publish: bool) -> dict[str, Any]:
        course_id = repo.course_id_for_slug(db, package["slug"])
        created = course_id is None
        course_id = course_id or str(uuid.uuid4())
        document = package_to_document(package, course_id)
        if created:
            self._insert_course(db, course_id, document, author)
            changes = diff(None, document)
        else:
            row = repo.course_row(db, course_id)
            changes = diff(row.draft, document)
            if changes:
                repo.save_draft(db, course_id, document, row.draft_revision)
        result = self._publish(db, course_id, author) if publish else None
        return {
            "course_id": course_id,
            "slug": package["slug"],
            "created": created,
            "changes": changes,
            "published_version": None if result is None or result["unchanged"] else result["version"],
        }

    # -- events ----------------------------------------------------------------------
    def _publish(self, db: Session, course_id: str, author: str) -> dict[str, Any]:
        row = db.execute(select(courses).where(courses.c.id == course_id).with_for_update()).first()
        if row is None:
            raise NotFound(f"No course with id {course_id}.")
        if row.status == "retired":
            raise Conflict("The course is retired; it takes no new versions.")
        known = repo.known_assessment_slugs(db)
        problems = publish_problems(row.draft, known)
        if problems:
            raise Unpublishable(problems)
        document = resolve_assessments(frozen(row.draft), known)
        if row.latest_version is not None:
            latest = repo.version_document(db, course_id, row.latest_version)
            if latest.content_hash == content_hash(document):
                return {
                    "course_id": course_id,
                    "version": row.latest_version,
                    "published_at": latest.published_at,
                    "unchanged": True,
                }
        version = (row.latest_version or 0) + 1
        try:
            published_at = repo.insert_version(db, course_id, version, document, author)
        except IntegrityError:
            raise Conflict("Another publication of this course happened at the same moment; retry.") from None
        self.outbox.add_event(
            db, PUBLISHED, key=course_id, data=published_event(course_id, version, document, published_at)
        )
        self._forget(course_id)
        return {"course_id": course_id, "version": version, "published_at": published_at, "unchanged": False}

    def _edit(self, course_id: str, if_match: int | None, change) -> Draft:
        with self.sessions.begin() as db:
            row = repo.course_row(db, course_id)
            document = frozen(row.draft)
            change(document)
            if document["slug"] != row.slug and repo.course_id_for_slug(db, document["slug"]):
                raise Conflict(f"A course with slug {document['slug']!r} exists already.")
            revision = repo.save_draft(db, course_id, document, if_match)
        return Draft(course_id, document, revision, row.status, row.latest_version)

    def _forget(self, course_id: str) -> None:
        self._latest.pop(course_id, None)
        self._latest.pop("", None)

    @staticmethod
    def _module(document: Document, module_id: str) -> dict[str, Any]:
        module = find_module(document, module_id)
        if module is None:
            raise NotFound(f"The draft has no module {module_id}.")
        return module

    @staticmethod
    def _insert_course(db: Session, course_id: str, document: Document, author: str) -> None:
        stamp = repo.now()
        db.execute(
            courses.insert().values(
                id=course_id,
                slug=document["slug"],
                status="draft",
                draft=document,
                draft_revision=1,
                created_by=author,
                created_at=stamp,
                updated_at=stamp,
            )
        )

    # -- consumers -------------------------------------------------------------------
    @staticmethod
    def record_assessment(db: Session, data: dict[str, Any]) -> None:
        """Remember a published assessment (id, slug, latest version) from its event."""
        from lms.curriculum.db import known_assessments

        values = {
            "slug": data["slug"],
            "kind": data["kind"],
            "title": data.get("title"),
            "latest_version": data["version"],
        }
        existing = db.scalar(
            select(known_assessments.c.latest_version).where(
                known_assessments.c.assessment_id == data["assessment_id"]
            )
        )
        if existing is None:
            db.execute(known_assessments.insert().values(assessment_id=data["assessment_id"], **values))
        elif existing < data["version"]:
            db.execute(
                update(known_assessments)
                .where(known_assessments.c.assessment_id == data["assessment_id"])
                .values(**values)
            )


def _without_position(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "position" and v is not None}
