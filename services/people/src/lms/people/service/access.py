"""Who may read and change the directory: the one check every directory use case makes."""

from __future__ import annotations

from lms.kit.auth import Principal
from lms.people.domain.errors import Forbidden

DIRECTORY_ROLES = frozenset({"admin", "hr", "scim"})
SCIM_SCOPE = "scim"


def authorise_directory(principal: Principal) -> None:
    """Allow admins, HR, and SCIM clients (a `scim` role, or `scim` in `scope`/`scp`); else Forbidden."""
    if principal.roles & DIRECTORY_ROLES or SCIM_SCOPE in _scopes(principal):
        return
    raise Forbidden("The directory is open to admins, HR and SCIM clients only.")


def _scopes(principal: Principal) -> set[str]:
    claims = principal.claims or {}
    scopes: set[str] = set()
    for claim in ("scope", "scp"):
        value = claims.get(claim)
        if isinstance(value, str):
            scopes.update(value.split())
        elif isinstance(value, list):
            scopes.update(str(v) for v in value)
    return scopes
