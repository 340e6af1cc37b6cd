from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CycleOut")


@_attrs_define
class CycleOut:
    """
    Attributes:
        assignment_id (str | Unset):
        course_id (str | Unset):
        cycle (int | Unset):
        course_version (int | None | Unset):
        opened_at (datetime.datetime | Unset):
        due_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        valid_until (datetime.datetime | None | Unset):
        score (float | None | Unset):
        state (str | Unset): valid | expiring | expired (completed); open | overdue (not completed yet)
        certificate_code (None | str | Unset):
    """

    assignment_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    cycle: int | Unset = UNSET
    course_version: int | None | Unset = UNSET
    opened_at: datetime.datetime | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    score: float | None | Unset = UNSET
    state: str | Unset = UNSET
    certificate_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assignment_id = self.assignment_id

        course_id = self.course_id

        cycle = self.cycle

        course_version: int | None | Unset
        if isinstance(self.course_version, Unset):
            course_version = UNSET
        else:
            course_version = self.course_version

        opened_at: str | Unset = UNSET
        if not isinstance(self.opened_at, Unset):
            opened_at = self.opened_at.isoformat()

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

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        state = self.state

        certificate_code: None | str | Unset
        if isinstance(self.certificate_code, Unset):
            certificate_code = UNSET
        else:
            certificate_code = self.certificate_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assignment_id is not UNSET:
            field_dict["assignment_id"] = assignment_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if course_version is not UNSET:
            field_dict["course_version"] = course_version
        if opened_at is not UNSET:
            field_dict["opened_at"] = opened_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if score is not UNSET:
            field_dict["score"] = score
        if state is not UNSET:
            field_dict["state"] = state
        if certificate_code is not UNSET:
            field_dict["certificate_code"] = certificate_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignment_id = d.pop("assignment_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        cycle = d.pop("cycle", UNSET)

        def _parse_course_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        course_version = _parse_course_version(d.pop("course_version", UNSET))

        _opened_at = d.pop("opened_at", UNSET)
        opened_at: datetime.datetime | Unset
        if isinstance(_opened_at, Unset):
            opened_at = UNSET
        else:
            opened_at = datetime.datetime.fromisoformat(_opened_at)

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

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        state = d.pop("state", UNSET)

        def _parse_certificate_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_code = _parse_certificate_code(d.pop("certificate_code", UNSET))

        cycle_out = cls(
            assignment_id=assignment_id,
            course_id=course_id,
            cycle=cycle,
            course_version=course_version,
            opened_at=opened_at,
            due_at=due_at,
            completed_at=completed_at,
            valid_until=valid_until,
            score=score,
            state=state,
            certificate_code=certificate_code,
        )

        return cycle_out
