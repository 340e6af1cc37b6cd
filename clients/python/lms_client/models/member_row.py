from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberRow")


@_attrs_define
class MemberRow:
    """
    Attributes:
        learner_id (str | Unset):
        name (str | Unset):
        assignment_id (str | Unset):
        course_id (str | Unset):
        enrolment_id (None | str | Unset):
        status (str | Unset): not_started | in_progress | completed | closed
        due_at (datetime.datetime | None | Unset):
        overdue (bool | Unset):
        completed_at (datetime.datetime | None | Unset):
        score (float | None | Unset):
    """

    learner_id: str | Unset = UNSET
    name: str | Unset = UNSET
    assignment_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    enrolment_id: None | str | Unset = UNSET
    status: str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    overdue: bool | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    score: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        learner_id = self.learner_id

        name = self.name

        assignment_id = self.assignment_id

        course_id = self.course_id

        enrolment_id: None | str | Unset
        if isinstance(self.enrolment_id, Unset):
            enrolment_id = UNSET
        else:
            enrolment_id = self.enrolment_id

        status = self.status

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        overdue = self.overdue

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if name is not UNSET:
            field_dict["name"] = name
        if assignment_id is not UNSET:
            field_dict["assignment_id"] = assignment_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if enrolment_id is not UNSET:
            field_dict["enrolment_id"] = enrolment_id
        if status is not UNSET:
            field_dict["status"] = status
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        learner_id = d.pop("learner_id", UNSET)

        name = d.pop("name", UNSET)

        assignment_id = d.pop("assignment_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        def _parse_enrolment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enrolment_id = _parse_enrolment_id(d.pop("enrolment_id", UNSET))

        status = d.pop("status", UNSET)

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

        overdue = d.pop("overdue", UNSET)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        member_row = cls(
            learner_id=learner_id,
            name=name,
            assignment_id=assignment_id,
            course_id=course_id,
            enrolment_id=enrolment_id,
            status=status,
            due_at=due_at,
            overdue=overdue,
            completed_at=completed_at,
            score=score,
        )

        return member_row
