from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_cycle import CurrentCycle


T = TypeVar("T", bound="AssignmentOut")


@_attrs_define
class AssignmentOut:
    """
    Attributes:
        id (str | Unset):
        course_id (str | Unset):
        team_id (None | str | Unset):
        learner_ids (list[str] | None | Unset):
        due_at (datetime.datetime | None | Unset):
        due_in_days (int | None | Unset):
        recertify_every_days (int | None | Unset):
        window_days (int | None | Unset):
        grace_days (int | None | Unset):
        remind_before_days (list[int] | None | Unset):
        escalate_after_days (int | None | Unset):
        created_by (str | Unset):
        created_at (datetime.datetime | Unset):
        status (str | Unset):
        assigned (int | Unset): learners with an open assignment row
        current_cycle (CurrentCycle | None | Unset): with ?learner_id=: that learner's latest cycle
    """

    id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    team_id: None | str | Unset = UNSET
    learner_ids: list[str] | None | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    due_in_days: int | None | Unset = UNSET
    recertify_every_days: int | None | Unset = UNSET
    window_days: int | None | Unset = UNSET
    grace_days: int | None | Unset = UNSET
    remind_before_days: list[int] | None | Unset = UNSET
    escalate_after_days: int | None | Unset = UNSET
    created_by: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    status: str | Unset = UNSET
    assigned: int | Unset = UNSET
    current_cycle: CurrentCycle | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.current_cycle import CurrentCycle  # noqa: PLC0415

        id = self.id

        course_id = self.course_id

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        learner_ids: list[str] | None | Unset
        if isinstance(self.learner_ids, Unset):
            learner_ids = UNSET
        elif isinstance(self.learner_ids, list):
            learner_ids = self.learner_ids

        else:
            learner_ids = self.learner_ids

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        due_in_days: int | None | Unset
        if isinstance(self.due_in_days, Unset):
            due_in_days = UNSET
        else:
            due_in_days = self.due_in_days

        recertify_every_days: int | None | Unset
        if isinstance(self.recertify_every_days, Unset):
            recertify_every_days = UNSET
        else:
            recertify_every_days = self.recertify_every_days

        window_days: int | None | Unset
        if isinstance(self.window_days, Unset):
            window_days = UNSET
        else:
            window_days = self.window_days

        grace_days: int | None | Unset
        if isinstance(self.grace_days, Unset):
            grace_days = UNSET
        else:
            grace_days = self.grace_days

        remind_before_days: list[int] | None | Unset
        if isinstance(self.remind_before_days, Unset):
            remind_before_days = UNSET
        elif isinstance(self.remind_before_days, list):
            remind_before_days = self.remind_before_days

        else:
            remind_before_days = self.remind_before_days

        escalate_after_days: int | None | Unset
        if isinstance(self.escalate_after_days, Unset):
            escalate_after_days = UNSET
        else:
            escalate_after_days = self.escalate_after_days

        created_by = self.created_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        status = self.status

        assigned = self.assigned

        current_cycle: dict[str, Any] | None | Unset
        if isinstance(self.current_cycle, Unset):
            current_cycle = UNSET
        elif isinstance(self.current_cycle, CurrentCycle):
            current_cycle = self.current_cycle.to_dict()
        else:
            current_cycle = self.current_cycle

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if learner_ids is not UNSET:
            field_dict["learner_ids"] = learner_ids
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if due_in_days is not UNSET:
            field_dict["due_in_days"] = due_in_days
        if recertify_every_days is not UNSET:
            field_dict["recertify_every_days"] = recertify_every_days
        if window_days is not UNSET:
            field_dict["window_days"] = window_days
        if grace_days is not UNSET:
            field_dict["grace_days"] = grace_days
        if remind_before_days is not UNSET:
            field_dict["remind_before_days"] = remind_before_days
        if escalate_after_days is not UNSET:
            field_dict["escalate_after_days"] = escalate_after_days
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if status is not UNSET:
            field_dict["status"] = status
        if assigned is not UNSET:
            field_dict["assigned"] = assigned
        if current_cycle is not UNSET:
            field_dict["current_cycle"] = current_cycle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.current_cycle import CurrentCycle  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        course_id = d.pop("course_id", UNSET)

        def _parse_team_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        def _parse_learner_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                learner_ids_type_0 = cast(list[str], data)

                return learner_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        learner_ids = _parse_learner_ids(d.pop("learner_ids", UNSET))

        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        def _parse_due_in_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        due_in_days = _parse_due_in_days(d.pop("due_in_days", UNSET))

        def _parse_recertify_every_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recertify_every_days = _parse_recertify_every_days(d.pop("recertify_every_days", UNSET))

        def _parse_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        window_days = _parse_window_days(d.pop("window_days", UNSET))

        def _parse_grace_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_days = _parse_grace_days(d.pop("grace_days", UNSET))

        def _parse_remind_before_days(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                remind_before_days_type_0 = cast(list[int], data)

                return remind_before_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        remind_before_days = _parse_remind_before_days(d.pop("remind_before_days", UNSET))

        def _parse_escalate_after_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        escalate_after_days = _parse_escalate_after_days(d.pop("escalate_after_days", UNSET))

        created_by = d.pop("created_by", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        status = d.pop("status", UNSET)

        assigned = d.pop("assigned", UNSET)

        def _parse_current_cycle(data: object) -> CurrentCycle | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_cycle_type_0 = CurrentCycle.from_dict(data)

                return current_cycle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentCycle | None | Unset, data)

        current_cycle = _parse_current_cycle(d.pop("current_cycle", UNSET))

        assignment_out = cls(
            id=id,
            course_id=course_id,
            team_id=team_id,
            learner_ids=learner_ids,
            due_at=due_at,
            due_in_days=due_in_days,
            recertify_every_days=recertify_every_days,
            window_days=window_days,
            grace_days=grace_days,
            remind_before_days=remind_before_days,
            escalate_after_days=escalate_after_days,
            created_by=created_by,
            created_at=created_at,
            status=status,
            assigned=assigned,
            current_cycle=current_cycle,
        )

        return assignment_out
