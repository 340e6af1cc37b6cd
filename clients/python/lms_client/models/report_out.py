from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.report_out_status import ReportOutStatus, check_report_out_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_out_causes_item import ReportOutCausesItem
    from ..models.report_out_leader_questionnaire_type_0 import ReportOutLeaderQuestionnaireType0
    from ..models.report_out_skill_gaps_item import ReportOutSkillGapsItem
    from ..models.report_out_system_causes_item import ReportOutSystemCausesItem


T = TypeVar("T", bound="ReportOut")


@_attrs_define
class ReportOut:
    """
    Attributes:
        respondents (int):
        invited (int):
        min_group_size (int):
        suppressed (bool):
        needs_analysis_id (str | Unset):
        team_id (str | Unset):
        participated (int | Unset):
        response_rate (float | None | Unset):
        status (ReportOutStatus | Unset): open: counts so far; awaiting_responses: closed, the sealed responses are on
            their way; closed: frozen
        reason (str | Unset): why the aggregates are not shown (suppressed only)
        available_from (str | Unset):
        closed_at (str | Unset):
        causes (list[ReportOutCausesItem] | Unset):
        skill_gaps (list[ReportOutSkillGapsItem] | Unset):
        system_causes (list[ReportOutSystemCausesItem] | Unset):
        verdict (str | Unset):
        leader_questionnaire (None | ReportOutLeaderQuestionnaireType0 | Unset):
        note (str | Unset):
    """

    respondents: int
    invited: int
    min_group_size: int
    suppressed: bool
    needs_analysis_id: str | Unset = UNSET
    team_id: str | Unset = UNSET
    participated: int | Unset = UNSET
    response_rate: float | None | Unset = UNSET
    status: ReportOutStatus | Unset = UNSET
    reason: str | Unset = UNSET
    available_from: str | Unset = UNSET
    closed_at: str | Unset = UNSET
    causes: list[ReportOutCausesItem] | Unset = UNSET
    skill_gaps: list[ReportOutSkillGapsItem] | Unset = UNSET
    system_causes: list[ReportOutSystemCausesItem] | Unset = UNSET
    verdict: str | Unset = UNSET
    leader_questionnaire: None | ReportOutLeaderQuestionnaireType0 | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_out_leader_questionnaire_type_0 import ReportOutLeaderQuestionnaireType0  # noqa: PLC0415

        respondents = self.respondents

        invited = self.invited

        min_group_size = self.min_group_size

        suppressed = self.suppressed

        needs_analysis_id = self.needs_analysis_id

        team_id = self.team_id

        participated = self.participated

        response_rate: float | None | Unset
        if isinstance(self.response_rate, Unset):
            response_rate = UNSET
        else:
            response_rate = self.response_rate

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        reason = self.reason

        available_from = self.available_from

        closed_at = self.closed_at

        causes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.causes, Unset):
            causes = []
            for causes_item_data in self.causes:
                causes_item = causes_item_data.to_dict()
                causes.append(causes_item)

        skill_gaps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skill_gaps, Unset):
            skill_gaps = []
            for skill_gaps_item_data in self.skill_gaps:
                skill_gaps_item = skill_gaps_item_data.to_dict()
                skill_gaps.append(skill_gaps_item)

        system_causes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.system_causes, Unset):
            system_causes = []
            for system_causes_item_data in self.system_causes:
                system_causes_item = system_causes_item_data.to_dict()
                system_causes.append(system_causes_item)

        verdict = self.verdict

        leader_questionnaire: dict[str, Any] | None | Unset
        if isinstance(self.leader_questionnaire, Unset):
            leader_questionnaire = UNSET
        elif isinstance(self.leader_questionnaire, ReportOutLeaderQuestionnaireType0):
            leader_questionnaire = self.leader_questionnaire.to_dict()
        else:
            leader_questionnaire = self.leader_questionnaire

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "respondents": respondents,
                "invited": invited,
                "min_group_size": min_group_size,
                "suppressed": suppressed,
            }
        )
        if needs_analysis_id is not UNSET:
            field_dict["needs_analysis_id"] = needs_analysis_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if participated is not UNSET:
            field_dict["participated"] = participated
        if response_rate is not UNSET:
            field_dict["response_rate"] = response_rate
        if status is not UNSET:
            field_dict["status"] = status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if causes is not UNSET:
            field_dict["causes"] = causes
        if skill_gaps is not UNSET:
            field_dict["skill_gaps"] = skill_gaps
        if system_causes is not UNSET:
            field_dict["system_causes"] = system_causes
        if verdict is not UNSET:
            field_dict["verdict"] = verdict
        if leader_questionnaire is not UNSET:
            field_dict["leader_questionnaire"] = leader_questionnaire
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_out_causes_item import ReportOutCausesItem  # noqa: PLC0415
        from ..models.report_out_leader_questionnaire_type_0 import ReportOutLeaderQuestionnaireType0  # noqa: PLC0415
        from ..models.report_out_skill_gaps_item import ReportOutSkillGapsItem  # noqa: PLC0415
        from ..models.report_out_system_causes_item import ReportOutSystemCausesItem  # noqa: PLC0415

        d = dict(src_dict)
        respondents = d.pop("respondents")

        invited = d.pop("invited")

        min_group_size = d.pop("min_group_size")

        suppressed = d.pop("suppressed")

        needs_analysis_id = d.pop("needs_analysis_id", UNSET)

        team_id = d.pop("team_id", UNSET)

        participated = d.pop("participated", UNSET)

        def _parse_response_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        response_rate = _parse_response_rate(d.pop("response_rate", UNSET))

        _status = d.pop("status", UNSET)
        status: ReportOutStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_report_out_status(_status)

        reason = d.pop("reason", UNSET)

        available_from = d.pop("available_from", UNSET)

        closed_at = d.pop("closed_at", UNSET)

        _causes = d.pop("causes", UNSET)
        causes: list[ReportOutCausesItem] | Unset = UNSET
        if _causes is not UNSET:
            causes = []
            for causes_item_data in _causes:
                causes_item = ReportOutCausesItem.from_dict(causes_item_data)

                causes.append(causes_item)

        _skill_gaps = d.pop("skill_gaps", UNSET)
        skill_gaps: list[ReportOutSkillGapsItem] | Unset = UNSET
        if _skill_gaps is not UNSET:
            skill_gaps = []
            for skill_gaps_item_data in _skill_gaps:
                skill_gaps_item = ReportOutSkillGapsItem.from_dict(skill_gaps_item_data)

                skill_gaps.append(skill_gaps_item)

        _system_causes = d.pop("system_causes", UNSET)
        system_causes: list[ReportOutSystemCausesItem] | Unset = UNSET
        if _system_causes is not UNSET:
            system_causes = []
            for system_causes_item_data in _system_causes:
                system_causes_item = ReportOutSystemCausesItem.from_dict(system_causes_item_data)

                system_causes.append(system_causes_item)

        verdict = d.pop("verdict", UNSET)

        def _parse_leader_questionnaire(data: object) -> None | ReportOutLeaderQuestionnaireType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                leader_questionnaire_type_0 = ReportOutLeaderQuestionnaireType0.from_dict(data)

                return leader_questionnaire_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportOutLeaderQuestionnaireType0 | Unset, data)

        leader_questionnaire = _parse_leader_questionnaire(d.pop("leader_questionnaire", UNSET))

        note = d.pop("note", UNSET)

        report_out = cls(
            respondents=respondents,
            invited=invited,
            min_group_size=min_group_size,
            suppressed=suppressed,
            needs_analysis_id=needs_analysis_id,
            team_id=team_id,
            participated=participated,
            response_rate=response_rate,
            status=status,
            reason=reason,
            available_from=available_from,
            closed_at=closed_at,
            causes=causes,
            skill_gaps=skill_gaps,
            system_causes=system_causes,
            verdict=verdict,
            leader_questionnaire=leader_questionnaire,
            note=note,
        )

        return report_out
