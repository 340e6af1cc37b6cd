from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModuleProgress")


@_attrs_define
class ModuleProgress:
    """
    Attributes:
        module_id (str | Unset):
        title (str | Unset):
        required (bool | Unset):
        status (str | Unset): not_started | in_progress | completed
        lessons_completed (int | Unset):
        lessons_total (int | Unset):
        assessment_id (None | str | Unset):
        assessment_passed (bool | None | Unset):
        missing (list[str] | Unset):
    """

    module_id: str | Unset = UNSET
    title: str | Unset = UNSET
    required: bool | Unset = UNSET
    status: str | Unset = UNSET
    lessons_completed: int | Unset = UNSET
    lessons_total: int | Unset = UNSET
    assessment_id: None | str | Unset = UNSET
    assessment_passed: bool | None | Unset = UNSET
    missing: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        module_id = self.module_id

        title = self.title

        required = self.required

        status = self.status

        lessons_completed = self.lessons_completed

        lessons_total = self.lessons_total

        assessment_id: None | str | Unset
        if isinstance(self.assessment_id, Unset):
            assessment_id = UNSET
        else:
            assessment_id = self.assessment_id

        assessment_passed: bool | None | Unset
        if isinstance(self.assessment_passed, Unset):
            assessment_passed = UNSET
        else:
            assessment_passed = self.assessment_passed

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if module_id is not UNSET:
            field_dict["module_id"] = module_id
        if title is not UNSET:
            field_dict["title"] = title
        if required is not UNSET:
            field_dict["required"] = required
        if status is not UNSET:
            field_dict["status"] = status
        if lessons_completed is not UNSET:
            field_dict["lessons_completed"] = lessons_completed
        if lessons_total is not UNSET:
            field_dict["lessons_total"] = lessons_total
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if assessment_passed is not UNSET:
            field_dict["assessment_passed"] = assessment_passed
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        module_id = d.pop("module_id", UNSET)

        title = d.pop("title", UNSET)

        required = d.pop("required", UNSET)

        status = d.pop("status", UNSET)

        lessons_completed = d.pop("lessons_completed", UNSET)

        lessons_total = d.pop("lessons_total", UNSET)

        def _parse_assessment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id", UNSET))

        def _parse_assessment_passed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        assessment_passed = _parse_assessment_passed(d.pop("assessment_passed", UNSET))

        missing = cast(list[str], d.pop("missing", UNSET))

        module_progress = cls(
            module_id=module_id,
            title=title,
            required=required,
            status=status,
            lessons_completed=lessons_completed,
            lessons_total=lessons_total,
            assessment_id=assessment_id,
            assessment_passed=assessment_passed,
            missing=missing,
        )

        return module_progress
