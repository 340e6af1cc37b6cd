from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_row import MemberRow


T = TypeVar("T", bound="TeamProgress")


@_attrs_define
class TeamProgress:
    """
    Attributes:
        team_id (str | Unset):
        display_name (str | Unset):
        items (list[MemberRow] | Unset):
    """

    team_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    items: list[MemberRow] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        display_name = self.display_name

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_row import MemberRow  # noqa: PLC0415

        d = dict(src_dict)
        team_id = d.pop("team_id", UNSET)

        display_name = d.pop("display_name", UNSET)

        _items = d.pop("items", UNSET)
        items: list[MemberRow] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = MemberRow.from_dict(items_item_data)

                items.append(items_item)

        team_progress = cls(
            team_id=team_id,
            display_name=display_name,
            items=items,
        )

        return team_progress
