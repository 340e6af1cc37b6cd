from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KpiIngested")


@_attrs_define
class KpiIngested:
    """
    Attributes:
        received (int | Unset):
        inserted (int | Unset):
        corrected (int | Unset):
        unchanged (int | Unset):
    """

    received: int | Unset = UNSET
    inserted: int | Unset = UNSET
    corrected: int | Unset = UNSET
    unchanged: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        received = self.received

        inserted = self.inserted

        corrected = self.corrected

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if received is not UNSET:
            field_dict["received"] = received
        if inserted is not UNSET:
            field_dict["inserted"] = inserted
        if corrected is not UNSET:
            field_dict["corrected"] = corrected
        if unchanged is not UNSET:
            field_dict["unchanged"] = unchanged

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received = d.pop("received", UNSET)

        inserted = d.pop("inserted", UNSET)

        corrected = d.pop("corrected", UNSET)

        unchanged = d.pop("unchanged", UNSET)

        kpi_ingested = cls(
            received=received,
            inserted=inserted,
            corrected=corrected,
            unchanged=unchanged,
        )

        return kpi_ingested
