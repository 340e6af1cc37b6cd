from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StartIn")


@_attrs_define
class StartIn:
    """
    Attributes:
        needs_analysis_id (str | Unset): surveys (required): the needs analysis this response belongs to; only its
            invitees may answer, once, while it is open (403 otherwise, 409 for a second attempt)
    """

    needs_analysis_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        needs_analysis_id = self.needs_analysis_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if needs_analysis_id is not UNSET:
            field_dict["needs_analysis_id"] = needs_analysis_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        needs_analysis_id = d.pop("needs_analysis_id", UNSET)

        start_in = cls(
            needs_analysis_id=needs_analysis_id,
        )

        return start_in
