from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.walk_out_step_type_0 import WalkOutStepType0


T = TypeVar("T", bound="WalkOut")


@_attrs_define
class WalkOut:
    """
    Attributes:
        item_id (str | Unset):
        option_ids (list[str] | Unset):
        ended (bool | Unset):
        step (None | Unset | WalkOutStepType0): {id, text, options: [{id, text}]}
    """

    item_id: str | Unset = UNSET
    option_ids: list[str] | Unset = UNSET
    ended: bool | Unset = UNSET
    step: None | Unset | WalkOutStepType0 = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.walk_out_step_type_0 import WalkOutStepType0  # noqa: PLC0415

        item_id = self.item_id

        option_ids: list[str] | Unset = UNSET
        if not isinstance(self.option_ids, Unset):
            option_ids = self.option_ids

        ended = self.ended

        step: dict[str, Any] | None | Unset
        if isinstance(self.step, Unset):
            step = UNSET
        elif isinstance(self.step, WalkOutStepType0):
            step = self.step.to_dict()
        else:
            step = self.step

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if item_id is not UNSET:
            field_dict["item_id"] = item_id
        if option_ids is not UNSET:
            field_dict["option_ids"] = option_ids
        if ended is not UNSET:
            field_dict["ended"] = ended
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.walk_out_step_type_0 import WalkOutStepType0  # noqa: PLC0415

        d = dict(src_dict)
        item_id = d.pop("item_id", UNSET)

        option_ids = cast(list[str], d.pop("option_ids", UNSET))

        ended = d.pop("ended", UNSET)

        def _parse_step(data: object) -> None | Unset | WalkOutStepType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                step_type_0 = WalkOutStepType0.from_dict(data)

                return step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WalkOutStepType0, data)

        step = _parse_step(d.pop("step", UNSET))

        walk_out = cls(
            item_id=item_id,
            option_ids=option_ids,
            ended=ended,
            step=step,
        )

        return walk_out
