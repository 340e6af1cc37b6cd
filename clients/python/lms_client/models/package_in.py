from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.package_module import PackageModule


T = TypeVar("T", bound="PackageIn")


@_attrs_define
class PackageIn:
    """
    Attributes:
        slug (str):
        title (str):
        summary (str | Unset):  Default: ''.
        topics (list[str] | Unset):
        competencies (list[str] | Unset):
        diagnostic_slug (str | Unset):
        modules (list[PackageModule] | Unset):
    """

    slug: str
    title: str
    summary: str | Unset = ""
    topics: list[str] | Unset = UNSET
    competencies: list[str] | Unset = UNSET
    diagnostic_slug: str | Unset = UNSET
    modules: list[PackageModule] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        summary = self.summary

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        competencies: list[str] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = self.competencies

        diagnostic_slug = self.diagnostic_slug

        modules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.modules, Unset):
            modules = []
            for modules_item_data in self.modules:
                modules_item = modules_item_data.to_dict()
                modules.append(modules_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "title": title,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if topics is not UNSET:
            field_dict["topics"] = topics
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if diagnostic_slug is not UNSET:
            field_dict["diagnostic_slug"] = diagnostic_slug
        if modules is not UNSET:
            field_dict["modules"] = modules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.package_module import PackageModule  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        summary = d.pop("summary", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        competencies = cast(list[str], d.pop("competencies", UNSET))

        diagnostic_slug = d.pop("diagnostic_slug", UNSET)

        _modules = d.pop("modules", UNSET)
        modules: list[PackageModule] | Unset = UNSET
        if _modules is not UNSET:
            modules = []
            for modules_item_data in _modules:
                modules_item = PackageModule.from_dict(modules_item_data)

                modules.append(modules_item)

        package_in = cls(
            slug=slug,
            title=title,
            summary=summary,
            topics=topics,
            competencies=competencies,
            diagnostic_slug=diagnostic_slug,
            modules=modules,
        )

        return package_in
