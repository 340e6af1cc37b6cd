"""Standard Webhooks: secrets, signatures and the retry schedule."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
from datetime import timedelta

RETRY_BASE_S = 5
RETRY_CAP_S = 6 * 3600
MAX_ATTEMPTS = 12  # about a day and a half of retries, then "failed" (manual redelivery remains)


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the secret's bytes."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def verify(secret: str, message_id: str, timestamp: int, body: bytes, header: str) -> bool:
    """What a receiver does: any of the space-separated signatures matches."""
    expected = sign(secret, message_id, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in header.split())


def next_delay(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Exponential back-off with full jitter: up to base * 2^(attempts-1), capped."""
    ceiling = min(RETRY_CAP_S, RETRY_BASE_S * 2 ** max(0, attempts - 1))
    return timedelta(seconds=(rng or random).uniform(ceiling / 2, ceiling))
