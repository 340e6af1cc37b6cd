"""A service's own OpenAPI document, as its tests check it: valid OpenAPI 3.1, every operation of
the public contract present, a summary on every operation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from openapi_spec_validator import validate

from lms.kit.config import JwtSettings, Settings

VERBS = {"get", "put", "post", "patch", "delete"}
Operation = tuple[str, str]  # (method, path)


def service_document(service: str, create_app: Callable[[Settings], Flask]) -> dict[str, Any]:
    """`/openapi.json` of the service's app on an in-memory database."""
    settings = Settings(service=service, database_url="sqlite://", jwt=JwtSettings(secret="s" * 32))
    return create_app(settings).test_client().get("/openapi.json").get_json()


def checked_operations(
    service: str, create_app: Callable[[Settings], Flask], contract: Iterable[Operation]
) -> dict[Operation, dict[str, Any]]:
    """The document's operations by (method, path), once it is valid, holds every operation of
    `contract` and gives each operation a summary."""
    document = service_document(service, create_app)
    validate(document)
    operations = {
        (method, path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in VERBS
    }
    missing = set(contract) - set(operations)
    assert not missing, f"{service}'s OpenAPI document lacks {sorted(missing)}"
    unsummarised = sorted(key for key, operation in operations.items() if not operation.get("summary"))
    assert not unsummarised, f"{service}'s operations without a summary: {unsummarised}"
    return operations
