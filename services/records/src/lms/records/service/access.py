"""Who may read and write the record store, and who a writer is as a statement's `authority`.

API keys carry scopes: `xapi` reads and writes, `xapi:read` reads, `xapi:write` writes.
People's tokens carry roles: admins read and write, HR reads. Nobody else reaches the LRS.
"""

from __future__ import annotations

from typing import Any

from lms.kit.auth import Principal
from lms.records.domain.errors import Forbidden

READ_SCOPES = frozenset({"xapi", "xapi:read"})
WRITE_SCOPES = frozenset({"xapi", "xapi:write"})
READ_ROLES = ("admin", "hr")
WRITE_ROLES = ("admin",)


def scopes(principal: Principal) -> frozenset[str]:
    return frozenset(str((principal.claims or {}).get("scope", "")).split())


def may_read(principal: Principal) -> bool:
    return bool(scopes(principal) & READ_SCOPES) or principal.has_any(*READ_ROLES)


def may_write(principal: Principal) -> bool:
    return bool(scopes(principal) & WRITE_SCOPES) or principal.has_any(*WRITE_ROLES)


def require_read(principal: Principal) -> None:
    if not may_read(principal):
        raise Forbidden("Reading the record store needs the xapi or xapi:read scope (or the hr role).")


def require_write(principal: Principal) -> None:
    if not may_write(principal):
        raise Forbidden("Writing to the record store needs the xapi or xapi:write scope (or the admin role).")


def authority(principal: Principal, home_page: str) -> dict[str, Any]:
    """The Agent a statement's `authority` names: the key or person who sent it, on this LMS."""
    agent: dict[str, Any] = {"objectType": "Agent", "account": {"homePage": home_page, "name": principal.sub}}
    if principal.name:
        agent["name"] = principal.name
    return agent
