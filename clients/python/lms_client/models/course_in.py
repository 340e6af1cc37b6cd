from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseIn")


@_attrs_define
class CourseIn:
    """
    Attributes:
        slug (str):
        title (str):
        summary (str | Unset):  Default: ''.
        topics (list[str] | Unset):
        competencies (list[str] | Unset):
    """

    slug: str
    title: str
    summary: str | Unset = ""
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        summary = d.pop("summary", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        competencies = cast(list[str], d.pop("competencies", UNSET))

        course_in = cls(
            slug=slug,
            title=title,
            summary=summary,
            topics=topics,
            competencies=competencies,
        )

        return course_in
