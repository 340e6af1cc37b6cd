from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Certificate")


@_attrs_define
class Certificate:
    """
    Attributes:
        code (str | Unset):
        name (str | Unset):
        course (str | Unset):
        course_version (int | Unset):
        completed_at (datetime.datetime | Unset):
        cycle (int | Unset): only for a course HR has people recertify
        valid_until (datetime.datetime | Unset):
        expired (bool | Unset):
        expired_at (datetime.datetime | None | Unset):
    """

    code: str | Unset = UNSET
    name: str | Unset = UNSET
    course: str | Unset = UNSET
    course_version: int | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    cycle: int | Unset = UNSET
    valid_until: datetime.datetime | Unset = UNSET
    expired: bool | Unset = UNSET
    expired_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        course = self.course

        course_version = self.course_version

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        cycle = self.cycle

        valid_until: str | Unset = UNSET
        if not isinstance(self.valid_until, Unset):
            valid_until = self.valid_until.isoformat()

        expired = self.expired

        expired_at: None | str | Unset
        if isinstance(self.expired_at, Unset):
            expired_at = UNSET
        elif isinstance(self.expired_at, datetime.datetime):
            expired_at = self.expired_at.isoformat()
        else:
            expired_at = self.expired_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if name is not UNSET:
            field_dict["name"] = name
        if course is not UNSET:
            field_dict["course"] = course
        if course_version is not UNSET:
            field_dict["course_version"] = course_version
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if expired is not UNSET:
            field_dict["expired"] = expired
        if expired_at is not UNSET:
            field_dict["expired_at"] = expired_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        name = d.pop("name", UNSET)

        course = d.pop("course", UNSET)

        course_version = d.pop("course_version", UNSET)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime.datetime.fromisoformat(_completed_at)

        cycle = d.pop("cycle", UNSET)

        _valid_until = d.pop("valid_until", UNSET)
        valid_until: datetime.datetime | Unset
        if isinstance(_valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = datetime.datetime.fromisoformat(_valid_until)

        expired = d.pop("expired", UNSET)

        def _parse_expired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expired_at_type_0 = datetime.datetime.fromisoformat(data)

                return expired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expired_at = _parse_expired_at(d.pop("expired_at", UNSET))

        certificate = cls(
            code=code,
            name=name,
            course=course,
            course_version=course_version,
            completed_at=completed_at,
            cycle=cycle,
            valid_until=valid_until,
            expired=expired,
            expired_at=expired_at,
        )

        return certificate
