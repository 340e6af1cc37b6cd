"""Reading a published course from its owner, curriculum, when the event has not arrived yet.

`GET {LMS_CURRICULUM_URL}/api/v1/courses/{id}` with the caller's own token and a short timeout:
the answer is turned into the shape of `course.published`, so storing it is what the consumer
does with the event (and the event, when it comes, changes nothing).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx

from lms.progress.errors import Unavailable

TIMEOUT_S = 2.0
MAX_BYTES = 2_000_000


class CurriculumReader:
    def __init__(self, base_url: str, client: httpx.Client | None = None):
        self.base_url = base_url.rstrip("/")
        self.client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=False)

    def published(self, course_id: str, authorization: str | None) -> dict[str, Any] | None:
        """The latest published version as a `course.published` payload; None when there is none."""
        url = f"{self.base_url}/api/v1/courses/{quote(course_id, safe='')}"
        headers = {"Authorization": authorization} if authorization else {}
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in (403, 404, 410):
                    return None
                if response.status_code != 200:
                    raise Unavailable("The course catalogue cannot be read now; try again shortly.")
                view = json.loads(_capped(response))
        except (httpx.HTTPError, ValueError) as exc:
            raise Unavailable("The course catalogue cannot be read now; try again shortly.") from exc
        return as_published_event(view) if view.get("status") == "published" else None


def _capped(response: httpx.Response) -> bytes:
    body = b""
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise ValueError("course document too large")
    return body


def as_published_event(view: dict[str, Any]) -> dict[str, Any]:
    """Curriculum's course view in the shape `course.published` carries."""
    return {
        "course_id": view["id"],
        "slug": view["slug"],
        "title": view["title"],
        "version": int(view["version"]),
        "published_at": view["published_at"],
        "modules": [
            {
                "module_id": m["id"],
                "title": m["title"],
                "required": m.get("required", True),
                "assessment_id": m.get("assessment_id"),
                "lessons": [{"lesson_id": lesson["id"], "title": lesson["title"]} for lesson in m["lessons"]],
            }
            for m in view["modules"]
        ],
    }
