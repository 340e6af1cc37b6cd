from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lesson_out import LessonOut
    from ..models.module_out_cmi_5 import ModuleOutCmi5


T = TypeVar("T", bound="ModuleOut")


@_attrs_define
class ModuleOut:
    """
    Attributes:
        id (str | Unset):
        key (str | Unset):
        position (int | Unset):
        title (str | Unset):
        summary (str | Unset):
        required (bool | Unset):
        competencies (list[str] | Unset):
        assessment_id (None | str | Unset):
        assessment_slug (None | str | Unset):
        lessons (list[LessonOut] | Unset):
        cmi5 (ModuleOutCmi5 | Unset): a cmi5 course (POST /cmi5-packages): its structure of blocks and AUs; each AU
            names its lesson (kind `au`), launched by POST /enrolments/{id}/aus/{lesson_id}/launches
    """

    id: str | Unset = UNSET
    key: str | Unset = UNSET
    position: int | Unset = UNSET
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    required: bool | Unset = UNSET
    competencies: list[str] | Unset = UNSET
    assessment_id: None | str | Unset = UNSET
    assessment_slug: None | str | Unset = UNSET
    lessons: list[LessonOut] | Unset = UNSET
    cmi5: ModuleOutCmi5 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        position = self.position

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

        cmi5: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cmi5, Unset):
            cmi5 = self.cmi5.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if key is not UNSET:
            field_dict["key"] = key
        if position is not UNSET:
            field_dict["position"] = position
        if title is not UNSET:
            field_dict["title"] = title
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
        if cmi5 is not UNSET:
            field_dict["cmi5"] = cmi5

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lesson_out import LessonOut  # noqa: PLC0415
        from ..models.module_out_cmi_5 import ModuleOutCmi5  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        key = d.pop("key", UNSET)

        position = d.pop("position", UNSET)

        title = d.pop("title", UNSET)

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
        lessons: list[LessonOut] | Unset = UNSET
        if _lessons is not UNSET:
            lessons = []
            for lessons_item_data in _lessons:
                lessons_item = LessonOut.from_dict(lessons_item_data)

                lessons.append(lessons_item)

        _cmi5 = d.pop("cmi5", UNSET)
        cmi5: ModuleOutCmi5 | Unset
        if isinstance(_cmi5, Unset):
            cmi5 = UNSET
        else:
            cmi5 = ModuleOutCmi5.from_dict(_cmi5)

        module_out = cls(
            id=id,
            key=key,
            position=position,
            title=title,
            summary=summary,
            required=required,
            competencies=competencies,
            assessment_id=assessment_id,
            assessment_slug=assessment_slug,
            lessons=lessons,
            cmi5=cmi5,
        )

        return module_out
