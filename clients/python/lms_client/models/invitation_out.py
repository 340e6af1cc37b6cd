from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.invitation_out_status import InvitationOutStatus, check_invitation_out_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationOut")


@_attrs_define
class InvitationOut:
    """
    Attributes:
        needs_analysis_id (str | Unset):
        status (InvitationOutStatus | Unset):
        opens_at (str | Unset):
        closes_at (str | Unset):
        surveys (list[str] | Unset): the surveys the caller is asked to answer
    """

    needs_analysis_id: str | Unset = UNSET
    status: InvitationOutStatus | Unset = UNSET
    opens_at: str | Unset = UNSET
    closes_at: str | Unset = UNSET
    surveys: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        needs_analysis_id = self.needs_analysis_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        opens_at = self.opens_at

        closes_at = self.closes_at

        surveys: list[str] | Unset = UNSET
        if not isinstance(self.surveys, Unset):
            surveys = self.surveys

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if needs_analysis_id is not UNSET:
            field_dict["needs_analysis_id"] = needs_analysis_id
        if status is not UNSET:
            field_dict["status"] = status
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if surveys is not UNSET:
            field_dict["surveys"] = surveys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        needs_analysis_id = d.pop("needs_analysis_id", UNSET)

        _status = d.pop("status", UNSET)
        status: InvitationOutStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_invitation_out_status(_status)

        opens_at = d.pop("opens_at", UNSET)

        closes_at = d.pop("closes_at", UNSET)

        surveys = cast(list[str], d.pop("surveys", UNSET))

        invitation_out = cls(
            needs_analysis_id=needs_analysis_id,
            status=status,
            opens_at=opens_at,
            closes_at=closes_at,
            surveys=surveys,
        )

        return invitation_out
