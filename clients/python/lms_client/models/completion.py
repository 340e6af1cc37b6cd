from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Completion")


@_attrs_define
class Completion:
    """
    Attributes:
        id (str | Unset):
        enrolment_id (str | Unset):
        learner_id (str | Unset):
        course_id (str | Unset):
        course_title (str | Unset):
        course_version (int | Unset):
        completed_at (str | Unset):
        score (float | None | Unset):
        certificate_code (str | Unset):
        external_id (None | str | Unset): the HR system's id, when known
        employee_number (None | str | Unset):
        cycle (int | Unset): 1, or 2, 3, ... for a recertification
    """

    id: str | Unset = UNSET
    enrolment_id: str | Unset = UNSET
    learner_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    course_title: str | Unset = UNSET
    course_version: int | Unset = UNSET
    completed_at: str | Unset = UNSET
    score: float | None | Unset = UNSET
    certificate_code: str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    employee_number: None | str | Unset = UNSET
    cycle: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        enrolment_id = self.enrolment_id

        learner_id = self.learner_id

        course_id = self.course_id

        course_title = self.course_title

        course_version = self.course_version

        completed_at = self.completed_at

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        certificate_code = self.certificate_code

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        employee_number: None | str | Unset
        if isinstance(self.employee_number, Unset):
            employee_number = UNSET
        else:
            employee_number = self.employee_number

        cycle = self.cycle

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if enrolment_id is not UNSET:
            field_dict["enrolment_id"] = enrolment_id
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if course_title is not UNSET:
            field_dict["course_title"] = course_title
        if course_version is not UNSET:
            field_dict["course_version"] = course_version
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if score is not UNSET:
            field_dict["score"] = score
        if certificate_code is not UNSET:
            field_dict["certificate_code"] = certificate_code
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if employee_number is not UNSET:
            field_dict["employee_number"] = employee_number
        if cycle is not UNSET:
            field_dict["cycle"] = cycle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        enrolment_id = d.pop("enrolment_id", UNSET)

        learner_id = d.pop("learner_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        course_title = d.pop("course_title", UNSET)

        course_version = d.pop("course_version", UNSET)

        completed_at = d.pop("completed_at", UNSET)

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        certificate_code = d.pop("certificate_code", UNSET)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_employee_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_number = _parse_employee_number(d.pop("employee_number", UNSET))

        cycle = d.pop("cycle", UNSET)

        completion = cls(
            id=id,
            enrolment_id=enrolment_id,
            learner_id=learner_id,
            course_id=course_id,
            course_title=course_title,
            course_version=course_version,
            completed_at=completed_at,
            score=score,
            certificate_code=certificate_code,
            external_id=external_id,
            employee_number=employee_number,
            cycle=cycle,
        )

        return completion
