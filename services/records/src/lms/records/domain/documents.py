"""State, Activity Profile and Agent Profile documents (xAPI Communication 2.2-2.7).

A document is bytes with a content type, found by its scope (kind, activity, agent,
registration) and its id. POSTing JSON onto a JSON object merges the two at the top level;
anything else onto an existing document is refused. Writes obey the concurrency rules of
Communication 3.1: `If-Match` / `If-None-Match` are honoured on PUT, POST and DELETE, and a
PUT without either onto an existing profile (in 2.0, also a state) is a conflict.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from lms.records.domain.errors import Conflict, Invalid, PreconditionFailed, PreconditionRequired
from lms.records.domain.versions import V1

STATE, ACTIVITY_PROFILE, AGENT_PROFILE = "state", "activity_profile", "agent_profile"
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Scope:
    """Where documents live: a kind and the activity, agent and registration it is keyed by."""

    kind: str
    activity_id: str = ""
    agent_key: str = ""
    registration: str = ""

    @property
    def key(self) -> str:
        return _digest(self.kind, self.activity_id, self.agent_key, self.registration)

    def document_key(self, document_id: str) -> str:
        return _digest(self.key, document_id)


@dataclass(frozen=True)
class Preconditions:
    """The request's `If-Match` tags (`["*"]` for any) and whether `If-None-Match: *` was sent."""

    if_match: tuple[str, ...] | None = None
    if_none_match: tuple[str, ...] | None = None

    @property
    def given(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None


def etag(content: bytes) -> str:
    """The SHA-1 of the content, in lowercase hex (Communication 3.1)."""
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def check(preconditions: Preconditions, current: str | None) -> None:
    """Raise `PreconditionFailed` when `If-Match` / `If-None-Match` do not hold for the current ETag."""
    if preconditions.if_match is not None and not _matches(preconditions.if_match, current):
        raise PreconditionFailed("If-Match names another version of the document: fetch it again.")
    if preconditions.if_none_match is not None and _matches(preconditions.if_none_match, current):
        raise PreconditionFailed("If-None-Match: the document exists already.")


def _matches(tags: tuple[str, ...], current: str | None) -> bool:
    """Whether an existing document (ETag `current`) is one of `tags` (`*`: any existing one)."""
    return current is not None and ("*" in tags or current in tags)


def check_put(kind: str, version: str, preconditions: Preconditions, current: str | None) -> None:
    """The rules of a PUT: preconditions, and what a PUT without them may do."""
    check(preconditions, current)
    if preconditions.given or (kind == STATE and version == V1):
        return
    if current is not None:
        raise Conflict(
            "The document exists: get it, then send its ETag in If-Match (or If-None-Match: * for a new one)."
        )
    if kind != STATE:
        message = "A profile document is written with If-Match or If-None-Match."
        raise Invalid(message) if version == V1 else PreconditionRequired(message)


def is_json(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == JSON_TYPE


def json_object(content: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(content)
    except ValueError:
        raise Invalid(f"{what} is not valid JSON.") from None
    if not isinstance(value, dict):
        raise Invalid(f"{what} is not a JSON object, so it cannot be merged.")
    return value


def merged(existing: bytes, existing_type: str, incoming: bytes, incoming_type: str | None) -> bytes:
    """The document a POST leaves: both JSON objects, merged one level deep, the incoming winning."""
    if not is_json(incoming_type):
        raise Invalid("Only a JSON object (Content-Type: application/json) can be POSTed onto a document.")
    if not is_json(existing_type):
        raise Invalid("The stored document is not JSON, so a POST cannot merge into it: PUT replaces it.")
    combined = {**json_object(existing, "The stored document"), **json_object(incoming, "The document")}
    return json.dumps(combined, ensure_ascii=False, separators=(",", ":")).encode()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
