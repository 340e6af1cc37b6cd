from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentCollaboratorsOut")


@_attrs_define
class AssessmentCollaboratorsOut:
    """
    Attributes:
        assessment_id (str | Unset):
        owner (str | Unset):
        collaborators (list[str] | Unset):
    """

    assessment_id: str | Unset = UNSET
    owner: str | Unset = UNSET
    collaborators: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessment_id = self.assessment_id

        owner = self.owner

        collaborators: list[str] | Unset = UNSET
        if not isinstance(self.collaborators, Unset):
            collaborators = self.collaborators

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if owner is not UNSET:
            field_dict["owner"] = owner
        if collaborators is not UNSET:
            field_dict["collaborators"] = collaborators

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessment_id = d.pop("assessment_id", UNSET)

        owner = d.pop("owner", UNSET)

        collaborators = cast(list[str], d.pop("collaborators", UNSET))

        assessment_collaborators_out = cls(
            assessment_id=assessment_id,
            owner=owner,
            collaborators=collaborators,
        )

        return assessment_collaborators_out
