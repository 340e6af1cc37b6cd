from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="ComplianceReport")


@_attrs_define
class ComplianceReport:
    """
    Attributes:
        team_id (None | str | Unset):
        course_id (None | str | Unset):
        as_of (datetime.datetime | Unset):
        assigned (int | Unset):
        compliant_count (int | Unset):
        compliant_pct (float | None | Unset):
        compliant (list[Person] | Unset):
        expiring_within_30_days (list[Person] | Unset):
        overdue (list[Person] | Unset):
        never_started (list[Person] | Unset):
        in_progress (list[Person] | Unset):
    """

    team_id: None | str | Unset = UNSET
    course_id: None | str | Unset = UNSET
    as_of: datetime.datetime | Unset = UNSET
    assigned: int | Unset = UNSET
    compliant_count: int | Unset = UNSET
    compliant_pct: float | None | Unset = UNSET
    compliant: list[Person] | Unset = UNSET
    expiring_within_30_days: list[Person] | Unset = UNSET
    overdue: list[Person] | Unset = UNSET
    never_started: list[Person] | Unset = UNSET
    in_progress: list[Person] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        course_id: None | str | Unset
        if isinstance(self.course_id, Unset):
            course_id = UNSET
        else:
            course_id = self.course_id

        as_of: str | Unset = UNSET
        if not isinstance(self.as_of, Unset):
            as_of = self.as_of.isoformat()

        assigned = self.assigned

        compliant_count = self.compliant_count

        compliant_pct: float | None | Unset
        if isinstance(self.compliant_pct, Unset):
            compliant_pct = UNSET
        else:
            compliant_pct = self.compliant_pct

        compliant: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.compliant, Unset):
            compliant = []
            for compliant_item_data in self.compliant:
                compliant_item = compliant_item_data.to_dict()
                compliant.append(compliant_item)

        expiring_within_30_days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.expiring_within_30_days, Unset):
            expiring_within_30_days = []
            for expiring_within_30_days_item_data in self.expiring_within_30_days:
                expiring_within_30_days_item = expiring_within_30_days_item_data.to_dict()
                expiring_within_30_days.append(expiring_within_30_days_item)

        overdue: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overdue, Unset):
            overdue = []
            for overdue_item_data in self.overdue:
                overdue_item = overdue_item_data.to_dict()
                overdue.append(overdue_item)

        never_started: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.never_started, Unset):
            never_started = []
            for never_started_item_data in self.never_started:
                never_started_item = never_started_item_data.to_dict()
                never_started.append(never_started_item)

        in_progress: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.in_progress, Unset):
            in_progress = []
            for in_progress_item_data in self.in_progress:
                in_progress_item = in_progress_item_data.to_dict()
                in_progress.append(in_progress_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if assigned is not UNSET:
            field_dict["assigned"] = assigned
        if compliant_count is not UNSET:
            field_dict["compliant_count"] = compliant_count
        if compliant_pct is not UNSET:
            field_dict["compliant_pct"] = compliant_pct
        if compliant is not UNSET:
            field_dict["compliant"] = compliant
        if expiring_within_30_days is not UNSET:
            field_dict["expiring_within_30_days"] = expiring_within_30_days
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if never_started is not UNSET:
            field_dict["never_started"] = never_started
        if in_progress is not UNSET:
            field_dict["in_progress"] = in_progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_team_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        def _parse_course_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        course_id = _parse_course_id(d.pop("course_id", UNSET))

        _as_of = d.pop("as_of", UNSET)
        as_of: datetime.datetime | Unset
        if isinstance(_as_of, Unset):
            as_of = UNSET
        else:
            as_of = datetime.datetime.fromisoformat(_as_of)

        assigned = d.pop("assigned", UNSET)

        compliant_count = d.pop("compliant_count", UNSET)

        def _parse_compliant_pct(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        compliant_pct = _parse_compliant_pct(d.pop("compliant_pct", UNSET))

        _compliant = d.pop("compliant", UNSET)
        compliant: list[Person] | Unset = UNSET
        if _compliant is not UNSET:
            compliant = []
            for compliant_item_data in _compliant:
                compliant_item = Person.from_dict(compliant_item_data)

                compliant.append(compliant_item)

        _expiring_within_30_days = d.pop("expiring_within_30_days", UNSET)
        expiring_within_30_days: list[Person] | Unset = UNSET
        if _expiring_within_30_days is not UNSET:
            expiring_within_30_days = []
            for expiring_within_30_days_item_data in _expiring_within_30_days:
                expiring_within_30_days_item = Person.from_dict(expiring_within_30_days_item_data)

                expiring_within_30_days.append(expiring_within_30_days_item)

        _overdue = d.pop("overdue", UNSET)
        overdue: list[Person] | Unset = UNSET
        if _overdue is not UNSET:
            overdue = []
            for overdue_item_data in _overdue:
                overdue_item = Person.from_dict(overdue_item_data)

                overdue.append(overdue_item)

        _never_started = d.pop("never_started", UNSET)
        never_started: list[Person] | Unset = UNSET
        if _never_started is not UNSET:
            never_started = []
            for never_started_item_data in _never_started:
                never_started_item = Person.from_dict(never_started_item_data)

                never_started.append(never_started_item)

        _in_progress = d.pop("in_progress", UNSET)
        in_progress: list[Person] | Unset = UNSET
        if _in_progress is not UNSET:
            in_progress = []
            for in_progress_item_data in _in_progress:
                in_progress_item = Person.from_dict(in_progress_item_data)

                in_progress.append(in_progress_item)

        compliance_report = cls(
            team_id=team_id,
            course_id=course_id,
            as_of=as_of,
            assigned=assigned,
            compliant_count=compliant_count,
            compliant_pct=compliant_pct,
            compliant=compliant,
            expiring_within_30_days=expiring_within_30_days,
            overdue=overdue,
            never_started=never_started,
            in_progress=in_progress,
        )

        return compliance_report
