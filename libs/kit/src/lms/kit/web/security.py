"""Who is calling, from the bearer token; role checks for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, g, request
from flask_smorest import Blueprint

from lms.kit.auth import AuthError, Principal, TokenVerifier
from lms.kit.web.problems import Problem

F = TypeVar("F", bound=Callable[..., Any])
BEARER = {"bearerAuth": []}


def current_principal() -> Principal:
    """The verified caller of this request, or a 401 problem."""
    if "principal" not in g:
        g.principal = _authenticate()
    return g.principal


def _authenticate() -> Principal:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "A bearer token is required.", headers={"WWW-Authenticate": "Bearer"})
    verifier: TokenVerifier = current_app.extensions["lms.verifier"]
    try:
        return verifier.verify(token.strip())
    except AuthError as exc:
        raise Problem(
            401,
            f"The bearer token is not valid: {exc}.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from None


def requires(*roles: str) -> Callable[[F], F]:
    """Allow callers holding any of `roles` (admins always); others get 403. No roles: any caller.

    The roles are published on the operation as `x-roles` (admins are always allowed too), so a
    client or a contract fuzzer knows who may call it; the service may narrow further per object."""

    def decorate(view: F) -> F:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            principal = current_principal()
            if roles and not principal.has_any(*roles):
                raise Problem(403, f"This needs one of the roles: {', '.join(roles)}.")
            return view(*args, **kwargs)

        if not roles:
            return checked  # type: ignore[return-value]
        documented = sorted({*roles, "admin"})
        return Blueprint.doc(**{"x-roles": documented})(checked)  # type: ignore[no-any-return]

    return decorate
