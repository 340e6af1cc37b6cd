from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyCreated")


@_attrs_define
class ApiKeyCreated:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        roles (list[str] | Unset):
        scopes (list[str] | Unset):
        key_prefix (str | Unset): the key's public start, to recognise it
        created_by (str | Unset):
        created_at (datetime.datetime | Unset):
        revoked_at (datetime.datetime | None | Unset):
        key (str | Unset): the secret key: shown once, store it now
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    key_prefix: str | Unset = UNSET
    created_by: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    revoked_at: datetime.datetime | None | Unset = UNSET
    key: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        key_prefix = self.key_prefix

        created_by = self.created_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if key_prefix is not UNSET:
            field_dict["key_prefix"] = key_prefix
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if key is not UNSET:
            field_dict["key"] = key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        key_prefix = d.pop("key_prefix", UNSET)

        created_by = d.pop("created_by", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))

        key = d.pop("key", UNSET)

        api_key_created = cls(
            id=id,
            name=name,
            roles=roles,
            scopes=scopes,
            key_prefix=key_prefix,
            created_by=created_by,
            created_at=created_at,
            revoked_at=revoked_at,
            key=key,
        )

        return api_key_created
