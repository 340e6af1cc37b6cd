from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.charts_out_causes_state import ChartsOutCausesState, check_charts_out_causes_state
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.charts_out_causes_type_0 import ChartsOutCausesType0
    from ..models.charts_out_completions_type_0 import ChartsOutCompletionsType0
    from ..models.charts_out_findings import ChartsOutFindings
    from ..models.charts_out_kpis_item import ChartsOutKpisItem
    from ..models.charts_out_needs_analysis_type_0 import ChartsOutNeedsAnalysisType0
    from ..models.course_choice import CourseChoice
    from ..models.team_choice import TeamChoice


T = TypeVar("T", bound="ChartsOut")


@_attrs_define
class ChartsOut:
    """
    Attributes:
        team (TeamChoice | Unset):
        needs_analysis (ChartsOutNeedsAnalysisType0 | None | Unset):
        course (CourseChoice | None | Unset):
        causes (ChartsOutCausesType0 | None | Unset):
        causes_state (ChartsOutCausesState | Unset):
        causes_note (None | str | Unset):
        findings (ChartsOutFindings | Unset):
        completions (ChartsOutCompletionsType0 | None | Unset):
        completions_note (None | str | Unset):
        kpis (list[ChartsOutKpisItem] | Unset):
        kpis_note (None | str | Unset):
        impact_note (None | str | Unset):
    """

    team: TeamChoice | Unset = UNSET
    needs_analysis: ChartsOutNeedsAnalysisType0 | None | Unset = UNSET
    course: CourseChoice | None | Unset = UNSET
    causes: ChartsOutCausesType0 | None | Unset = UNSET
    causes_state: ChartsOutCausesState | Unset = UNSET
    causes_note: None | str | Unset = UNSET
    findings: ChartsOutFindings | Unset = UNSET
    completions: ChartsOutCompletionsType0 | None | Unset = UNSET
    completions_note: None | str | Unset = UNSET
    kpis: list[ChartsOutKpisItem] | Unset = UNSET
    kpis_note: None | str | Unset = UNSET
    impact_note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.charts_out_causes_type_0 import ChartsOutCausesType0  # noqa: PLC0415
        from ..models.charts_out_completions_type_0 import ChartsOutCompletionsType0  # noqa: PLC0415
        from ..models.charts_out_needs_analysis_type_0 import ChartsOutNeedsAnalysisType0  # noqa: PLC0415
        from ..models.course_choice import CourseChoice  # noqa: PLC0415

        team: dict[str, Any] | Unset = UNSET
        if not isinstance(self.team, Unset):
            team = self.team.to_dict()

        needs_analysis: dict[str, Any] | None | Unset
        if isinstance(self.needs_analysis, Unset):
            needs_analysis = UNSET
        elif isinstance(self.needs_analysis, ChartsOutNeedsAnalysisType0):
            needs_analysis = self.needs_analysis.to_dict()
        else:
            needs_analysis = self.needs_analysis

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, CourseChoice):
            course = self.course.to_dict()
        else:
            course = self.course

        causes: dict[str, Any] | None | Unset
        if isinstance(self.causes, Unset):
            causes = UNSET
        elif isinstance(self.causes, ChartsOutCausesType0):
            causes = self.causes.to_dict()
        else:
            causes = self.causes

        causes_state: str | Unset = UNSET
        if not isinstance(self.causes_state, Unset):
            causes_state = self.causes_state

        causes_note: None | str | Unset
        if isinstance(self.causes_note, Unset):
            causes_note = UNSET
        else:
            causes_note = self.causes_note

        findings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = self.findings.to_dict()

        completions: dict[str, Any] | None | Unset
        if isinstance(self.completions, Unset):
            completions = UNSET
        elif isinstance(self.completions, ChartsOutCompletionsType0):
            completions = self.completions.to_dict()
        else:
            completions = self.completions

        completions_note: None | str | Unset
        if isinstance(self.completions_note, Unset):
            completions_note = UNSET
        else:
            completions_note = self.completions_note

        kpis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kpis, Unset):
            kpis = []
            for kpis_item_data in self.kpis:
                kpis_item = kpis_item_data.to_dict()
                kpis.append(kpis_item)

        kpis_note: None | str | Unset
        if isinstance(self.kpis_note, Unset):
            kpis_note = UNSET
        else:
            kpis_note = self.kpis_note

        impact_note: None | str | Unset
        if isinstance(self.impact_note, Unset):
            impact_note = UNSET
        else:
            impact_note = self.impact_note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if team is not UNSET:
            field_dict["team"] = team
        if needs_analysis is not UNSET:
            field_dict["needs_analysis"] = needs_analysis
        if course is not UNSET:
            field_dict["course"] = course
        if causes is not UNSET:
            field_dict["causes"] = causes
        if causes_state is not UNSET:
            field_dict["causes_state"] = causes_state
        if causes_note is not UNSET:
            field_dict["causes_note"] = causes_note
        if findings is not UNSET:
            field_dict["findings"] = findings
        if completions is not UNSET:
            field_dict["completions"] = completions
        if completions_note is not UNSET:
            field_dict["completions_note"] = completions_note
        if kpis is not UNSET:
            field_dict["kpis"] = kpis
        if kpis_note is not UNSET:
            field_dict["kpis_note"] = kpis_note
        if impact_note is not UNSET:
            field_dict["impact_note"] = impact_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charts_out_causes_type_0 import ChartsOutCausesType0  # noqa: PLC0415
        from ..models.charts_out_completions_type_0 import ChartsOutCompletionsType0  # noqa: PLC0415
        from ..models.charts_out_findings import ChartsOutFindings  # noqa: PLC0415
        from ..models.charts_out_kpis_item import ChartsOutKpisItem  # noqa: PLC0415
        from ..models.charts_out_needs_analysis_type_0 import ChartsOutNeedsAnalysisType0  # noqa: PLC0415
        from ..models.course_choice import CourseChoice  # noqa: PLC0415
        from ..models.team_choice import TeamChoice  # noqa: PLC0415

        d = dict(src_dict)
        _team = d.pop("team", UNSET)
        team: TeamChoice | Unset
        if isinstance(_team, Unset):
            team = UNSET
        else:
            team = TeamChoice.from_dict(_team)

        def _parse_needs_analysis(data: object) -> ChartsOutNeedsAnalysisType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                needs_analysis_type_0 = ChartsOutNeedsAnalysisType0.from_dict(data)

                return needs_analysis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartsOutNeedsAnalysisType0 | None | Unset, data)

        needs_analysis = _parse_needs_analysis(d.pop("needs_analysis", UNSET))

        def _parse_course(data: object) -> CourseChoice | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                course_type_0 = CourseChoice.from_dict(data)

                return course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CourseChoice | None | Unset, data)

        course = _parse_course(d.pop("course", UNSET))

        def _parse_causes(data: object) -> ChartsOutCausesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                causes_type_0 = ChartsOutCausesType0.from_dict(data)

                return causes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartsOutCausesType0 | None | Unset, data)

        causes = _parse_causes(d.pop("causes", UNSET))

        _causes_state = d.pop("causes_state", UNSET)
        causes_state: ChartsOutCausesState | Unset
        if isinstance(_causes_state, Unset):
            causes_state = UNSET
        else:
            causes_state = check_charts_out_causes_state(_causes_state)

        def _parse_causes_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        causes_note = _parse_causes_note(d.pop("causes_note", UNSET))

        _findings = d.pop("findings", UNSET)
        findings: ChartsOutFindings | Unset
        if isinstance(_findings, Unset):
            findings = UNSET
        else:
            findings = ChartsOutFindings.from_dict(_findings)

        def _parse_completions(data: object) -> ChartsOutCompletionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                completions_type_0 = ChartsOutCompletionsType0.from_dict(data)

                return completions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartsOutCompletionsType0 | None | Unset, data)

        completions = _parse_completions(d.pop("completions", UNSET))

        def _parse_completions_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completions_note = _parse_completions_note(d.pop("completions_note", UNSET))

        _kpis = d.pop("kpis", UNSET)
        kpis: list[ChartsOutKpisItem] | Unset = UNSET
        if _kpis is not UNSET:
            kpis = []
            for kpis_item_data in _kpis:
                kpis_item = ChartsOutKpisItem.from_dict(kpis_item_data)

                kpis.append(kpis_item)

        def _parse_kpis_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kpis_note = _parse_kpis_note(d.pop("kpis_note", UNSET))

        def _parse_impact_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        impact_note = _parse_impact_note(d.pop("impact_note", UNSET))

        charts_out = cls(
            team=team,
            needs_analysis=needs_analysis,
            course=course,
            causes=causes,
            causes_state=causes_state,
            causes_note=causes_note,
            findings=findings,
            completions=completions,
            completions_note=completions_note,
            kpis=kpis,
            kpis_note=kpis_note,
            impact_note=impact_note,
        )

        return charts_out
