from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Cmi5ImportReport")


@_attrs_define
class Cmi5ImportReport:
    """
    Attributes:
        course_id (str | Unset):
        module_id (str | Unset): the module standing for the cmi5 course
        created (bool | Unset):
        cmi5_course_id (str | Unset): the publisher's IRI of the cmi5 course
        aus (int | Unset):
        blocks (int | Unset):
        package (None | str | Unset): its files are served at /content/<package>/
        changes (list[str] | Unset):
        published_version (int | None | Unset):
    """

    course_id: str | Unset = UNSET
    module_id: str | Unset = UNSET
    created: bool | Unset = UNSET
    cmi5_course_id: str | Unset = UNSET
    aus: int | Unset = UNSET
    blocks: int | Unset = UNSET
    package: None | str | Unset = UNSET
    changes: list[str] | Unset = UNSET
    published_version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course_id = self.course_id

        module_id = self.module_id

        created = self.created

        cmi5_course_id = self.cmi5_course_id

        aus = self.aus

        blocks = self.blocks

        package: None | str | Unset
        if isinstance(self.package, Unset):
            package = UNSET
        else:
            package = self.package

        changes: list[str] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = self.changes

        published_version: int | None | Unset
        if isinstance(self.published_version, Unset):
            published_version = UNSET
        else:
            published_version = self.published_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if module_id is not UNSET:
            field_dict["module_id"] = module_id
        if created is not UNSET:
            field_dict["created"] = created
        if cmi5_course_id is not UNSET:
            field_dict["cmi5_course_id"] = cmi5_course_id
        if aus is not UNSET:
            field_dict["aus"] = aus
        if blocks is not UNSET:
            field_dict["blocks"] = blocks
        if package is not UNSET:
            field_dict["package"] = package
        if changes is not UNSET:
            field_dict["changes"] = changes
        if published_version is not UNSET:
            field_dict["published_version"] = published_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        course_id = d.pop("course_id", UNSET)

        module_id = d.pop("module_id", UNSET)

        created = d.pop("created", UNSET)

        cmi5_course_id = d.pop("cmi5_course_id", UNSET)

        aus = d.pop("aus", UNSET)

        blocks = d.pop("blocks", UNSET)

        def _parse_package(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        package = _parse_package(d.pop("package", UNSET))

        changes = cast(list[str], d.pop("changes", UNSET))

        def _parse_published_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        published_version = _parse_published_version(d.pop("published_version", UNSET))

        cmi_5_import_report = cls(
            course_id=course_id,
            module_id=module_id,
            created=created,
            cmi5_course_id=cmi5_course_id,
            aus=aus,
            blocks=blocks,
            package=package,
            changes=changes,
            published_version=published_version,
        )

        return cmi_5_import_report
