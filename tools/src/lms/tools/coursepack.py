"""Course packages on disk (courses/<slug>/): course.yaml, lesson Markdown, assessment YAML; and
cmi5 packages (a folder with cmi5.xml and its files, a ZIP, or a bare cmi5.xml).

See courses/FORMAT.md. `load()` returns what the APIs take: the course package with every
lesson body inline, and the assessment definitions (POST /assessments bodies).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class PackError(ValueError):
    """A package folder that cannot be read; the message says where."""


@dataclass(frozen=True)
class CoursePack:
    """A course with its assessments, or (course None) a folder of assessments alone: the
    needs-analysis surveys belong to no course."""

    folder: Path
    course: dict[str, Any] | None
    assessments: list[dict[str, Any]]

    @property
    def slug(self) -> str:
        return self.course["slug"] if self.course else self.folder.name

    def lessons(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [(m, lesson) for m in self.course["modules"] for lesson in m["lessons"]]


def load(folder: Path) -> CoursePack:
    assessments = [_yaml(path) for path in sorted((folder / "assessments").glob("*.yaml"))]
    if not (folder / "course.yaml").is_file():
        return CoursePack(folder, None, assessments)
    course = _yaml(folder / "course.yaml")
    for module in course.get("modules", []):
        for lesson in module.get("lessons", []):
            if "body_file" in lesson:
                path = folder / lesson.pop("body_file")
                if not path.is_file():
                    raise PackError(f"{folder.name}: lesson {lesson.get('key')!r} has no file {path}")
                lesson["body"] = path.read_text(encoding="utf-8")
    return CoursePack(folder, course, assessments)


def discover(paths: list[Path]) -> list[Path]:
    """Course folders among `paths` (a folder holding course.yaml, or a folder of such folders)."""
    found: list[Path] = []
    for path in paths:
        if (path / "course.yaml").is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p.parent for p in path.glob("*/course.yaml"))
    return found


def discover_cmi5(paths: list[Path]) -> list[Path]:
    """cmi5 packages among `paths`: a ZIP, a cmi5.xml, a folder holding cmi5.xml, or a folder of such."""
    found: list[Path] = []
    for path in paths:
        package_file = path.is_file() and (path.suffix == ".zip" or path.name == "cmi5.xml")
        if package_file or (path / "cmi5.xml").is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p.parent for p in path.glob("*/cmi5.xml"))
    return found


def cmi5_package(path: Path) -> tuple[bytes, str]:
    """The package's bytes and media type: a folder is zipped the same way every time (sorted, fixed
    dates), so importing it again sends the same archive and changes nothing."""
    if path.is_file():
        return path.read_bytes(), "application/zip" if path.suffix == ".zip" else "application/xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(file.relative_to(path).as_posix(), date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    return buffer.getvalue(), "application/zip"


def discover_assessment_sets(paths: list[Path]) -> list[Path]:
    """Folders among `paths` (or their sub-folders) holding assessments but no course.yaml."""
    candidates = [
        p for path in paths for p in ([path] if (path / "assessments").is_dir() else path.glob("*"))
    ]
    return sorted(p for p in candidates if (p / "assessments").is_dir() and not (p / "course.yaml").is_file())


def _yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping at the top")
    return data
