from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentListed")


@_attrs_define
class AssessmentListed:
    """
    Attributes:
        id (str | Unset):
        slug (str | Unset):
        title (str | Unset):
        kind (str | Unset):
        latest_version (int | None | Unset):
        revision (int | Unset):
        updated_at (datetime.datetime | Unset):
        owner (str | Unset):
    """

    id: str | Unset = UNSET
    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    kind: str | Unset = UNSET
    latest_version: int | None | Unset = UNSET
    revision: int | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    owner: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        title = self.title

        kind = self.kind

        latest_version: int | None | Unset
        if isinstance(self.latest_version, Unset):
            latest_version = UNSET
        else:
            latest_version = self.latest_version

        revision = self.revision

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        owner = self.owner

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if kind is not UNSET:
            field_dict["kind"] = kind
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if revision is not UNSET:
            field_dict["revision"] = revision
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        kind = d.pop("kind", UNSET)

        def _parse_latest_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        latest_version = _parse_latest_version(d.pop("latest_version", UNSET))

        revision = d.pop("revision", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        owner = d.pop("owner", UNSET)

        assessment_listed = cls(
            id=id,
            slug=slug,
            title=title,
            kind=kind,
            latest_version=latest_version,
            revision=revision,
            updated_at=updated_at,
            owner=owner,
        )

        return assessment_listed
