from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurriculumVersionOut")


@_attrs_define
class CurriculumVersionOut:
    """
    Attributes:
        version (int | Unset):
        published_at (datetime.datetime | Unset):
        published_by (str | Unset):
    """

    version: int | Unset = UNSET
    published_at: datetime.datetime | Unset = UNSET
    published_by: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        published_at: str | Unset = UNSET
        if not isinstance(self.published_at, Unset):
            published_at = self.published_at.isoformat()

        published_by = self.published_by

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if published_by is not UNSET:
            field_dict["published_by"] = published_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        _published_at = d.pop("published_at", UNSET)
        published_at: datetime.datetime | Unset
        if isinstance(_published_at, Unset):
            published_at = UNSET
        else:
            published_at = datetime.datetime.fromisoformat(_published_at)

        published_by = d.pop("published_by", UNSET)

        curriculum_version_out = cls(
            version=version,
            published_at=published_at,
            published_by=published_by,
        )

        return curriculum_version_out
