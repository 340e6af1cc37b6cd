from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricIn")


@_attrs_define
class MetricIn:
    """
    Attributes:
        name (str):
        description (str):
        unit (str | Unset):  Default: 'score'.
        higher_is_better (bool | Unset):  Default: True.
    """

    name: str
    description: str
    unit: str | Unset = "score"
    higher_is_better: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        unit = self.unit

        higher_is_better = self.higher_is_better

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "description": description,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if higher_is_better is not UNSET:
            field_dict["higher_is_better"] = higher_is_better

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        unit = d.pop("unit", UNSET)

        higher_is_better = d.pop("higher_is_better", UNSET)

        metric_in = cls(
            name=name,
            description=description,
            unit=unit,
            higher_is_better=higher_is_better,
        )

        return metric_in
