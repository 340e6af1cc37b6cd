"""The attributes SCIM filters and `sortBy` may name, and the indexed column behind each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lms.people.db import team_members, teams, users

CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:user"
CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"


@dataclass(frozen=True)
class Attribute:
    """A filterable attribute: its column and how its values compare."""

    column: Any
    kind: str = "text"  # text (case-exact) | folded (stored case-folded) | ci (compare lowered) | bool | date
    sortable: bool = True


USER_ATTRIBUTES: dict[str, Attribute] = {
    "id": Attribute(users.c.id),
    "username": Attribute(users.c.user_name_key, "folded"),
    "externalid": Attribute(users.c.external_id),
    "displayname": Attribute(users.c.display_name, "ci"),
    "emails": Attribute(users.c.email, "folded"),
    "emails.value": Attribute(users.c.email, "folded"),
    "active": Attribute(users.c.active, "bool"),
    "meta.created": Attribute(users.c.created_at, "date"),
    "meta.lastmodified": Attribute(users.c.updated_at, "date"),
    "employeenumber": Attribute(users.c.employee_number),
    "department": Attribute(users.c.department, "ci"),
    "manager": Attribute(users.c.manager_id),
    "manager.value": Attribute(users.c.manager_id),
}
GROUP_ATTRIBUTES: dict[str, Attribute] = {
    "id": Attribute(teams.c.id),
    "displayname": Attribute(teams.c.display_name, "ci"),
    "externalid": Attribute(teams.c.external_id),
    "meta.created": Attribute(teams.c.created_at, "date"),
    "meta.lastmodified": Attribute(teams.c.updated_at, "date"),
    "members": Attribute(team_members.c.user_id, "member", sortable=False),
    "members.value": Attribute(team_members.c.user_id, "member", sortable=False),
}
SCHEMAS = {id(USER_ATTRIBUTES): (CORE_USER, ENTERPRISE), id(GROUP_ATTRIBUTES): (CORE_GROUP,)}
