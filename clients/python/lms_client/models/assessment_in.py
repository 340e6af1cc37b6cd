from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assessment_in_kind import AssessmentInKind, check_assessment_in_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentIn")


@_attrs_define
class AssessmentIn:
    """
    Attributes:
        slug (str):
        title (str):
        kind (AssessmentInKind):
        pass_mark (float | Unset): required for quizzes and diagnostics; a survey ignores it (no score, one response per
            invitee and needs analysis, items in order)
        max_attempts (int | None | Unset): null: unlimited; a survey ignores it (no score, one response per invitee and
            needs analysis, items in order)
        time_limit_s (int | None | Unset):
        shuffle (bool | Unset): a survey ignores it (no score, one response per invitee and needs analysis, items in
            order) Default: False.
        recommend_below (float | None | Unset): diagnostics: recommend modules for competencies below this (default 0.7)
        items (list[Any] | Unset):
    """

    slug: str
    title: str
    kind: AssessmentInKind
    pass_mark: float | Unset = UNSET
    max_attempts: int | None | Unset = UNSET
    time_limit_s: int | None | Unset = UNSET
    shuffle: bool | Unset = False
    recommend_below: float | None | Unset = UNSET
    items: list[Any] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        kind: str = self.kind

        pass_mark = self.pass_mark

        max_attempts: int | None | Unset
        if isinstance(self.max_attempts, Unset):
            max_attempts = UNSET
        else:
            max_attempts = self.max_attempts

        time_limit_s: int | None | Unset
        if isinstance(self.time_limit_s, Unset):
            time_limit_s = UNSET
        else:
            time_limit_s = self.time_limit_s

        shuffle = self.shuffle

        recommend_below: float | None | Unset
        if isinstance(self.recommend_below, Unset):
            recommend_below = UNSET
        else:
            recommend_below = self.recommend_below

        items: list[Any] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = self.items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "title": title,
                "kind": kind,
            }
        )
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark
        if max_attempts is not UNSET:
            field_dict["max_attempts"] = max_attempts
        if time_limit_s is not UNSET:
            field_dict["time_limit_s"] = time_limit_s
        if shuffle is not UNSET:
            field_dict["shuffle"] = shuffle
        if recommend_below is not UNSET:
            field_dict["recommend_below"] = recommend_below
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        kind = check_assessment_in_kind(d.pop("kind"))

        pass_mark = d.pop("pass_mark", UNSET)

        def _parse_max_attempts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_attempts = _parse_max_attempts(d.pop("max_attempts", UNSET))

        def _parse_time_limit_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_limit_s = _parse_time_limit_s(d.pop("time_limit_s", UNSET))

        shuffle = d.pop("shuffle", UNSET)

        def _parse_recommend_below(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        recommend_below = _parse_recommend_below(d.pop("recommend_below", UNSET))

        items = cast(list[Any], d.pop("items", UNSET))

        assessment_in = cls(
            slug=slug,
            title=title,
            kind=kind,
            pass_mark=pass_mark,
            max_attempts=max_attempts,
            time_limit_s=time_limit_s,
            shuffle=shuffle,
            recommend_below=recommend_below,
            items=items,
        )

        return assessment_in
