"""What an API key's scopes open, declared once: each scope names the routes it opens.

The rule (`refusal`) reads only this table, so a new scope is a new row, never new code (the
xAPI scopes were added so):
- a key reaches a route one of its scopes opens;
- a route that a *reserved* scope opens is reached by keys through such a scope only, whatever
  their roles (a key meant for HR reports does not provision the directory);
- any other route is for keys with roles (the services then authorise those roles as anyone's),
  or public; a key with scopes and no roles reaches its scopes' routes and nothing else.

Scopes describe what keys may reach at the gateway; a token from an outside issuer carries none
(the kit grants scopes only from the gateway's own tokens, `Principal.scopes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lms.kit.auth import Principal


@dataclass(frozen=True)
class Route:
    """A path prefix (on segment boundaries) and the methods it covers (none named: all)."""

    prefix: str
    methods: tuple[str, ...] = ()

    def covers(self, method: str, path: str) -> bool:
        under = path == self.prefix or path.startswith(self.prefix.rstrip("/") + "/")
        return under and (not self.methods or method in self.methods)


@dataclass(frozen=True)
class Scope:
    name: str
    description: str
    routes: tuple[Route, ...]
    reserved: bool = True  # keys reach these routes only through a scope that opens them

    def opens(self, method: str, path: str) -> bool:
        return any(route.covers(method, path) for route in self.routes)


SCOPES: tuple[Scope, ...] = (
    Scope("scim", "provision people and teams over SCIM 2.0 at /scim/v2", (Route("/scim/v2"),)),
    Scope(
        "metrics",
        "read /metrics and the details of /healthz and /readyz",
        (Route("/metrics", ("GET",)), Route("/healthz", ("GET",)), Route("/readyz", ("GET",))),
        reserved=False,  # admins read them too
    ),
    # the learning record store tells reading from writing itself (xAPI reads may be POSTs)
    Scope("xapi", "read and write the learning record store at /xapi", (Route("/xapi"),)),
    Scope("xapi:read", "read the learning record store at /xapi", (Route("/xapi"),)),
    Scope("xapi:write", "write to the learning record store at /xapi", (Route("/xapi"),)),
)


def names() -> tuple[str, ...]:
    return tuple(scope.name for scope in SCOPES)


def refusal(principal: Principal, method: str, path: str, public: bool) -> str | None:
    """Why an API key's principal may not make this request, or None when it may."""
    opening = [scope for scope in SCOPES if scope.opens(method, path)]
    if any(scope.name in principal.scopes for scope in opening):
        return None
    reserved = [scope.name for scope in opening if scope.reserved]
    if reserved:
        return f"This API key lacks the '{reserved[0]}' scope {path} needs."
    if principal.roles or public:
        return None
    held = ", ".join(f"'{name}'" for name in sorted(principal.scopes)) or "none"
    return f"This API key has no roles: it reaches only the routes of its scopes ({held})."
