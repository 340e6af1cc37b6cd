from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrentCycle")


@_attrs_define
class CurrentCycle:
    """
    Attributes:
        cycle (int | Unset):
        status (str | Unset):
        state (str | Unset): valid | expiring | expired | open | overdue
        due_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        valid_until (datetime.datetime | None | Unset):
        certificate_code (None | str | Unset):
    """

    cycle: int | Unset = UNSET
    status: str | Unset = UNSET
    state: str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    certificate_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cycle = self.cycle

        status = self.status

        state = self.state

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

        certificate_code: None | str | Unset
        if isinstance(self.certificate_code, Unset):
            certificate_code = UNSET
        else:
            certificate_code = self.certificate_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if status is not UNSET:
            field_dict["status"] = status
        if state is not UNSET:
            field_dict["state"] = state
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if certificate_code is not UNSET:
            field_dict["certificate_code"] = certificate_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cycle = d.pop("cycle", UNSET)

        status = d.pop("status", UNSET)

        state = d.pop("state", UNSET)

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

        def _parse_certificate_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_code = _parse_certificate_code(d.pop("certificate_code", UNSET))

        current_cycle = cls(
            cycle=cycle,
            status=status,
            state=state,
            due_at=due_at,
            completed_at=completed_at,
            valid_until=valid_until,
            certificate_code=certificate_code,
        )

        return current_cycle
