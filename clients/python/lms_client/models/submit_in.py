from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.submit_in_responses_item import SubmitInResponsesItem


T = TypeVar("T", bound="SubmitIn")


@_attrs_define
class SubmitIn:
    """
    Attributes:
        responses (list[SubmitInResponsesItem]): [{item_id, option_ids?, value?, text?}]: choice items `option_ids`;
            scenario `option_ids` (one per step, following `next`); true_false `value` (boolean); likert `value` (1..scale);
            free_text `text` (at most 20,000 characters). A choice item takes at most as many `option_ids` as it has
            options, a scenario at most one per step
    """

    responses: list[SubmitInResponsesItem]

    def to_dict(self) -> dict[str, Any]:
        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "responses": responses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_in_responses_item import SubmitInResponsesItem  # noqa: PLC0415

        d = dict(src_dict)
        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = SubmitInResponsesItem.from_dict(responses_item_data)

            responses.append(responses_item)

        submit_in = cls(
            responses=responses,
        )

        return submit_in
