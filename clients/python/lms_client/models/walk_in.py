from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalkIn")


@_attrs_define
class WalkIn:
    """
    Attributes:
        item_id (str):
        option_ids (list[str] | Unset):
    """

    item_id: str
    option_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        option_ids: list[str] | Unset = UNSET
        if not isinstance(self.option_ids, Unset):
            option_ids = self.option_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item_id": item_id,
            }
        )
        if option_ids is not UNSET:
            field_dict["option_ids"] = option_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id")

        option_ids = cast(list[str], d.pop("option_ids", UNSET))

        walk_in = cls(
            item_id=item_id,
            option_ids=option_ids,
        )

        return walk_in
