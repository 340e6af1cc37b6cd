"""Through the gateway: versions stay pinned, concurrent completions are counted exactly, roles hold."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from lms.tools.journeys import Learner, eventually

pytestmark = pytest.mark.integration


def package(slug: str, body: str = "Ask what the problem means for the customer.") -> dict:
    return {
        "slug": slug,
        "title": f"Course {slug}",
        "summary": "e2e",
        "topics": ["e2e"],
        "modules": [
            {
                "key": "m1",
                "title": "Only module",
                "lessons": [{"key": "l1", "title": "Only lesson", "body": body}],
            }
        ],
    }


def publish(suite, pkg: dict) -> dict:
    with suite.client("author-e2e", "author") as author:
        dry = author.post("/course-packages", params={"dry_run": "true"}, json=pkg)
        precondition = {"If-Match": dry.headers["ETag"]} if "ETag" in dry.headers else {}
        response = author.post("/course-packages", params={"publish": "true"}, json=pkg, headers=precondition)
    assert response.status_code in (200, 201), response.text
    return response.json()


def enrol(client: httpx.Client, course_id: str) -> dict:
    return Learner(client).enrol(course_id)


def test_an_enrolment_stays_on_its_version_when_a_new_one_is_published(suite):
    slug = f"pinned-{uuid.uuid4().hex[:6]}"
    course_id = publish(suite, package(slug, "First wording of the lesson."))["course_id"]
    with suite.client("early-learner", "learner") as early:
        first = enrol(early, course_id)
        assert first["course_version"] == 1
        assert publish(suite, package(slug, "Second wording of the lesson."))["published_version"] == 2

        def new_learner_enrolment() -> dict | None:
            """A fresh learner each try: one enrolled before progress learned of v2 stays on v1."""
            with suite.client(f"late-{uuid.uuid4().hex[:6]}", "learner") as late:
                enrolment = enrol(late, course_id)
            return enrolment if enrolment["course_version"] == 2 else None

        second = eventually(new_learner_enrolment)
        assert early.get(f"/enrolments/{first['id']}").json()["course_version"] == 1
        v1 = early.get(f"/courses/{course_id}", params={"version": 1}).json()
        assert v1["modules"][0]["lessons"][0]["body"] == "First wording of the lesson."
        lesson = v1["modules"][0]["lessons"][0]["id"]
        assert (
            early.post(f"/enrolments/{first['id']}/lessons/{lesson}/complete").json()["status"] == "completed"
        )
        assert second["course_version"] == 2


def test_fifty_learners_completing_at_once_give_fifty_completions_no_more_no_fewer(suite):
    course_id = publish(suite, package(f"crowd-{uuid.uuid4().hex[:6]}"))["course_id"]
    with suite.client("author-e2e", "author") as author:
        lesson = author.get(f"/courses/{course_id}").json()["modules"][0]["lessons"][0]["id"]

    def learner_journey(n: int) -> str:
        with suite.client(f"crowd-learner-{n}", "learner") as learner:
            enrolment = enrol(learner, course_id)
            for _ in range(2):  # a retry of the same completion must not count twice
                done = learner.post(f"/enrolments/{enrolment['id']}/lessons/{lesson}/complete").json()
            return done["certificate_code"]

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(learner_journey, range(50)))
    assert len(set(codes)) == 50

    seen, cursor = [], "0"
    with suite.client("hana", "hr") as hr:
        while page := hr.get("/completions", params={"since": cursor, "limit": 17}).json():
            if not page["items"]:
                break
            seen += [c["certificate_code"] for c in page["items"] if c["course_id"] == course_id]
            cursor = page["next_cursor"]
    assert sorted(seen) == sorted(codes)


# (role, method, path, expected status) through the gateway
MATRIX = [
    (None, "GET", "/courses", 401),
    (None, "GET", "/certificates/no-such-code", 404),
    ("learner", "GET", "/courses", 200),
    ("learner", "POST", "/courses", 403),
    ("learner", "POST", "/assessments", 403),
    ("learner", "GET", "/completions", 403),
    ("learner", "GET", "/xapi/statements", 403),
    ("learner", "POST", "/webhooks", 403),
    ("learner", "GET", "/reports/overdue", 403),
    ("learner", "POST", "/api-keys", 403),
    ("author", "POST", "/courses", 422),
    ("author", "GET", "/assessments", 200),
    ("author", "GET", "/completions", 403),
    ("author", "POST", "/webhooks", 403),
    ("hr", "GET", "/completions", 200),
    ("hr", "GET", "/completions.csv", 200),
    ("hr", "GET", "/xapi/statements", 200),
    ("hr", "GET", "/reports/overdue", 200),
    ("hr", "POST", "/courses", 403),
    ("hr", "GET", "/assessments", 403),
    ("admin", "POST", "/courses", 422),
    ("admin", "GET", "/completions", 200),
    ("admin", "GET", "/api-keys", 200),
]


@pytest.mark.parametrize(
    ("role", "method", "path", "expected"),
    MATRIX,
    ids=[f"{r or 'anonymous'}-{m}-{p}" for r, m, p, _ in MATRIX],
)
def test_access_matrix(suite, role, method, path, expected):
    if role is None:
        response = httpx.request(method, f"{suite.url}/api/v1{path}", timeout=30)
    else:
        with suite.client(f"matrix-{role}", role) as client:
            response = client.request(method, path, json={} if method == "POST" else None)
    assert response.status_code == expected, response.text[:300]
    if expected >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")


def test_retries_with_one_idempotency_key_are_graded_once_and_other_bodies_refused(suite):
    from pathlib import Path

    from lms.tools.importer import Importer
    from lms.tools.journeys import course_by_slug, definitions, responses

    folder = Path(__file__).parents[2] / "courses" / "questioning-skills"
    with suite.client("importer", "author", root=True) as author:
        Importer(author).run([folder], progress=False)
    quiz = definitions(folder)["questioning-skills-m1-quiz"]
    with suite.client("retrying-learner", "learner") as learner:
        module = course_by_slug(learner, "questioning-skills")["modules"][0]
        attempt = learner.post(f"/assessments/{module['assessment_id']}/attempts").json()["attempt_id"]
        body = {"responses": responses(quiz, best=True)}
        key = {"Idempotency-Key": uuid.uuid4().hex}
        first = learner.post(f"/attempts/{attempt}/submit", json=body, headers=key)
        again = learner.post(f"/attempts/{attempt}/submit", json=body, headers=key)
        other = learner.post(
            f"/attempts/{attempt}/submit", json={"responses": responses(quiz, best=False)}, headers=key
        )
        assert (first.status_code, again.status_code, other.status_code) == (200, 200, 409)
        assert again.json() == first.json()
        attempts = learner.get(
            f"/assessments/{module['assessment_id']}/attempts", params={"learner_id": "retrying-learner"}
        ).json()
        listed = attempts if isinstance(attempts, list) else attempts["items"]
        assert len([a for a in listed if a["attempt_id"] == attempt]) == 1
