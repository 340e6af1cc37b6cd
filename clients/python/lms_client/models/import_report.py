from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """
    Attributes:
        course_id (str | Unset):
        slug (str | Unset):
        created (bool | Unset):
        changes (list[str] | Unset):
        published_version (int | None | Unset):
        dry_run (bool | Unset):
    """

    course_id: str | Unset = UNSET
    slug: str | Unset = UNSET
    created: bool | Unset = UNSET
    changes: list[str] | Unset = UNSET
    published_version: int | None | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        slug = self.slug

        created = self.created

        changes: list[str] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = self.changes

        published_version: int | None | Unset
        if isinstance(self.published_version, Unset):
            published_version = UNSET
        else:
            published_version = self.published_version

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if created is not UNSET:
            field_dict["created"] = created
        if changes is not UNSET:
            field_dict["changes"] = changes
        if published_version is not UNSET:
            field_dict["published_version"] = published_version
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id", UNSET)

        slug = d.pop("slug", UNSET)

        created = d.pop("created", UNSET)

        changes = cast(list[str], d.pop("changes", UNSET))

        def _parse_published_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        published_version = _parse_published_version(d.pop("published_version", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        import_report = cls(
            course_id=course_id,
            slug=slug,
            created=created,
            changes=changes,
            published_version=published_version,
            dry_run=dry_run,
        )

        return import_report
