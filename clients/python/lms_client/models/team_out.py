from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamOut")


@_attrs_define
class TeamOut:
    """
    Attributes:
        id (str | Unset):
        display_name (str | Unset):
        member_count (int | Unset):
        manager_ids (list[str] | Unset):
    """

    id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    member_count: int | Unset = UNSET
    manager_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        member_count = self.member_count

        manager_ids: list[str] | Unset = UNSET
        if not isinstance(self.manager_ids, Unset):
            manager_ids = self.manager_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if member_count is not UNSET:
            field_dict["member_count"] = member_count
        if manager_ids is not UNSET:
            field_dict["manager_ids"] = manager_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        display_name = d.pop("display_name", UNSET)

        member_count = d.pop("member_count", UNSET)

        manager_ids = cast(list[str], d.pop("manager_ids", UNSET))

        team_out = cls(
            id=id,
            display_name=display_name,
            member_count=member_count,
            manager_ids=manager_ids,
        )

        return team_out
