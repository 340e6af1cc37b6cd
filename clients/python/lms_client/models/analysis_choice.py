from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.analysis_choice_status import AnalysisChoiceStatus, check_analysis_choice_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalysisChoice")


@_attrs_define
class AnalysisChoice:
    """
    Attributes:
        id (str | Unset):
        team_id (str | Unset):
        status (AnalysisChoiceStatus | Unset):
        opens_at (str | Unset):
        closes_at (str | Unset):
        closed_at (None | str | Unset):
    """

    id: str | Unset = UNSET
    team_id: str | Unset = UNSET
    status: AnalysisChoiceStatus | Unset = UNSET
    opens_at: str | Unset = UNSET
    closes_at: str | Unset = UNSET
    closed_at: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        team_id = self.team_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        opens_at = self.opens_at

        closes_at = self.closes_at

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if status is not UNSET:
            field_dict["status"] = status
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        team_id = d.pop("team_id", UNSET)

        _status = d.pop("status", UNSET)
        status: AnalysisChoiceStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_analysis_choice_status(_status)

        opens_at = d.pop("opens_at", UNSET)

        closes_at = d.pop("closes_at", UNSET)

        def _parse_closed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        analysis_choice = cls(
            id=id,
            team_id=team_id,
            status=status,
            opens_at=opens_at,
            closes_at=closes_at,
            closed_at=closed_at,
        )

        return analysis_choice
