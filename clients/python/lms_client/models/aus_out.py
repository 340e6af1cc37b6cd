from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.au_out import AuOut


T = TypeVar("T", bound="AusOut")


@_attrs_define
class AusOut:
    """
    Attributes:
        enrolment_id (str | Unset):
        registration (str | Unset):
        items (list[AuOut] | Unset):
    """

    enrolment_id: str | Unset = UNSET
    registration: str | Unset = UNSET
    items: list[AuOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enrolment_id = self.enrolment_id

        registration = self.registration

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enrolment_id is not UNSET:
            field_dict["enrolment_id"] = enrolment_id
        if registration is not UNSET:
            field_dict["registration"] = registration
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.au_out import AuOut  # noqa: PLC0415

        d = dict(src_dict)
        enrolment_id = d.pop("enrolment_id", UNSET)

        registration = d.pop("registration", UNSET)

        _items = d.pop("items", UNSET)
        items: list[AuOut] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = AuOut.from_dict(items_item_data)

                items.append(items_item)

        aus_out = cls(
            enrolment_id=enrolment_id,
            registration=registration,
            items=items,
        )

        return aus_out
