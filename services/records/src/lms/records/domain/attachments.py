"""Attachment data sent with statements (xAPI Data 2.4.11, Communication 1.5.2).

Every part after the statements carries `X-Experience-API-Hash` (the `sha2` of an attachment
the statements declare), `Content-Transfer-Encoding: binary`, and content whose digest is that
hash. An attachment without `fileUrl` must arrive as such a part; a part no attachment
declares is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lms.records.domain.errors import Invalid
from lms.records.domain.multipart import Part

DIGESTS = {56: hashlib.sha224, 64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


@dataclass(frozen=True)
class Attachment:
    sha2: str
    content_type: str
    content: bytes


def declared(statements: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The attachment entries of the statements (and of their SubStatements)."""
    found = []
    for statement in statements:
        found += statement.get("attachments", [])
        if statement["object"].get("objectType") == "SubStatement":
            found += statement["object"].get("attachments", [])
    return found


def received(statements: list[dict[str, Any]], parts: list[Part]) -> dict[str, Attachment]:
    """The attachment data of `parts` by hash, once it matches what the statements declare."""
    entries = declared(statements)
    wanted = {entry["sha2"].lower(): entry for entry in entries}
    data: dict[str, Attachment] = {}
    for index, part in enumerate(parts, start=2):
        found = _checked(part, index, wanted)
        data[found.sha2] = found
    missing = [e for e in entries if "fileUrl" not in e and e["sha2"].lower() not in data]
    if missing:
        raise Invalid(
            f"The attachment {missing[0]['sha2']} has no fileUrl, so its data must be sent as a part."
        )
    return data


def _checked(part: Part, index: int, wanted: dict[str, dict[str, Any]]) -> Attachment:
    digest = (part.header("X-Experience-API-Hash") or "").strip().lower()
    if not digest:
        raise Invalid(f"Part {index} has no X-Experience-API-Hash header.")
    if digest not in wanted:
        raise Invalid(f"Part {index} is no attachment a statement declares (its hash is {digest}).")
    if (part.header("Content-Transfer-Encoding") or "").lower() != "binary":
        raise Invalid(f"Part {index} must have Content-Transfer-Encoding: binary.")
    if DIGESTS[len(digest)](part.body).hexdigest() != digest:
        raise Invalid(f"Part {index}'s content does not match its hash {digest}.")
    content_type = part.header("Content-Type") or wanted[digest]["contentType"]
    return Attachment(digest, content_type, part.body)
