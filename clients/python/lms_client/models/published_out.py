from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublishedOut")


@_attrs_define
class PublishedOut:
    """
    Attributes:
        assessment_id (str | Unset):
        version (int | Unset):
        max_score (float | Unset):
        published_at (datetime.datetime | Unset):
    """

    assessment_id: str | Unset = UNSET
    version: int | Unset = UNSET
    max_score: float | Unset = UNSET
    published_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessment_id = self.assessment_id

        version = self.version

        max_score = self.max_score

        published_at: str | Unset = UNSET
        if not isinstance(self.published_at, Unset):
            published_at = self.published_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if version is not UNSET:
            field_dict["version"] = version
        if max_score is not UNSET:
            field_dict["max_score"] = max_score
        if published_at is not UNSET:
            field_dict["published_at"] = published_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessment_id = d.pop("assessment_id", UNSET)

        version = d.pop("version", UNSET)

        max_score = d.pop("max_score", UNSET)

        _published_at = d.pop("published_at", UNSET)
        published_at: datetime.datetime | Unset
        if isinstance(_published_at, Unset):
            published_at = UNSET
        else:
            published_at = datetime.datetime.fromisoformat(_published_at)

        published_out = cls(
            assessment_id=assessment_id,
            version=version,
            max_score=max_score,
            published_at=published_at,
        )

        return published_out
