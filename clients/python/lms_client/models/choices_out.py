from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analysis_choice import AnalysisChoice
    from ..models.course_choice import CourseChoice
    from ..models.team_choice import TeamChoice


T = TypeVar("T", bound="ChoicesOut")


@_attrs_define
class ChoicesOut:
    """
    Attributes:
        teams (list[TeamChoice] | Unset):
        courses (list[CourseChoice] | Unset):
        needs_analyses (list[AnalysisChoice] | Unset):
        default_team_id (None | str | Unset):
    """

    teams: list[TeamChoice] | Unset = UNSET
    courses: list[CourseChoice] | Unset = UNSET
    needs_analyses: list[AnalysisChoice] | Unset = UNSET
    default_team_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        teams: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = []
            for teams_item_data in self.teams:
                teams_item = teams_item_data.to_dict()
                teams.append(teams_item)

        courses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.courses, Unset):
            courses = []
            for courses_item_data in self.courses:
                courses_item = courses_item_data.to_dict()
                courses.append(courses_item)

        needs_analyses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.needs_analyses, Unset):
            needs_analyses = []
            for needs_analyses_item_data in self.needs_analyses:
                needs_analyses_item = needs_analyses_item_data.to_dict()
                needs_analyses.append(needs_analyses_item)

        default_team_id: None | str | Unset
        if isinstance(self.default_team_id, Unset):
            default_team_id = UNSET
        else:
            default_team_id = self.default_team_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if teams is not UNSET:
            field_dict["teams"] = teams
        if courses is not UNSET:
            field_dict["courses"] = courses
        if needs_analyses is not UNSET:
            field_dict["needs_analyses"] = needs_analyses
        if default_team_id is not UNSET:
            field_dict["default_team_id"] = default_team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analysis_choice import AnalysisChoice  # noqa: PLC0415
        from ..models.course_choice import CourseChoice  # noqa: PLC0415
        from ..models.team_choice import TeamChoice  # noqa: PLC0415

        d = dict(src_dict)
        _teams = d.pop("teams", UNSET)
        teams: list[TeamChoice] | Unset = UNSET
        if _teams is not UNSET:
            teams = []
            for teams_item_data in _teams:
                teams_item = TeamChoice.from_dict(teams_item_data)

                teams.append(teams_item)

        _courses = d.pop("courses", UNSET)
        courses: list[CourseChoice] | Unset = UNSET
        if _courses is not UNSET:
            courses = []
            for courses_item_data in _courses:
                courses_item = CourseChoice.from_dict(courses_item_data)

                courses.append(courses_item)

        _needs_analyses = d.pop("needs_analyses", UNSET)
        needs_analyses: list[AnalysisChoice] | Unset = UNSET
        if _needs_analyses is not UNSET:
            needs_analyses = []
            for needs_analyses_item_data in _needs_analyses:
                needs_analyses_item = AnalysisChoice.from_dict(needs_analyses_item_data)

                needs_analyses.append(needs_analyses_item)

        def _parse_default_team_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_team_id = _parse_default_team_id(d.pop("default_team_id", UNSET))

        choices_out = cls(
            teams=teams,
            courses=courses,
            needs_analyses=needs_analyses,
            default_team_id=default_team_id,
        )

        return choices_out
