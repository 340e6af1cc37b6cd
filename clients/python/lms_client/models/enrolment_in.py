from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrolmentIn")


@_attrs_define
class EnrolmentIn:
    """
    Attributes:
        course_id (str):
        learner_id (str | Unset): HR only; default: you
        learner_name (str | Unset): refused: certificates print the name of your sign-in token
        due_at (datetime.datetime | None | Unset):
    """

    course_id: str
    learner_id: str | Unset = UNSET
    learner_name: str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        learner_id = self.learner_id

        learner_name = self.learner_name

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "course_id": course_id,
            }
        )
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if learner_name is not UNSET:
            field_dict["learner_name"] = learner_name
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id")

        learner_id = d.pop("learner_id", UNSET)

        learner_name = d.pop("learner_name", UNSET)

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

        enrolment_in = cls(
            course_id=course_id,
            learner_id=learner_id,
            learner_name=learner_name,
            due_at=due_at,
        )

        return enrolment_in
