from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lesson_in import LessonIn


T = TypeVar("T", bound="ModuleIn")


@_attrs_define
class ModuleIn:
    """
    Attributes:
        title (str):
        key (str | Unset):
        summary (str | Unset):  Default: ''.
        required (bool | Unset):  Default: True.
        competencies (list[str] | Unset):
        assessment_id (None | str | Unset):
        assessment_slug (None | str | Unset):
        lessons (list[LessonIn] | Unset):
        position (int | Unset):
    """

    title: str
    key: str | Unset = UNSET
    summary: str | Unset = ""
    required: bool | Unset = True
    competencies: list[str] | Unset = UNSET
    assessment_id: None | str | Unset = UNSET
    assessment_slug: None | str | Unset = UNSET
    lessons: list[LessonIn] | Unset = UNSET
    position: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        key = self.key

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lesson_in import LessonIn  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        key = d.pop("key", UNSET)

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

        module_in = cls(
            title=title,
            key=key,
            summary=summary,
            required=required,
            competencies=competencies,
            assessment_id=assessment_id,
            assessment_slug=assessment_slug,
            lessons=lessons,
            position=position,
        )

        return module_in
