from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewIn")


@_attrs_define
class ReviewIn:
    """
    Attributes:
        item_id (str):
        score (float):
        comment (None | str | Unset):
    """

    item_id: str
    score: float
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        score = self.score

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item_id": item_id,
                "score": score,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id")

        score = d.pop("score")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        review_in = cls(
            item_id=item_id,
            score=score,
            comment=comment,
        )

        return review_in
