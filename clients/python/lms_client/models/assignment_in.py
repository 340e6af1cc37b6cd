from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentIn")


@_attrs_define
class AssignmentIn:
    """
    Attributes:
        course_id (str):
        team_id (str | Unset):
        learner_ids (list[str] | Unset):
        due_at (datetime.datetime | Unset):
        due_in_days (int | Unset):
        recertify_every_days (int | Unset):
        window_days (int | Unset):
        grace_days (int | Unset):
        remind_before_days (list[int] | Unset):
        escalate_after_days (int | Unset):
    """

    course_id: str
    team_id: str | Unset = UNSET
    learner_ids: list[str] | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    due_in_days: int | Unset = UNSET
    recertify_every_days: int | Unset = UNSET
    window_days: int | Unset = UNSET
    grace_days: int | Unset = UNSET
    remind_before_days: list[int] | Unset = UNSET
    escalate_after_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        team_id = self.team_id

        learner_ids: list[str] | Unset = UNSET
        if not isinstance(self.learner_ids, Unset):
            learner_ids = self.learner_ids

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        due_in_days = self.due_in_days

        recertify_every_days = self.recertify_every_days

        window_days = self.window_days

        grace_days = self.grace_days

        remind_before_days: list[int] | Unset = UNSET
        if not isinstance(self.remind_before_days, Unset):
            remind_before_days = self.remind_before_days

        escalate_after_days = self.escalate_after_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "course_id": course_id,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id")

        team_id = d.pop("team_id", UNSET)

        learner_ids = cast(list[str], d.pop("learner_ids", UNSET))

        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at, Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)

        due_in_days = d.pop("due_in_days", UNSET)

        recertify_every_days = d.pop("recertify_every_days", UNSET)

        window_days = d.pop("window_days", UNSET)

        grace_days = d.pop("grace_days", UNSET)

        remind_before_days = cast(list[int], d.pop("remind_before_days", UNSET))

        escalate_after_days = d.pop("escalate_after_days", UNSET)

        assignment_in = cls(
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
        )

        return assignment_in
