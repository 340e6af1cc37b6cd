"""Signed statements (xAPI Data 2.6): a JWS, as an attachment, over the statement itself.

The LRS decodes the JWS, requires RS256, RS384 or RS512 and a payload that is a statement
logically equivalent to the one received; when the JWS header carries an X.509 certificate
(`x5c`), the signature must verify against it. A malformed signature is refused (400).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import jwt
from cryptography import x509

from lms.records.domain.attachments import Attachment
from lms.records.domain.errors import Invalid
from lms.records.domain.statements import equivalent

SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"
ALGORITHMS = ("RS256", "RS384", "RS512")


def check(statement: dict[str, Any], data: dict[str, Attachment]) -> None:
    """Refuse the statement when one of its signature attachments is malformed."""
    for entry in statement.get("attachments", []):
        if entry["usageType"] != SIGNATURE:
            continue
        if entry["contentType"].split(";")[0].strip() != "application/octet-stream":
            raise Invalid("A signature attachment has the content type application/octet-stream.")
        found = data.get(entry["sha2"].lower())
        if found is None:
            raise Invalid("A signature attachment's JWS must be sent with the statement.")
        _verify(statement, found.content)


def _verify(statement: dict[str, Any], token: bytes) -> None:
    try:
        text = token.decode("ascii").strip()
        header = jwt.get_unverified_header(text)
        payload = json.loads(_segment(text, 1))
    except (UnicodeDecodeError, ValueError, jwt.PyJWTError):
        raise Invalid("The signature is not a JWS in compact serialization over a JSON statement.") from None
    if header.get("alg") not in ALGORITHMS:
        raise Invalid(f"A statement signature uses RS256, RS384 or RS512, not {header.get('alg')!r}.")
    if not isinstance(payload, dict) or not _same_statement(payload, statement):
        raise Invalid("The signed statement differs from the statement received.")
    if header.get("x5c"):
        _verify_certificate(text, header)


def _same_statement(signed: dict[str, Any], received: dict[str, Any]) -> bool:
    if "id" in signed and signed["id"] != received.get("id"):
        return False
    try:
        return equivalent(signed, received)
    except (KeyError, TypeError, AttributeError):
        return False


def _verify_certificate(text: str, header: dict[str, Any]) -> None:
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
        jwt.api_jws.decode_complete(text, certificate.public_key(), algorithms=[header["alg"]])
    except (ValueError, TypeError, IndexError, jwt.PyJWTError):
        raise Invalid("The signature does not verify against the certificate its header names.") from None


def _segment(token: str, index: int) -> bytes:
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("not a compact JWS")
    segment = parts[index]
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
