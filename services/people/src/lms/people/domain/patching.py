"""PATCH requests as identity providers send them, applied to a resource by scim2-models."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from scim2_models import Context, PatchOp, SCIMException

from lms.people.domain import errors
from lms.people.domain.resources import POLICY, R, refusal

PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
MANAGER_PATHS = ("manager", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager")


def apply_patch(resource: R, body: Any) -> bool:
    """Apply the PATCH `body` to `resource` in place; True when anything changed.

    Refusals are directory errors with SCIM's `scimType` (`invalidPath`, `noTarget`,
    `invalidValue`, ...); on a refusal the caller discards the resource.
    """
    patch = _read(type(resource), normalised(body))
    try:
        return patch.patch(resource, POLICY)
    except (ValidationError, SCIMException) as exc:
        raise refusal(exc) from None


def normalised(body: Any) -> Any:
    """Entra ID sets a manager with a bare id string (`"value": "42"`): make it `{"value": "42"}`."""
    if not isinstance(body, dict) or not isinstance(body.get("Operations"), list):
        return body
    return {**body, "Operations": [_manager_as_object(op) for op in body["Operations"]]}


def _manager_as_object(operation: Any) -> Any:
    if not isinstance(operation, dict):
        return operation
    path, value = str(operation.get("path") or "").lower(), operation.get("value")
    if path in MANAGER_PATHS and isinstance(value, str):
        return {**operation, "value": {"value": value} if value else None}
    return operation


def _read(model: type[R], body: Any) -> PatchOp:
    if not isinstance(body, dict):
        raise errors.InvalidSyntax("The body must be a PatchOp JSON object.")
    if PATCH_SCHEMA not in (body.get("schemas") or []):
        raise errors.InvalidSyntax(f"A PATCH body lists the schema {PATCH_SCHEMA}.")
    try:
        return PatchOp[model].model_validate(
            body, scim_ctx=Context.RESOURCE_PATCH_REQUEST, scim_policy=POLICY
        )
    except (ValidationError, SCIMException) as exc:
        raise refusal(exc) from None
