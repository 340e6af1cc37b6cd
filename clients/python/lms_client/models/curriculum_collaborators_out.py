from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurriculumCollaboratorsOut")


@_attrs_define
class CurriculumCollaboratorsOut:
    """
    Attributes:
        course_id (str | Unset):
        owner (None | str | Unset): null: only admins may edit
        collaborators (list[str] | Unset):
    """

    course_id: str | Unset = UNSET
    owner: None | str | Unset = UNSET
    collaborators: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        collaborators: list[str] | Unset = UNSET
        if not isinstance(self.collaborators, Unset):
            collaborators = self.collaborators

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if owner is not UNSET:
            field_dict["owner"] = owner
        if collaborators is not UNSET:
            field_dict["collaborators"] = collaborators

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id", UNSET)

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        collaborators = cast(list[str], d.pop("collaborators", UNSET))

        curriculum_collaborators_out = cls(
            course_id=course_id,
            owner=owner,
            collaborators=collaborators,
        )

        return curriculum_collaborators_out
