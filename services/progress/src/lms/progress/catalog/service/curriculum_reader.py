"""Reading a published course from its owner, curriculum, when its event may not have arrived yet.

`GET {LMS_CURRICULUM_URL}/api/v1/courses/{id}` with the caller's own token, `Cache-Control:
no-cache` (past curriculum's per-process caches: the version just published, from whichever
process answers) and a short timeout: the answer is turned into the shape of `course.published`,
so storing it is what the consumer does with the event (and the event, when it comes, changes
nothing). `LMS_CURRICULUM_URL` defaults to curriculum's local address; `off` turns reading off.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from lms.progress.errors import Unavailable

TIMEOUT_S = 2.0
MAX_BYTES = 2_000_000
DEFAULT_URL = "http://127.0.0.1:8101"  # curriculum's own default port, as the gateway routes to it


def curriculum_reader(environ: Mapping[str, str]) -> CurriculumReader | None:
    """The reader `LMS_CURRICULUM_URL` names (default: curriculum's local address; `off`: none)."""
    url = environ.get("LMS_CURRICULUM_URL") or DEFAULT_URL
    return None if url == "off" else CurriculumReader(url)


class CurriculumReader:
    def __init__(self, base_url: str, client: httpx.Client | None = None):
        self.base_url = base_url.rstrip("/")
        self.client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=False)

    def published(self, course_id: str, authorization: str | None) -> dict[str, Any] | None:
        """The latest published version as a `course.published` payload; None when there is none."""
        url = f"{self.base_url}/api/v1/courses/{quote(course_id, safe='')}"
        headers = {"Cache-Control": "no-cache", **({"Authorization": authorization} if authorization else {})}
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
                "lessons": [
                    # the kind tells a cmi5 AU (completed by its content only) from a lesson one clicks
                    {"lesson_id": lesson["id"], "title": lesson["title"], "kind": lesson.get("kind", "text")}
                    for lesson in m["lessons"]
                ],
            }
            for m in view["modules"]
        ],
    }
