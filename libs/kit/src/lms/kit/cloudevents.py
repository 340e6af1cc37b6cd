"""CloudEvents 1.0 in Kafka binary mode: `ce_*` headers, the JSON payload as the value.

This module is the only place that builds or parses the envelope.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lms.kit import jsoncodec

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"
_REQUIRED = ("id", "source", "type", "specversion")
_OPTIONAL = ("time", "subject")

Headers = Sequence[tuple[str, bytes]]


class InvalidEvent(ValueError):
    """A Kafka record that is not a well-formed binary-mode CloudEvent."""


@dataclass(frozen=True)
class CloudEvent:
    """One event: context attributes, extensions (e.g. `requestid`, `traceparent`) and data."""

    id: str
    type: str
    source: str
    data: dict[str, Any]
    time: datetime
    subject: str | None = None
    extensions: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def new(
        cls,
        type: str,
        source: str,
        data: dict[str, Any],
        subject: str | None = None,
        extensions: Mapping[str, str] | None = None,
    ) -> CloudEvent:
        return cls(
            id=str(uuid.uuid4()),
            type=type,
            source=source,
            data=data,
            time=datetime.now(UTC),
            subject=subject,
            extensions=dict(extensions or {}),
        )

    def headers(self) -> dict[str, str]:
        """The binary-mode headers as text (`ce_*` plus content-type)."""
        found = {
            "ce_specversion": SPECVERSION,
            "ce_id": self.id,
            "ce_source": self.source,
            "ce_type": self.type,
            "ce_time": self.time.isoformat().replace("+00:00", "Z"),
            "content-type": CONTENT_TYPE,
        }
        if self.subject is not None:
            found["ce_subject"] = self.subject
        found.update({f"ce_{name}": value for name, value in self.extensions.items()})
        return found

    def value(self) -> bytes:
        return encode_data(self.data)


def encode_data(data: Mapping[str, Any]) -> bytes:
    return jsoncodec.dumps(data)


def kafka_headers(headers: Mapping[str, str]) -> list[tuple[str, bytes]]:
    return [(name, value.encode()) for name, value in headers.items()]


def from_kafka(headers: Headers | None, value: bytes | None) -> CloudEvent:
    """Parse a binary-mode record; raise InvalidEvent when it is not one."""
    attrs = {name: raw.decode("utf-8", "replace") for name, raw in headers or ()}
    missing = [name for name in _REQUIRED if f"ce_{name}" not in attrs]
    if missing:
        raise InvalidEvent(f"missing CloudEvents headers: {', '.join('ce_' + m for m in missing)}")
    if attrs["ce_specversion"] != SPECVERSION:
        raise InvalidEvent(f"unsupported specversion {attrs['ce_specversion']!r}")
    try:
        data = jsoncodec.loads(value or b"")
    except ValueError as exc:
        raise InvalidEvent(f"value is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidEvent("value is not a JSON object")
    known = {f"ce_{n}" for n in (*_REQUIRED, *_OPTIONAL)}
    return CloudEvent(
        id=attrs["ce_id"],
        type=attrs["ce_type"],
        source=attrs["ce_source"],
        data=data,
        time=_parse_time(attrs.get("ce_time")),
        subject=attrs.get("ce_subject"),
        extensions={k[3:]: v for k, v in attrs.items() if k.startswith("ce_") and k not in known},
    )


def _parse_time(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    try:
        return event_time(text)
    except ValueError:
        raise InvalidEvent(f"ce_time is not RFC 3339: {text!r}") from None


def event_time(text: str) -> datetime:
    """An RFC 3339 time of an event or its data (`Z` as well), aware: one without an offset is UTC."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
