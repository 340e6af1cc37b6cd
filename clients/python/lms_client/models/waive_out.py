from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WaiveOut")


@_attrs_define
class WaiveOut:
    """
    Attributes:
        enrolment_id (str | Unset):
        lesson_id (str | Unset):
        waived (bool | Unset):
        session_id (str | Unset): the session id of the waived statement
    """

    enrolment_id: str | Unset = UNSET
    lesson_id: str | Unset = UNSET
    waived: bool | Unset = UNSET
    session_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enrolment_id = self.enrolment_id

        lesson_id = self.lesson_id

        waived = self.waived

        session_id = self.session_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enrolment_id is not UNSET:
            field_dict["enrolment_id"] = enrolment_id
        if lesson_id is not UNSET:
            field_dict["lesson_id"] = lesson_id
        if waived is not UNSET:
            field_dict["waived"] = waived
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enrolment_id = d.pop("enrolment_id", UNSET)

        lesson_id = d.pop("lesson_id", UNSET)

        waived = d.pop("waived", UNSET)

        session_id = d.pop("session_id", UNSET)

        waive_out = cls(
            enrolment_id=enrolment_id,
            lesson_id=lesson_id,
            waived=waived,
            session_id=session_id,
        )

        return waive_out
