from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuOut")


@_attrs_define
class AuOut:
    """
    Attributes:
        lesson_id (str | Unset):
        module_id (str | Unset):
        au_id (str | Unset):
        title (str | Unset):
        activity_id (str | Unset):
        launch_method (str | Unset):
        move_on (str | Unset):
        completed (bool | Unset):
        passed (bool | Unset):
        waived (bool | Unset):
        satisfied (bool | Unset):
        satisfied_at (None | str | Unset):
    """

    lesson_id: str | Unset = UNSET
    module_id: str | Unset = UNSET
    au_id: str | Unset = UNSET
    title: str | Unset = UNSET
    activity_id: str | Unset = UNSET
    launch_method: str | Unset = UNSET
    move_on: str | Unset = UNSET
    completed: bool | Unset = UNSET
    passed: bool | Unset = UNSET
    waived: bool | Unset = UNSET
    satisfied: bool | Unset = UNSET
    satisfied_at: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lesson_id = self.lesson_id

        module_id = self.module_id

        au_id = self.au_id

        title = self.title

        activity_id = self.activity_id

        launch_method = self.launch_method

        move_on = self.move_on

        completed = self.completed

        passed = self.passed

        waived = self.waived

        satisfied = self.satisfied

        satisfied_at: None | str | Unset
        if isinstance(self.satisfied_at, Unset):
            satisfied_at = UNSET
        else:
            satisfied_at = self.satisfied_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lesson_id is not UNSET:
            field_dict["lesson_id"] = lesson_id
        if module_id is not UNSET:
            field_dict["module_id"] = module_id
        if au_id is not UNSET:
            field_dict["au_id"] = au_id
        if title is not UNSET:
            field_dict["title"] = title
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if launch_method is not UNSET:
            field_dict["launch_method"] = launch_method
        if move_on is not UNSET:
            field_dict["move_on"] = move_on
        if completed is not UNSET:
            field_dict["completed"] = completed
        if passed is not UNSET:
            field_dict["passed"] = passed
        if waived is not UNSET:
            field_dict["waived"] = waived
        if satisfied is not UNSET:
            field_dict["satisfied"] = satisfied
        if satisfied_at is not UNSET:
            field_dict["satisfied_at"] = satisfied_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lesson_id = d.pop("lesson_id", UNSET)

        module_id = d.pop("module_id", UNSET)

        au_id = d.pop("au_id", UNSET)

        title = d.pop("title", UNSET)

        activity_id = d.pop("activity_id", UNSET)

        launch_method = d.pop("launch_method", UNSET)

        move_on = d.pop("move_on", UNSET)

        completed = d.pop("completed", UNSET)

        passed = d.pop("passed", UNSET)

        waived = d.pop("waived", UNSET)

        satisfied = d.pop("satisfied", UNSET)

        def _parse_satisfied_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        satisfied_at = _parse_satisfied_at(d.pop("satisfied_at", UNSET))

        au_out = cls(
            lesson_id=lesson_id,
            module_id=module_id,
            au_id=au_id,
            title=title,
            activity_id=activity_id,
            launch_method=launch_method,
            move_on=move_on,
            completed=completed,
            passed=passed,
            waived=waived,
            satisfied=satisfied,
            satisfied_at=satisfied_at,
        )

        return au_out
