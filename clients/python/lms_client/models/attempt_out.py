from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attempt_out_items_item import AttemptOutItemsItem
    from ..models.attempt_out_responses_item import AttemptOutResponsesItem
    from ..models.attempt_out_result_type_0 import AttemptOutResultType0


T = TypeVar("T", bound="AttemptOut")


@_attrs_define
class AttemptOut:
    """
    Attributes:
        attempt_id (str | Unset):
        assessment_id (str | Unset):
        assessment_version (int | Unset):
        learner_id (str | Unset):
        attempt_no (int | Unset):
        status (str | Unset): in_progress | awaiting_review | graded | expired
        started_at (datetime.datetime | Unset):
        expires_at (datetime.datetime | None | Unset):
        submitted_at (datetime.datetime | None | Unset):
        graded_at (datetime.datetime | None | Unset):
        score (float | None | Unset):
        max_score (float | None | Unset):
        percent (float | None | Unset):
        passed (bool | None | Unset):
        assessment_kind (str | Unset):
        items (list[AttemptOutItemsItem] | Unset):
        responses (list[AttemptOutResponsesItem] | Unset):
        result (AttemptOutResultType0 | None | Unset):
    """

    attempt_id: str | Unset = UNSET
    assessment_id: str | Unset = UNSET
    assessment_version: int | Unset = UNSET
    learner_id: str | Unset = UNSET
    attempt_no: int | Unset = UNSET
    status: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    graded_at: datetime.datetime | None | Unset = UNSET
    score: float | None | Unset = UNSET
    max_score: float | None | Unset = UNSET
    percent: float | None | Unset = UNSET
    passed: bool | None | Unset = UNSET
    assessment_kind: str | Unset = UNSET
    items: list[AttemptOutItemsItem] | Unset = UNSET
    responses: list[AttemptOutResponsesItem] | Unset = UNSET
    result: AttemptOutResultType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt_out_result_type_0 import AttemptOutResultType0  # noqa: PLC0415

        attempt_id = self.attempt_id

        assessment_id = self.assessment_id

        assessment_version = self.assessment_version

        learner_id = self.learner_id

        attempt_no = self.attempt_no

        status = self.status

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        graded_at: None | str | Unset
        if isinstance(self.graded_at, Unset):
            graded_at = UNSET
        elif isinstance(self.graded_at, datetime.datetime):
            graded_at = self.graded_at.isoformat()
        else:
            graded_at = self.graded_at

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        max_score: float | None | Unset
        if isinstance(self.max_score, Unset):
            max_score = UNSET
        else:
            max_score = self.max_score

        percent: float | None | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        passed: bool | None | Unset
        if isinstance(self.passed, Unset):
            passed = UNSET
        else:
            passed = self.passed

        assessment_kind = self.assessment_kind

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        responses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.responses, Unset):
            responses = []
            for responses_item_data in self.responses:
                responses_item = responses_item_data.to_dict()
                responses.append(responses_item)

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, AttemptOutResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempt_id is not UNSET:
            field_dict["attempt_id"] = attempt_id
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if assessment_version is not UNSET:
            field_dict["assessment_version"] = assessment_version
        if learner_id is not UNSET:
            field_dict["learner_id"] = learner_id
        if attempt_no is not UNSET:
            field_dict["attempt_no"] = attempt_no
        if status is not UNSET:
            field_dict["status"] = status
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if graded_at is not UNSET:
            field_dict["graded_at"] = graded_at
        if score is not UNSET:
            field_dict["score"] = score
        if max_score is not UNSET:
            field_dict["max_score"] = max_score
        if percent is not UNSET:
            field_dict["percent"] = percent
        if passed is not UNSET:
            field_dict["passed"] = passed
        if assessment_kind is not UNSET:
            field_dict["assessment_kind"] = assessment_kind
        if items is not UNSET:
            field_dict["items"] = items
        if responses is not UNSET:
            field_dict["responses"] = responses
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_out_items_item import AttemptOutItemsItem  # noqa: PLC0415
        from ..models.attempt_out_responses_item import AttemptOutResponsesItem  # noqa: PLC0415
        from ..models.attempt_out_result_type_0 import AttemptOutResultType0  # noqa: PLC0415

        d = dict(src_dict)
        attempt_id = d.pop("attempt_id", UNSET)

        assessment_id = d.pop("assessment_id", UNSET)

        assessment_version = d.pop("assessment_version", UNSET)

        learner_id = d.pop("learner_id", UNSET)

        attempt_no = d.pop("attempt_no", UNSET)

        status = d.pop("status", UNSET)

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_graded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                graded_at_type_0 = datetime.datetime.fromisoformat(data)

                return graded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        graded_at = _parse_graded_at(d.pop("graded_at", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_max_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_score = _parse_max_score(d.pop("max_score", UNSET))

        def _parse_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_passed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        passed = _parse_passed(d.pop("passed", UNSET))

        assessment_kind = d.pop("assessment_kind", UNSET)

        _items = d.pop("items", UNSET)
        items: list[AttemptOutItemsItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = AttemptOutItemsItem.from_dict(items_item_data)

                items.append(items_item)

        _responses = d.pop("responses", UNSET)
        responses: list[AttemptOutResponsesItem] | Unset = UNSET
        if _responses is not UNSET:
            responses = []
            for responses_item_data in _responses:
                responses_item = AttemptOutResponsesItem.from_dict(responses_item_data)

                responses.append(responses_item)

        def _parse_result(data: object) -> AttemptOutResultType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = AttemptOutResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttemptOutResultType0 | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        attempt_out = cls(
            attempt_id=attempt_id,
            assessment_id=assessment_id,
            assessment_version=assessment_version,
            learner_id=learner_id,
            attempt_no=attempt_no,
            status=status,
            started_at=started_at,
            expires_at=expires_at,
            submitted_at=submitted_at,
            graded_at=graded_at,
            score=score,
            max_score=max_score,
            percent=percent,
            passed=passed,
            assessment_kind=assessment_kind,
            items=items,
            responses=responses,
            result=result,
        )

        return attempt_out
