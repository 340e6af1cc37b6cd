"""The embedded SQLite database keeps the same guarantees under concurrent requests."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, func, select

from lms.kit.messaging import outbox


def test_on_sqlite_concurrent_starts_respect_the_limit_and_concurrent_submits_grade_once(
    sqlite_api, sqlite_url, users, definition, responses
):
    api = sqlite_api
    aid = api.post("/assessments", users["author"], json=definition(max_attempts=2)).get_json()["id"]
    assert api.post(f"/assessments/{aid}/publish", users["author"]).status_code == 201
    with ThreadPoolExecutor(max_workers=6) as pool:
        starts = list(pool.map(lambda _: api.post(f"/assessments/{aid}/attempts", users["ann"]), range(6)))
    assert sorted(s.status_code for s in starts) == [201, 201, 409, 409, 409, 409]

    attempt_id = next(s.get_json()["attempt_id"] for s in starts if s.status_code == 201)
    with ThreadPoolExecutor(max_workers=6) as pool:
        submits = list(
            pool.map(
                lambda _: api.post(
                    f"/attempts/{attempt_id}/submit", users["ann"], json={"responses": responses}
                ),
                range(6),
            )
        )
    assert {s.status_code for s in submits} == {200}
    graded = select(func.count()).where(outbox.c.event_type == "lms.assessment.attempt.graded.v1")
    with create_engine(sqlite_url).connect() as conn:
        assert conn.scalar(graded) == 1
