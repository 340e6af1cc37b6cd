from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrolment_out_evidence_type_0 import EnrolmentOutEvidenceType0
    from ..models.module_progress import ModuleProgress


T = TypeVar("T", bound="EnrolmentOut")


@_attrs_define
class EnrolmentOut:
    """
    Attributes:
        id (str | Unset):
        learner_id (str | Unset):
        course_id (str | Unset):
        course_version (int | Unset):
        status (str | Unset): active | completed
        enrolled_at (datetime.datetime | Unset):
        due_at (datetime.datetime | None | Unset):
        percent (float | Unset):
        completed_at (datetime.datetime | None | Unset):
        score (float | None | Unset):
        certificate_code (None | str | Unset):
        completion_id (None | str | Unset):
        evidence (EnrolmentOutEvidenceType0 | None | Unset):
        explanation (list[str] | Unset): why it is or is not complete
        modules (list[ModuleProgress] | Unset):
    """

    id: str | Unset = UNSET
    learner_id: str | Unset = UNSET
    course_id: str | Unset = UNSET
    course_version: int | Unset = UNSET
    status: str | Unset = UNSET
    enrolled_at: datetime.datetime | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    percent: float | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    score: float | None | Unset = UNSET
    certificate_code: None | str | Unset = UNSET
    completion_id: None | str | Unset = UNSET
    evidence: EnrolmentOutEvidenceType0 | None | Unset = UNSET
    explanation: list[str] | Unset = UNSET
    modules: list[ModuleProgress] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrolment_out_evidence_type_0 import EnrolmentOutEvidenceType0  # noqa: PLC0415

        id = self.id

        learner_id = self.learner_id

        course_id = self.course_id

        course_version = self.course_version

        status = self.status

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

        percent = self.percent

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

        certificate_code: None | str | Unset
        if isinstance(self.certificate_code, Unset):
            certificate_code = UNSET
        else:
            certificate_code = self.certificate_code

        completion_id: None | str | Unset
        if isinstance(self.completion_id, Unset):
            completion_id = UNSET
        else:
            completion_id = self.completion_id

        evidence: dict[str, Any] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, EnrolmentOutEvidenceType0):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence

        explanation: list[str] | Unset = UNSET
        if not isinstance(self.explanation, Unset):
            explanation = self.explanation

        modules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.modules, Unset):
            modules = []
            for modules_item_data in self.modules:
                modules_item = modules_item_data.to_dict()
                modules.append(modules_item)

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
        if enrolled_at is not UNSET:
            field_dict["enrolled_at"] = enrolled_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if percent is not UNSET:
            field_dict["percent"] = percent
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if score is not UNSET:
            field_dict["score"] = score
        if certificate_code is not UNSET:
            field_dict["certificate_code"] = certificate_code
        if completion_id is not UNSET:
            field_dict["completion_id"] = completion_id
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if modules is not UNSET:
            field_dict["modules"] = modules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enrolment_out_evidence_type_0 import EnrolmentOutEvidenceType0  # noqa: PLC0415
        from ..models.module_progress import ModuleProgress  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        learner_id = d.pop("learner_id", UNSET)

        course_id = d.pop("course_id", UNSET)

        course_version = d.pop("course_version", UNSET)

        status = d.pop("status", UNSET)

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

        percent = d.pop("percent", UNSET)

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

        def _parse_certificate_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificate_code = _parse_certificate_code(d.pop("certificate_code", UNSET))

        def _parse_completion_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completion_id = _parse_completion_id(d.pop("completion_id", UNSET))

        def _parse_evidence(data: object) -> EnrolmentOutEvidenceType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = EnrolmentOutEvidenceType0.from_dict(data)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrolmentOutEvidenceType0 | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        explanation = cast(list[str], d.pop("explanation", UNSET))

        _modules = d.pop("modules", UNSET)
        modules: list[ModuleProgress] | Unset = UNSET
        if _modules is not UNSET:
            modules = []
            for modules_item_data in _modules:
                modules_item = ModuleProgress.from_dict(modules_item_data)

                modules.append(modules_item)

        enrolment_out = cls(
            id=id,
            learner_id=learner_id,
            course_id=course_id,
            course_version=course_version,
            status=status,
            enrolled_at=enrolled_at,
            due_at=due_at,
            percent=percent,
            completed_at=completed_at,
            score=score,
            certificate_code=certificate_code,
            completion_id=completion_id,
            evidence=evidence,
            explanation=explanation,
            modules=modules,
        )

        return enrolment_out
