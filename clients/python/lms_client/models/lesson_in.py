from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lesson_in_kind import LessonInKind, check_lesson_in_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LessonIn")


@_attrs_define
class LessonIn:
    """
    Attributes:
        title (str):
        body (str):
        id (str | Unset): keep an existing lesson
        key (str | Unset):
        position (int | Unset): ignored: the list order is the order
        kind (LessonInKind | Unset):  Default: 'text'.
        duration_min (int | Unset):  Default: 5.
        competencies (list[str] | Unset):
    """

    title: str
    body: str
    id: str | Unset = UNSET
    key: str | Unset = UNSET
    position: int | Unset = UNSET
    kind: LessonInKind | Unset = "text"
    duration_min: int | Unset = 5
    competencies: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        body = self.body

        id = self.id

        key = self.key

        position = self.position

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        duration_min = self.duration_min

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "body": body,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if key is not UNSET:
            field_dict["key"] = key
        if position is not UNSET:
            field_dict["position"] = position
        if kind is not UNSET:
            field_dict["kind"] = kind
        if duration_min is not UNSET:
            field_dict["duration_min"] = duration_min
        if competencies is not UNSET:
            field_dict["competencies"] = competencies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        body = d.pop("body")

        id = d.pop("id", UNSET)

        key = d.pop("key", UNSET)

        position = d.pop("position", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: LessonInKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_lesson_in_kind(_kind)

        duration_min = d.pop("duration_min", UNSET)

        competencies = cast(list[str], d.pop("competencies", UNSET))

        lesson_in = cls(
            title=title,
            body=body,
            id=id,
            key=key,
            position=position,
            kind=kind,
            duration_min=duration_min,
            competencies=competencies,
        )

        return lesson_in
