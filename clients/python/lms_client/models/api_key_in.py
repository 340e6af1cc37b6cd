from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.api_key_in_roles_item import ApiKeyInRolesItem, check_api_key_in_roles_item
from ..models.api_key_in_scopes_item import ApiKeyInScopesItem, check_api_key_in_scopes_item
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyIn")


@_attrs_define
class ApiKeyIn:
    """
    Attributes:
        name (str):
        roles (list[ApiKeyInRolesItem]): may be empty when the key has scopes: it then reaches only theirs
        scopes (list[ApiKeyInScopesItem] | Unset): `scim`: provision people and teams over SCIM 2.0 at /scim/v2;
            `metrics`: read /metrics and the details of /healthz and /readyz; `xapi`: read and write the learning record
            store at /xapi; `xapi:read`: read the learning record store at /xapi; `xapi:write`: write to the learning record
            store at /xapi (xAPI clients send the key in HTTP Basic: user `key_prefix`, password the key)
    """

    name: str
    roles: list[ApiKeyInRolesItem]
    scopes: list[ApiKeyInScopesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item: str = scopes_item_data
                scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "roles": roles,
            }
        )
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_api_key_in_roles_item(roles_item_data)

            roles.append(roles_item)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ApiKeyInScopesItem] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = check_api_key_in_scopes_item(scopes_item_data)

                scopes.append(scopes_item)

        api_key_in = cls(
            name=name,
            roles=roles,
            scopes=scopes,
        )

        return api_key_in
