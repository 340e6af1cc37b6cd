from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.needs_analysis_out_status import NeedsAnalysisOutStatus, check_needs_analysis_out_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedsAnalysisOut")


@_attrs_define
class NeedsAnalysisOut:
    """
    Attributes:
        id (str | Unset):
        team_id (str | Unset):
        survey_id (str | Unset):
        leader_questionnaire_id (None | str | Unset):
        opens_at (str | Unset):
        closes_at (str | Unset):
        status (NeedsAnalysisOutStatus | Unset):
        closed_at (None | str | Unset):
        invitees (list[str] | Unset): the invitation list (team at creation)
        invited (int | Unset):
        participated (int | Unset):
        respondents (int | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
    """

    id: str | Unset = UNSET
    team_id: str | Unset = UNSET
    survey_id: str | Unset = UNSET
    leader_questionnaire_id: None | str | Unset = UNSET
    opens_at: str | Unset = UNSET
    closes_at: str | Unset = UNSET
    status: NeedsAnalysisOutStatus | Unset = UNSET
    closed_at: None | str | Unset = UNSET
    invitees: list[str] | Unset = UNSET
    invited: int | Unset = UNSET
    participated: int | Unset = UNSET
    respondents: int | Unset = UNSET
    created_by: str | Unset = UNSET
    created_at: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        team_id = self.team_id

        survey_id = self.survey_id

        leader_questionnaire_id: None | str | Unset
        if isinstance(self.leader_questionnaire_id, Unset):
            leader_questionnaire_id = UNSET
        else:
            leader_questionnaire_id = self.leader_questionnaire_id

        opens_at = self.opens_at

        closes_at = self.closes_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        invitees: list[str] | Unset = UNSET
        if not isinstance(self.invitees, Unset):
            invitees = self.invitees

        invited = self.invited

        participated = self.participated

        respondents = self.respondents

        created_by = self.created_by

        created_at = self.created_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if survey_id is not UNSET:
            field_dict["survey_id"] = survey_id
        if leader_questionnaire_id is not UNSET:
            field_dict["leader_questionnaire_id"] = leader_questionnaire_id
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if status is not UNSET:
            field_dict["status"] = status
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if invitees is not UNSET:
            field_dict["invitees"] = invitees
        if invited is not UNSET:
            field_dict["invited"] = invited
        if participated is not UNSET:
            field_dict["participated"] = participated
        if respondents is not UNSET:
            field_dict["respondents"] = respondents
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        team_id = d.pop("team_id", UNSET)

        survey_id = d.pop("survey_id", UNSET)

        def _parse_leader_questionnaire_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        leader_questionnaire_id = _parse_leader_questionnaire_id(d.pop("leader_questionnaire_id", UNSET))

        opens_at = d.pop("opens_at", UNSET)

        closes_at = d.pop("closes_at", UNSET)

        _status = d.pop("status", UNSET)
        status: NeedsAnalysisOutStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_needs_analysis_out_status(_status)

        def _parse_closed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        invitees = cast(list[str], d.pop("invitees", UNSET))

        invited = d.pop("invited", UNSET)

        participated = d.pop("participated", UNSET)

        respondents = d.pop("respondents", UNSET)

        created_by = d.pop("created_by", UNSET)

        created_at = d.pop("created_at", UNSET)

        needs_analysis_out = cls(
            id=id,
            team_id=team_id,
            survey_id=survey_id,
            leader_questionnaire_id=leader_questionnaire_id,
            opens_at=opens_at,
            closes_at=closes_at,
            status=status,
            closed_at=closed_at,
            invitees=invitees,
            invited=invited,
            participated=participated,
            respondents=respondents,
            created_by=created_by,
            created_at=created_at,
        )

        return needs_analysis_out
