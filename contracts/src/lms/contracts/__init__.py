"""Event contracts of the LMS suite: one JSON Schema per CloudEvents type."""

from lms.contracts.compat import breaking_changes
from lms.contracts.registry import (
    PayloadInvalid,
    Registry,
    UnknownEventType,
    default_registry,
)

__all__ = [
    "PayloadInvalid",
    "Registry",
    "UnknownEventType",
    "breaking_changes",
    "default_registry",
]
