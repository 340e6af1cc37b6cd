from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.module_out import ModuleOut


T = TypeVar("T", bound="CourseOut")


@_attrs_define
class CourseOut:
    """
    Attributes:
        id (str | Unset):
        slug (str | Unset):
        title (str | Unset):
        summary (str | Unset):
        topics (list[str] | Unset):
        competencies (list[str] | Unset):
        status (str | Unset): draft | published | retired
        version (Any | Unset): a version number, or 'draft'
        latest_version (int | None | Unset):
        published_at (None | str | Unset):
        modules_count (int | Unset):
        lessons_count (int | Unset):
        duration_min (int | Unset):
        diagnostic_id (None | str | Unset): the course's diagnostic, when it names a published one
        modules (list[ModuleOut] | Unset):
    """

    id: str | Unset = UNSET
    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    topics: list[str] | Unset = UNSET
    competencies: list[str] | Unset = UNSET
    status: str | Unset = UNSET
    version: Any | Unset = UNSET
    latest_version: int | None | Unset = UNSET
    published_at: None | str | Unset = UNSET
    modules_count: int | Unset = UNSET
    lessons_count: int | Unset = UNSET
    duration_min: int | Unset = UNSET
    diagnostic_id: None | str | Unset = UNSET
    modules: list[ModuleOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        title = self.title

        summary = self.summary

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        status = self.status

        version = self.version

        latest_version: int | None | Unset
        if isinstance(self.latest_version, Unset):
            latest_version = UNSET
        else:
            latest_version = self.latest_version

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        else:
            published_at = self.published_at

        modules_count = self.modules_count

        lessons_count = self.lessons_count

        duration_min = self.duration_min

        diagnostic_id: None | str | Unset
        if isinstance(self.diagnostic_id, Unset):
            diagnostic_id = UNSET
        else:
            diagnostic_id = self.diagnostic_id

        modules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.modules, Unset):
            modules = []
            for modules_item_data in self.modules:
                modules_item = modules_item_data.to_dict()
                modules.append(modules_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if topics is not UNSET:
            field_dict["topics"] = topics
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if modules_count is not UNSET:
            field_dict["modules_count"] = modules_count
        if lessons_count is not UNSET:
            field_dict["lessons_count"] = lessons_count
        if duration_min is not UNSET:
            field_dict["duration_min"] = duration_min
        if diagnostic_id is not UNSET:
            field_dict["diagnostic_id"] = diagnostic_id
        if modules is not UNSET:
            field_dict["modules"] = modules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.module_out import ModuleOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        competencies = cast(list[str], d.pop("competencies", UNSET))

        status = d.pop("status", UNSET)

        version = d.pop("version", UNSET)

        def _parse_latest_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        latest_version = _parse_latest_version(d.pop("latest_version", UNSET))

        def _parse_published_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        modules_count = d.pop("modules_count", UNSET)

        lessons_count = d.pop("lessons_count", UNSET)

        duration_min = d.pop("duration_min", UNSET)

        def _parse_diagnostic_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        diagnostic_id = _parse_diagnostic_id(d.pop("diagnostic_id", UNSET))

        _modules = d.pop("modules", UNSET)
        modules: list[ModuleOut] | Unset = UNSET
        if _modules is not UNSET:
            modules = []
            for modules_item_data in _modules:
                modules_item = ModuleOut.from_dict(modules_item_data)

                modules.append(modules_item)

        course_out = cls(
            id=id,
            slug=slug,
            title=title,
            summary=summary,
            topics=topics,
            competencies=competencies,
            status=status,
            version=version,
            latest_version=latest_version,
            published_at=published_at,
            modules_count=modules_count,
            lessons_count=lessons_count,
            duration_min=duration_min,
            diagnostic_id=diagnostic_id,
            modules=modules,
        )

        return course_out
