"""Reading the caller's invitation from insights on a miss: what counts as an answer, and what as
insights being unable to say (never a refusal invented from a failure)."""

from __future__ import annotations

import httpx
import pytest

from lms.assessment.domain.errors import Unavailable
from lms.assessment.service.insights_reader import MAX_BYTES, InsightsReader

INVITATION = {
    "needs_analysis_id": "na-1",
    "status": "open",
    "opens_at": "2026-01-01T00:00:00Z",
    "closes_at": "2026-01-15T00:00:00Z",
    "surveys": ["s-1"],
}


def reader(handler) -> InsightsReader:
    return InsightsReader("http://insights.test/", transport=httpx.MockTransport(handler))


def test_the_invitation_is_asked_for_with_the_callers_own_token():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=INVITATION)

    assert reader(answer).invitation("na-1", "Bearer caller") == INVITATION
    (request,) = seen
    assert str(request.url) == "http://insights.test/api/v1/needs-analyses/na-1/invitation"
    assert request.headers["Authorization"] == "Bearer caller"


@pytest.mark.parametrize("status", [401, 403, 404])
def test_not_invited_or_not_allowed_is_no_invitation(status):
    assert reader(lambda _r: httpx.Response(status, json={"status": status})).invitation("na-1", "B") is None


@pytest.mark.parametrize(
    "handler",
    [
        lambda _r: httpx.Response(500),
        lambda _r: httpx.Response(200, content=b"not json"),
        lambda _r: httpx.Response(200, json={**INVITATION, "needs_analysis_id": "another"}),
        lambda _r: httpx.Response(200, content=b"[" + b"1," * MAX_BYTES + b"1]"),
        lambda r: (_ for _ in ()).throw(httpx.ConnectTimeout("slow", request=r)),
    ],
    ids=["error", "not-json", "another-analysis", "too-large", "timeout"],
)
def test_an_insights_that_cannot_answer_is_unavailable(handler):
    with pytest.raises(Unavailable):
        reader(handler).invitation("na-1", "B")
