from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseChoice")


@_attrs_define
class CourseChoice:
    """
    Attributes:
        course_id (str | Unset):
        title (str | Unset):
    """

    course_id: str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id", UNSET)

        title = d.pop("title", UNSET)

        course_choice = cls(
            course_id=course_id,
            title=title,
        )

        return course_choice
