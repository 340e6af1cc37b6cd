"""Asking insights for the caller's own invitation, when `needs_analysis.opened` has not arrived yet.

`GET {LMS_INSIGHTS_URL}/api/v1/needs-analyses/{id}/invitation` with the caller's own token and a
short timeout: insights answers only about the caller (which surveys of the analysis they are
invited to answer, and until when), so recording the answer is what the consumer does with the
event for that one person, and the event, when it comes, changes nothing (decision 0055).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx

from lms.assessment.domain.errors import Unavailable

MAX_BYTES = 64 * 1024
UNREADABLE = "The needs analysis cannot be checked now; try again shortly."


class InsightsReader:
    def __init__(self, base_url: str, timeout_s: float = 2.0, transport: httpx.BaseTransport | None = None):
        self.base_url = base_url.rstrip("/")
        self.client = httpx.Client(
            timeout=timeout_s, follow_redirects=False, trust_env=False, transport=transport
        )

    def invitation(self, analysis_id: str, authorization: str | None) -> dict[str, Any] | None:
        """`{needs_analysis_id, status, opens_at, closes_at, surveys}` of the caller; None: not invited."""
        url = f"{self.base_url}/api/v1/needs-analyses/{quote(analysis_id, safe='')}/invitation"
        headers = {"Authorization": authorization} if authorization else {}
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in (401, 403, 404):
                    return None
                if response.status_code != 200:
                    raise Unavailable(UNREADABLE)
                found = json.loads(_capped(response))
        except (httpx.HTTPError, ValueError) as exc:
            raise Unavailable(UNREADABLE) from exc
        if not isinstance(found, dict) or found.get("needs_analysis_id") != analysis_id:
            raise Unavailable(UNREADABLE)
        return found


def _capped(response: httpx.Response) -> bytes:
    body = b""
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise ValueError("invitation too large")
    return body
