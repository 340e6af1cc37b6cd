from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    """
    Attributes:
        learner_id (str | Unset):
        name (str | Unset):
        course_id (str | Unset):
        assignment_id (str | Unset):
        cycle (int | Unset):
        standing (str | Unset): compliant | expiring | overdue | never_started | in_progress
        due_at (datetime.datetime | None | Unset):
        valid_until (datetime.datetime | None | Unset):
    """

    learner_id: str | Unset = UNSET
    name: str | Unset = UNSET
    course_id: str | Unset = UNSET
    assignment_id: str | Unset = UNSET
    cycle: int | Unset = UNSET
    standing: str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        learner_id = self.learner_id

        name = self.name

        course_id = self.course_id

        assignment_id = self.assignment_id

        cycle = self.cycle

        standing = self.standing

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if name is not UNSET:
            field_dict["name"] = name
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if assignment_id is not UNSET:
            field_dict["assignment_id"] = assignment_id
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if standing is not UNSET:
            field_dict["standing"] = standing
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        learner_id = d.pop("learner_id", UNSET)

        name = d.pop("name", UNSET)

        course_id = d.pop("course_id", UNSET)

        assignment_id = d.pop("assignment_id", UNSET)

        cycle = d.pop("cycle", UNSET)

        standing = d.pop("standing", UNSET)

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

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        person = cls(
            learner_id=learner_id,
            name=name,
            course_id=course_id,
            assignment_id=assignment_id,
            cycle=cycle,
            standing=standing,
            due_at=due_at,
            valid_until=valid_until,
        )

        return person
