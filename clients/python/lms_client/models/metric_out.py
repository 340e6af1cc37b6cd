from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricOut")


@_attrs_define
class MetricOut:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        unit (str | Unset):
        higher_is_better (bool | Unset):
        builtin (bool | Unset):
        declared_at (str | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    unit: str | Unset = UNSET
    higher_is_better: bool | Unset = UNSET
    builtin: bool | Unset = UNSET
    declared_at: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        unit = self.unit

        higher_is_better = self.higher_is_better

        builtin = self.builtin

        declared_at = self.declared_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if unit is not UNSET:
            field_dict["unit"] = unit
        if higher_is_better is not UNSET:
            field_dict["higher_is_better"] = higher_is_better
        if builtin is not UNSET:
            field_dict["builtin"] = builtin
        if declared_at is not UNSET:
            field_dict["declared_at"] = declared_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        unit = d.pop("unit", UNSET)

        higher_is_better = d.pop("higher_is_better", UNSET)

        builtin = d.pop("builtin", UNSET)

        declared_at = d.pop("declared_at", UNSET)

        metric_out = cls(
            name=name,
            description=description,
            unit=unit,
            higher_is_better=higher_is_better,
            builtin=builtin,
            declared_at=declared_at,
        )

        return metric_out
