from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookOut")


@_attrs_define
class WebhookOut:
    """
    Attributes:
        id (str | Unset):
        url (str | Unset):
        event_types (list[str] | Unset):
        status (str | Unset):
        disabled_reason (None | str | Unset):
        created_at (datetime.datetime | Unset):
        secret (str | Unset): whsec_<base64>; shown when created
    """

    id: str | Unset = UNSET
    url: str | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    status: str | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        status = self.status

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if status is not UNSET:
            field_dict["status"] = status
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        event_types = cast(list[str], d.pop("event_types", UNSET))

        status = d.pop("status", UNSET)

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        secret = d.pop("secret", UNSET)

        webhook_out = cls(
            id=id,
            url=url,
            event_types=event_types,
            status=status,
            disabled_reason=disabled_reason,
            created_at=created_at,
            secret=secret,
        )

        return webhook_out
