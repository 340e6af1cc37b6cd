from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublishOut")


@_attrs_define
class PublishOut:
    """
    Attributes:
        course_id (str | Unset):
        version (int | Unset):
        published_at (datetime.datetime | Unset):
        unchanged (bool | Unset): true when the draft equals the latest version
    """

    course_id: str | Unset = UNSET
    version: int | Unset = UNSET
    published_at: datetime.datetime | Unset = UNSET
    unchanged: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        version = self.version

        published_at: str | Unset = UNSET
        if not isinstance(self.published_at, Unset):
            published_at = self.published_at.isoformat()

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if version is not UNSET:
            field_dict["version"] = version
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if unchanged is not UNSET:
            field_dict["unchanged"] = unchanged

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id", UNSET)

        version = d.pop("version", UNSET)

        _published_at = d.pop("published_at", UNSET)
        published_at: datetime.datetime | Unset
        if isinstance(_published_at, Unset):
            published_at = UNSET
        else:
            published_at = datetime.datetime.fromisoformat(_published_at)

        unchanged = d.pop("unchanged", UNSET)

        publish_out = cls(
            course_id=course_id,
            version=version,
            published_at=published_at,
            unchanged=unchanged,
        )

        return publish_out
