from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LessonOut")


@_attrs_define
class LessonOut:
    """
    Attributes:
        id (str | Unset):
        key (str | Unset):
        position (int | Unset):
        title (str | Unset):
        kind (str | Unset):
        duration_min (int | Unset):
        competencies (list[str] | Unset):
        body (str | Unset): Markdown, or sanitised HTML with ?format=html
    """

    id: str | Unset = UNSET
    key: str | Unset = UNSET
    position: int | Unset = UNSET
    title: str | Unset = UNSET
    kind: str | Unset = UNSET
    duration_min: int | Unset = UNSET
    competencies: list[str] | Unset = UNSET
    body: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        position = self.position

        title = self.title

        kind = self.kind

        duration_min = self.duration_min

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        body = self.body

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
        if kind is not UNSET:
            field_dict["kind"] = kind
        if duration_min is not UNSET:
            field_dict["duration_min"] = duration_min
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        key = d.pop("key", UNSET)

        position = d.pop("position", UNSET)

        title = d.pop("title", UNSET)

        kind = d.pop("kind", UNSET)

        duration_min = d.pop("duration_min", UNSET)

        competencies = cast(list[str], d.pop("competencies", UNSET))

        body = d.pop("body", UNSET)

        lesson_out = cls(
            id=id,
            key=key,
            position=position,
            title=title,
            kind=kind,
            duration_min=duration_min,
            competencies=competencies,
            body=body,
        )

        return lesson_out
