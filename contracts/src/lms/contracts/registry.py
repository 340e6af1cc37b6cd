"""Load event schemas and validate payloads against them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).parent / "schemas"


class UnknownEventType(KeyError):
    """No schema is registered for this event type."""


class PayloadInvalid(ValueError):
    """A payload does not match its event type's schema."""

    def __init__(self, event_type: str, errors: list[str]):
        super().__init__(f"{event_type}: " + "; ".join(errors))
        self.event_type = event_type
        self.errors = errors


class Registry:
    """Event type name -> JSON Schema, with a compiled validator per type."""

    def __init__(self, schemas: Mapping[str, dict[str, Any]] | None = None):
        self._schemas: dict[str, dict[str, Any]] = {}
        self._validators: dict[str, Draft202012Validator] = {}
        self._fast: dict[str, Callable[[Any], Any]] = {}
        for event_type, schema in (schemas or {}).items():
            self.register(event_type, schema)

    @classmethod
    def from_directory(cls, directory: Path) -> Registry:
        """Every `<event type>.json` file in `directory`, named by its event type."""
        return cls({path.stem: json.loads(path.read_text()) for path in sorted(directory.glob("*.json"))})

    def register(self, event_type: str, schema: dict[str, Any]) -> None:
        Draft202012Validator.check_schema(schema)
        self._schemas[event_type] = schema
        self._validators[event_type] = Draft202012Validator(schema, format_checker=FormatChecker())
        # The compiled validator decides; jsonschema lists every problem once it says no.
        # (Our schemas use only keywords whose meaning is the same in draft 7.)
        self._fast[event_type] = fastjsonschema.compile(
            {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}
        )

    def types(self) -> list[str]:
        return sorted(self._schemas)

    def __contains__(self, event_type: object) -> bool:
        return event_type in self._schemas

    def schema(self, event_type: str) -> dict[str, Any]:
        try:
            return self._schemas[event_type]
        except KeyError:
            raise UnknownEventType(event_type) from None

    def key_field(self, event_type: str) -> str:
        """The payload field whose value is the Kafka record key (the schema's `x-kafka-key`)."""
        field = self.schema(event_type).get("x-kafka-key")
        if not field:
            raise UnknownEventType(f"{event_type} declares no x-kafka-key")
        return field

    def validate(self, event_type: str, payload: Any) -> None:
        """Raise PayloadInvalid listing every problem, or UnknownEventType."""
        try:
            fast = self._fast[event_type]
        except KeyError:
            raise UnknownEventType(event_type) from None
        try:
            fast(payload)
            return
        except fastjsonschema.JsonSchemaException:
            pass
        errors = _messages(self._validators[event_type].iter_errors(payload))
        if errors:
            raise PayloadInvalid(event_type, errors)


def _messages(errors: Iterable[Any]) -> list[str]:
    found = sorted(errors, key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


@cache
def default_registry() -> Registry:
    """The schemas shipped in this package."""
    return Registry.from_directory(SCHEMA_DIR)
