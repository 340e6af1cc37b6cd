from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssessmentCollaboratorsIn")


@_attrs_define
class AssessmentCollaboratorsIn:
    """
    Attributes:
        collaborators (list[str]):
    """

    collaborators: list[str]

    def to_dict(self) -> dict[str, Any]:
        collaborators = self.collaborators

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "collaborators": collaborators,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collaborators = cast(list[str], d.pop("collaborators"))

        assessment_collaborators_in = cls(
            collaborators=collaborators,
        )

        return assessment_collaborators_in
