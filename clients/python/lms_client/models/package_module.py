from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lesson_in import LessonIn
    from ..models.package_module_cmi_5_type_0 import PackageModuleCmi5Type0


T = TypeVar("T", bound="PackageModule")


@_attrs_define
class PackageModule:
    """
    Attributes:
        key (str):
        title (str):
        summary (str | Unset):  Default: ''.
        required (bool | Unset):  Default: True.
        competencies (list[str] | Unset):
        assessment_id (None | str | Unset):
        assessment_slug (None | str | Unset):
        lessons (list[LessonIn] | Unset):
        position (int | Unset):
        cmi5 (None | PackageModuleCmi5Type0 | Unset): a cmi5 course structure, as an export gives it (see POST
            /cmi5-packages)
    """

    key: str
    title: str
    summary: str | Unset = ""
    required: bool | Unset = True
    competencies: list[str] | Unset = UNSET
    assessment_id: None | str | Unset = UNSET
    assessment_slug: None | str | Unset = UNSET
    lessons: list[LessonIn] | Unset = UNSET
    position: int | Unset = UNSET
    cmi5: None | PackageModuleCmi5Type0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.package_module_cmi_5_type_0 import PackageModuleCmi5Type0  # noqa: PLC0415

        key = self.key

        title = self.title

        summary = self.summary

        required = self.required

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        assessment_id: None | str | Unset
        if isinstance(self.assessment_id, Unset):
            assessment_id = UNSET
        else:
            assessment_id = self.assessment_id

        assessment_slug: None | str | Unset
        if isinstance(self.assessment_slug, Unset):
            assessment_slug = UNSET
        else:
            assessment_slug = self.assessment_slug

        lessons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lessons, Unset):
            lessons = []
            for lessons_item_data in self.lessons:
                lessons_item = lessons_item_data.to_dict()
                lessons.append(lessons_item)

        position = self.position

        cmi5: dict[str, Any] | None | Unset
        if isinstance(self.cmi5, Unset):
            cmi5 = UNSET
        elif isinstance(self.cmi5, PackageModuleCmi5Type0):
            cmi5 = self.cmi5.to_dict()
        else:
            cmi5 = self.cmi5

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "title": title,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if required is not UNSET:
            field_dict["required"] = required
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if assessment_slug is not UNSET:
            field_dict["assessment_slug"] = assessment_slug
        if lessons is not UNSET:
            field_dict["lessons"] = lessons
        if position is not UNSET:
            field_dict["position"] = position
        if cmi5 is not UNSET:
            field_dict["cmi5"] = cmi5

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lesson_in import LessonIn  # noqa: PLC0415
        from ..models.package_module_cmi_5_type_0 import PackageModuleCmi5Type0  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        summary = d.pop("summary", UNSET)

        required = d.pop("required", UNSET)

        competencies = cast(list[str], d.pop("competencies", UNSET))

        def _parse_assessment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id", UNSET))

        def _parse_assessment_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_slug = _parse_assessment_slug(d.pop("assessment_slug", UNSET))

        _lessons = d.pop("lessons", UNSET)
        lessons: list[LessonIn] | Unset = UNSET
        if _lessons is not UNSET:
            lessons = []
            for lessons_item_data in _lessons:
                lessons_item = LessonIn.from_dict(lessons_item_data)

                lessons.append(lessons_item)

        position = d.pop("position", UNSET)

        def _parse_cmi5(data: object) -> None | PackageModuleCmi5Type0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cmi5_type_0 = PackageModuleCmi5Type0.from_dict(data)

                return cmi5_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PackageModuleCmi5Type0 | Unset, data)

        cmi5 = _parse_cmi5(d.pop("cmi5", UNSET))

        package_module = cls(
            key=key,
            title=title,
            summary=summary,
            required=required,
            competencies=competencies,
            assessment_id=assessment_id,
            assessment_slug=assessment_slug,
            lessons=lessons,
            position=position,
            cmi5=cmi5,
        )

        return package_module
