"""`lms import <folder>...`: course packages into a running suite, through the gateway.

Assessments first (created, or their draft replaced when it differs, then published: an
unchanged one publishes nothing), then the course (`POST /course-packages?publish=true`:
published only when it changed). The curriculum learns of newly published assessments
from Kafka, so the course import waits for that (retrying on 422 for up to a minute).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from tqdm import tqdm

from lms.tools.coursepack import (
    CoursePack,
    cmi5_package,
    discover,
    discover_assessment_sets,
    discover_cmi5,
    load,
)


class ImportFailed(Exception):
    pass


@dataclass
class Report:
    slug: str
    assessments_published: list[str] = field(default_factory=list)
    course_version: int | None = None
    changes: list[str] = field(default_factory=list)

    def line(self) -> str:
        course = f"published v{self.course_version}" if self.course_version else "unchanged"
        quizzes = f"{len(self.assessments_published)} assessment version(s) published"
        return f"{self.slug}: course {course}; {quizzes}"


class Importer:
    def __init__(self, client: httpx.Client, wait_s: float = 60.0):
        self.client = client
        self.wait_s = wait_s

    def run(self, folders: list[Path], progress: bool = True, into: str | None = None) -> list[Report]:
        """Import every package found; `into` puts cmi5 packages into that course (as modules)."""
        found = discover_assessment_sets(folders) + discover(folders)
        packs = [load(folder) for folder in found]
        cmi5 = discover_cmi5(folders)
        if not packs and not cmi5:
            raise ImportFailed("no course folders (course.yaml, assessments/ or cmi5.xml) found")
        steps = sum(len(p.assessments) + (p.course is not None) for p in packs) + len(cmi5)
        reports = []
        with tqdm(total=steps, desc="import", unit="step", disable=not progress) as bar:
            for pack in packs:
                reports.append(self._course(pack, bar))
            for path in cmi5:
                bar.set_postfix_str(path.name)
                reports.append(self._cmi5(path, into))
                bar.update()
        return reports

    def _cmi5(self, path: Path, into: str | None) -> Report:
        """`POST /cmi5-packages?publish=true`: a folder as a course of its name, or into `into`."""
        body, media_type = cmi5_package(path)
        slug = path.stem if path.is_dir() or path.suffix == ".zip" else path.parent.name
        params = {"publish": "true", **({"course_id": into} if into else {"slug": slug})}
        response = self.client.post(
            "/api/v1/cmi5-packages", params=params, content=body, headers={"Content-Type": media_type}
        )
        _ok(response)
        result = response.json()
        return Report(slug, course_version=result["published_version"], changes=result["changes"])

    def _course(self, pack: CoursePack, bar: tqdm) -> Report:
        report = Report(pack.slug)
        existing = {a["slug"]: a for a in self._call("GET", "/api/v1/assessments")}
        for definition in pack.assessments:
            bar.set_postfix_str(definition["slug"])
            if self._assessment(definition, existing.get(definition["slug"])):
                report.assessments_published.append(definition["slug"])
            bar.update()
        if pack.course is None:
            return report
        bar.set_postfix_str(pack.slug)
        result = self._course_package(pack.course)
        report.course_version, report.changes = result["published_version"], result["changes"]
        bar.update()
        return report

    def _assessment(self, definition: dict[str, Any], existing: dict[str, Any] | None) -> bool:
        """Make the draft equal `definition` and publish it; True when a new version was published."""
        if existing is None:
            assessment_id = self._call("POST", "/api/v1/assessments", definition)["id"]
        else:
            assessment_id = existing["id"]
            draft = self.client.get(f"/api/v1/assessments/{assessment_id}", params={"version": "draft"})
            _ok(draft)
            if _definition(draft.json()) != _definition(definition):
                self._call(
                    "PUT",
                    f"/api/v1/assessments/{assessment_id}",
                    definition,
                    headers={"If-Match": draft.headers["ETag"]},
                )
        published = self.client.post(f"/api/v1/assessments/{assessment_id}/publish")
        _ok(published)
        return published.status_code == 201

    def _course_package(self, course: dict[str, Any]) -> dict[str, Any]:
        deadline = time.monotonic() + self.wait_s
        while True:
            response = self._import_course(course)
            not_yet_known = response.status_code == 422 and "not published" in response.text
            if not not_yet_known or time.monotonic() > deadline:
                _ok(response)
                return response.json()
            time.sleep(1)  # the curriculum has not consumed the assessment.published events yet

    def _import_course(self, course: dict[str, Any]) -> httpx.Response:
        """Import with publish; over an existing course, If-Match carries the ETag a dry run reports."""
        dry = self.client.post("/api/v1/course-packages", params={"dry_run": "true"}, json=course)
        _ok(dry)
        headers = {"If-Match": dry.headers["ETag"]} if "ETag" in dry.headers else {}
        return self.client.post(
            "/api/v1/course-packages", params={"publish": "true"}, json=course, headers=headers
        )

    def _call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        response = self.client.request(method, path, json=body, headers=headers)
        _ok(response)
        return response.json() if response.content else None


def _definition(view: dict[str, Any]) -> dict[str, Any]:
    """The author-given part of a definition, for comparing a draft with a file."""
    keys = ("slug", "title", "kind", "pass_mark", "max_attempts", "time_limit_s", "shuffle", "items")
    return {k: view.get(k) for k in keys}


def _ok(response: httpx.Response) -> None:
    if response.status_code >= 400:
        try:
            body = response.json()
            detail = f"{body.get('detail')} {body.get('errors') or ''}"
        except ValueError:
            detail = response.text[:300]
        raise ImportFailed(
            f"{response.request.method} {response.request.url.path}: HTTP {response.status_code} {detail}"
        )
