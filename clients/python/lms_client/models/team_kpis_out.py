from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.team_kpis_out_items_item import TeamKpisOutItemsItem


T = TypeVar("T", bound="TeamKpisOut")


@_attrs_define
class TeamKpisOut:
    """
    Attributes:
        team_id (str | Unset):
        items (list[TeamKpisOutItemsItem] | Unset):
    """

    team_id: str | Unset = UNSET
    items: list[TeamKpisOutItemsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

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
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_kpis_out_items_item import TeamKpisOutItemsItem  # noqa: PLC0415

        d = dict(src_dict)
        team_id = d.pop("team_id", UNSET)

        _items = d.pop("items", UNSET)
        items: list[TeamKpisOutItemsItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = TeamKpisOutItemsItem.from_dict(items_item_data)

                items.append(items_item)

        team_kpis_out = cls(
            team_id=team_id,
            items=items,
        )

        return team_kpis_out
