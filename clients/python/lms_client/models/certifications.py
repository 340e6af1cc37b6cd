from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cycle_out import CycleOut


T = TypeVar("T", bound="Certifications")


@_attrs_define
class Certifications:
    """
    Attributes:
        learner_id (str | Unset):
        items (list[CycleOut] | Unset):
    """

    learner_id: str | Unset = UNSET
    items: list[CycleOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        learner_id = self.learner_id

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cycle_out import CycleOut  # noqa: PLC0415

        d = dict(src_dict)
        learner_id = d.pop("learner_id", UNSET)

        _items = d.pop("items", UNSET)
        items: list[CycleOut] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = CycleOut.from_dict(items_item_data)

                items.append(items_item)

        certifications = cls(
            learner_id=learner_id,
            items=items,
        )

        return certifications
