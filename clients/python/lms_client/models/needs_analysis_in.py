from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedsAnalysisIn")


@_attrs_define
class NeedsAnalysisIn:
    """
    Attributes:
        team_id (str):
        survey_id (str):
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
        leader_questionnaire_id (None | str | Unset):
    """

    team_id: str
    survey_id: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    leader_questionnaire_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        survey_id = self.survey_id

        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        leader_questionnaire_id: None | str | Unset
        if isinstance(self.leader_questionnaire_id, Unset):
            leader_questionnaire_id = UNSET
        else:
            leader_questionnaire_id = self.leader_questionnaire_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "survey_id": survey_id,
                "opens_at": opens_at,
                "closes_at": closes_at,
            }
        )
        if leader_questionnaire_id is not UNSET:
            field_dict["leader_questionnaire_id"] = leader_questionnaire_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        survey_id = d.pop("survey_id")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        def _parse_leader_questionnaire_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        leader_questionnaire_id = _parse_leader_questionnaire_id(d.pop("leader_questionnaire_id", UNSET))

        needs_analysis_in = cls(
            team_id=team_id,
            survey_id=survey_id,
            opens_at=opens_at,
            closes_at=closes_at,
            leader_questionnaire_id=leader_questionnaire_id,
        )

        return needs_analysis_in
