from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoursePatch")


@_attrs_define
class CoursePatch:
    """
    Attributes:
        slug (str | Unset):
        title (str | Unset):
        summary (str | Unset):
        topics (list[str] | Unset):
        competencies (list[str] | Unset):
    """

    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    topics: list[str] | Unset = UNSET
    competencies: list[str] | Unset = UNSET

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if topics is not UNSET:
            field_dict["topics"] = topics
        if competencies is not UNSET:
            field_dict["competencies"] = competencies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        competencies = cast(list[str], d.pop("competencies", UNSET))

        course_patch = cls(
            slug=slug,
            title=title,
            summary=summary,
            topics=topics,
            competencies=competencies,
        )

        return course_patch
