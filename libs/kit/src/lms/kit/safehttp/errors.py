"""Why an outbound request failed, as a small fixed vocabulary.

Only these words leave the client: raw socket errors ("connection refused" against
"timed out") would tell whoever registered the target which internal ports are open.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    INVALID_URL = "invalid_url"
    DNS_FAILED = "dns_failed"
    ADDRESS_NOT_ALLOWED = "address_not_allowed"
    CONNECT_FAILED = "connect_failed"
    TLS_FAILED = "tls_failed"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    BAD_RESPONSE = "bad_response"


class SafeHttpError(Exception):
    """A refused or failed outbound request; `reason` is safe to store and show."""

    def __init__(self, reason: Reason):
        super().__init__(reason.value)
        self.reason = reason


def http_reason(status: int) -> str | None:
    """`http_<status>` for a non-2xx answer, None for success."""
    return None if 200 <= status < 300 else f"http_{status}"
