from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrolmentSummary")


@_attrs_define
class EnrolmentSummary:
    """
    Attributes:
        id (str | Unset):
        learner_id (str | Unset):
        course_id (str | Unset):
        course_version (int | Unset):
        status (str | Unset):
        percent (float | Unset):
        enrolled_at (datetime.datetime | Unset):
        due_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
    """

    id: str | Unset = UNSET
    learner_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    course_version: int | Unset = UNSET
    status: str | Unset = UNSET
    percent: float | Unset = UNSET
    enrolled_at: datetime.datetime | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        learner_id = self.learner_id

        course_id = self.course_id

        course_version = self.course_version

        status = self.status

        percent = self.percent

        enrolled_at: str | Unset = UNSET
        if not isinstance(self.enrolled_at, Unset):
            enrolled_at = self.enrolled_at.isoformat()

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if course_version is not UNSET:
            field_dict["course_version"] = course_version
        if status is not UNSET:
            field_dict["status"] = status
        if percent is not UNSET:
            field_dict["percent"] = percent
        if enrolled_at is not UNSET:
            field_dict["enrolled_at"] = enrolled_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        learner_id = d.pop("learner_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        course_version = d.pop("course_version", UNSET)

        status = d.pop("status", UNSET)

        percent = d.pop("percent", UNSET)

        _enrolled_at = d.pop("enrolled_at", UNSET)
        enrolled_at: datetime.datetime | Unset
        if isinstance(_enrolled_at, Unset):
            enrolled_at = UNSET
        else:
            enrolled_at = datetime.datetime.fromisoformat(_enrolled_at)

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

        enrolment_summary = cls(
            id=id,
            learner_id=learner_id,
            course_id=course_id,
            course_version=course_version,
            status=status,
            percent=percent,
            enrolled_at=enrolled_at,
            due_at=due_at,
            completed_at=completed_at,
        )

        return enrolment_summary
