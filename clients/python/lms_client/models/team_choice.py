from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamChoice")


@_attrs_define
class TeamChoice:
    """
    Attributes:
        team_id (str | Unset):
        display_name (str | Unset):
        members (int | Unset):
    """

    team_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    members: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        display_name = self.display_name

        members = self.members

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id", UNSET)

        display_name = d.pop("display_name", UNSET)

        members = d.pop("members", UNSET)

        team_choice = cls(
            team_id=team_id,
            display_name=display_name,
            members=members,
        )

        return team_choice
