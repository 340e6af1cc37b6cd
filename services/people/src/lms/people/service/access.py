"""Who may read and change the directory: the one check every directory use case makes."""

from __future__ import annotations

from lms.kit.auth import Principal
from lms.people.domain.errors import Forbidden

DIRECTORY_ROLES = frozenset({"admin", "hr", "scim"})
SCIM_SCOPE = "scim"


def authorise_directory(principal: Principal) -> None:
    """Allow admins, HR, a `scim` role, and API keys with the `scim` scope; else Forbidden.

    Scopes count only as the gateway grants them to its API keys (`Principal.scopes`); a `scope`
    or `scp` claim from any other issuer grants nothing."""
    if principal.roles & DIRECTORY_ROLES or SCIM_SCOPE in principal.scopes:
        return
    raise Forbidden("The directory is open to admins, HR and SCIM clients only.")
