from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentVersionOut")


@_attrs_define
class AssessmentVersionOut:
    """
    Attributes:
        version (int | Unset):
        max_score (float | Unset):
        published_at (datetime.datetime | Unset):
    """

    version: int | Unset = UNSET
    max_score: float | Unset = UNSET
    published_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        max_score = self.max_score

        published_at: str | Unset = UNSET
        if not isinstance(self.published_at, Unset):
            published_at = self.published_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        version = d.pop("version", UNSET)

        max_score = d.pop("max_score", UNSET)

        _published_at = d.pop("published_at", UNSET)
        published_at: datetime.datetime | Unset
        if isinstance(_published_at, Unset):
            published_at = UNSET
        else:
            published_at = datetime.datetime.fromisoformat(_published_at)

        assessment_version_out = cls(
            version=version,
            max_score=max_score,
            published_at=published_at,
        )

        return assessment_version_out
