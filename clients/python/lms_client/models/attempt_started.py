from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attempt_started_items_item import AttemptStartedItemsItem


T = TypeVar("T", bound="AttemptStarted")


@_attrs_define
class AttemptStarted:
    """
    Attributes:
        needs_analysis_id (None | str | Unset):
        attempt_id (str | Unset):
        assessment_id (str | Unset):
        assessment_version (int | Unset):
        attempt_no (int | Unset):
        status (str | Unset):
        started_at (datetime.datetime | Unset):
        expires_at (datetime.datetime | None | Unset):
        items (list[AttemptStartedItemsItem] | Unset): questions in this attempt's order, no keys
    """

    needs_analysis_id: None | str | Unset = UNSET
    attempt_id: str | Unset = UNSET
    assessment_id: str | Unset = UNSET
    assessment_version: int | Unset = UNSET
    attempt_no: int | Unset = UNSET
    status: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    items: list[AttemptStartedItemsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        needs_analysis_id: None | str | Unset
        if isinstance(self.needs_analysis_id, Unset):
            needs_analysis_id = UNSET
        else:
            needs_analysis_id = self.needs_analysis_id

        attempt_id = self.attempt_id

        assessment_id = self.assessment_id

        assessment_version = self.assessment_version

        attempt_no = self.attempt_no

        status = self.status

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if needs_analysis_id is not UNSET:
            field_dict["needs_analysis_id"] = needs_analysis_id
        if attempt_id is not UNSET:
            field_dict["attempt_id"] = attempt_id
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if assessment_version is not UNSET:
            field_dict["assessment_version"] = assessment_version
        if attempt_no is not UNSET:
            field_dict["attempt_no"] = attempt_no
        if status is not UNSET:
            field_dict["status"] = status
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_started_items_item import AttemptStartedItemsItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_needs_analysis_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        needs_analysis_id = _parse_needs_analysis_id(d.pop("needs_analysis_id", UNSET))

        attempt_id = d.pop("attempt_id", UNSET)

        assessment_id = d.pop("assessment_id", UNSET)

        assessment_version = d.pop("assessment_version", UNSET)

        attempt_no = d.pop("attempt_no", UNSET)

        status = d.pop("status", UNSET)

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _items = d.pop("items", UNSET)
        items: list[AttemptStartedItemsItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = AttemptStartedItemsItem.from_dict(items_item_data)

                items.append(items_item)

        attempt_started = cls(
            needs_analysis_id=needs_analysis_id,
            attempt_id=attempt_id,
            assessment_id=assessment_id,
            assessment_version=assessment_version,
            attempt_no=attempt_no,
            status=status,
            started_at=started_at,
            expires_at=expires_at,
            items=items,
        )

        return attempt_started
