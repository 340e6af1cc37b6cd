"""Asking the assessment service which assessments are published, when the local copy has not heard yet.

The local copy (`known_assessments`, fed by `assessment.published` events) answers almost always;
this read closes the window between an assessment's publication and its event's arrival.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import httpx

log = logging.getLogger(__name__)
MAX_REPLY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class PublishedAssessment:
    assessment_id: str
    slug: str
    kind: str
    title: str | None
    version: int


class AssessmentLookup:
    """A bounded read of `GET /api/v1/assessments` on the owning service, with the caller's token."""

    def __init__(self, base_url: str, timeout_s: float = 2.0, transport: httpx.BaseTransport | None = None):
        self.url = base_url.rstrip("/") + "/api/v1/assessments"
        self.timeout = httpx.Timeout(timeout_s)
        self.transport = transport

    def published(self, refs: Collection[str], bearer: str) -> list[PublishedAssessment]:
        """The published assessments whose id or slug is in `refs` ([] when the owner cannot say)."""
        try:
            listing = self._listing(bearer)
        except (httpx.HTTPError, ValueError) as error:
            log.warning("assessment lookup failed: %s", type(error).__name__)
            return []
        return [_published(item) for item in listing if _matches(item, refs)]

    def _listing(self, bearer: str) -> list[dict[str, Any]]:
        headers = {"Authorization": bearer}
        with (
            httpx.Client(timeout=self.timeout, transport=self.transport) as client,
            client.stream("GET", self.url, headers=headers) as reply,
        ):
            reply.raise_for_status()
            body = bytearray()
            for chunk in reply.iter_bytes():
                body += chunk
                if len(body) > MAX_REPLY_BYTES:
                    raise ValueError("assessment listing too large")
        listing = json.loads(body)
        if not isinstance(listing, list):
            raise ValueError("assessment listing is not a list")
        return [item for item in listing if isinstance(item, dict)]


def _matches(item: dict[str, Any], refs: Collection[str]) -> bool:
    return bool(item.get("latest_version")) and (item.get("id") in refs or item.get("slug") in refs)


def _published(item: dict[str, Any]) -> PublishedAssessment:
    return PublishedAssessment(
        str(item["id"]),
        str(item["slug"]),
        str(item.get("kind") or "quiz"),
        item.get("title"),
        int(item["latest_version"]),
    )
