"""Public responses are cached as Cache-Control allows; callers are still authenticated first."""

from __future__ import annotations

from lms.gateway.httpcache import Entry, ResponseCache, etag_matches, freshness
from lms.testing.gateway.helpers import assert_problem, bearer
from lms.testing.gateway.standins import COURSE_ETAG


def test_a_public_response_is_served_from_the_cache_until_max_age(client, upstreams, unique):
    path = f"/api/v1/courses/{unique('course')}"
    first = client.get(path, headers=bearer())
    second = client.get(path, headers=bearer("someone-else"))
    assert first.status_code == second.status_code == 200
    assert second.get_json() == first.get_json()
    assert len(upstreams.seen("curriculum", path)) == 1
    assert second.headers["ETag"] == COURSE_ETAG
    assert "Age" in second.headers


def test_if_none_match_is_answered_304_from_the_cache(client, upstreams, unique):
    path = f"/api/v1/courses/{unique('course')}"
    client.get(path, headers=bearer())
    response = client.get(path, headers={**bearer(), "If-None-Match": COURSE_ETAG})
    assert response.status_code == 304
    assert response.headers["ETag"] == COURSE_ETAG
    assert not response.data
    assert len(upstreams.seen("curriculum", path)) == 1


def test_a_cached_response_still_needs_a_valid_caller(client, unique):
    path = f"/api/v1/courses/{unique('course')}"
    client.get(path, headers=bearer())
    assert_problem(client.get(path), 401)
    assert_problem(client.get(path, headers={"Authorization": "Bearer forged.token.here"}), 401)


def test_responses_without_public_cache_control_are_not_cached(client, upstreams):
    client.get("/api/v1/enrolments", headers=bearer())
    before = len(upstreams.seen("progress", "/api/v1/enrolments"))
    client.get("/api/v1/enrolments", headers=bearer())
    assert len(upstreams.seen("progress", "/api/v1/enrolments")) == before + 1


def test_the_cache_can_be_turned_off(make_gateway, upstreams, unique):
    client = make_gateway(LMS_GATEWAY_CACHE_ENTRIES="0").test_client()
    path = f"/api/v1/courses/{unique('course')}"
    client.get(path, headers=bearer())
    client.get(path, headers=bearer())
    assert len(upstreams.seen("curriculum", path)) == 2


def test_freshness_follows_cache_control():
    assert freshness("public, max-age=60", None) == 60
    assert freshness("public, max-age=60, s-maxage=5", None) == 5
    assert freshness("max-age=60", None) == 0
    assert freshness("public, max-age=60, private", None) == 0
    assert freshness("public, no-store, max-age=60", None) == 0
    assert freshness("public, max-age=60", "Accept") == 60
    assert freshness("public, max-age=60", "Authorization") == 0


def test_etags_compare_weakly():
    assert etag_matches('W/"a", "b"', '"a"')
    assert etag_matches("*", '"z"')
    assert not etag_matches('"a"', '"b"')


def test_the_cache_is_bounded_by_entries_and_bytes_and_expires():
    cache = ResponseCache(max_entries=2, max_bytes=10)
    for n in range(3):
        cache.put((f"/p{n}",), Entry((), b"1234", None, 0, 100))
    assert cache.get(("/p0",), now=1) is None
    assert cache.get(("/p2",), now=1) is not None
    assert cache.get(("/p2",), now=100) is None
    cache.put(("/big",), Entry((), b"x" * 11, None, 0, 100))
    assert cache.get(("/big",), now=1) is None
