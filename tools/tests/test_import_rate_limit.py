"""`lms import` waits out the gateway's import limit as its `Retry-After` says, instead of failing
halfway through a set of courses (unit test: the gateway is played by an httpx transport)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from lms.tools import importer
from lms.tools.importer import Importer, ImportFailed

DEMO_AU = Path(__file__).parents[2] / "courses" / "the-minute-after-cmi5"


def gateway(refusals: int, retry_after: str = "2") -> tuple[httpx.Client, list[str]]:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if len(seen) <= refusals:
            return httpx.Response(
                429, headers={"Retry-After": retry_after}, json={"status": 429, "detail": "spent"}
            )
        return httpx.Response(201, json={"published_version": 1, "changes": ["course created"]})

    return httpx.Client(base_url="http://gateway", transport=httpx.MockTransport(answer)), seen


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    pauses: list[float] = []
    monkeypatch.setattr(importer.time, "sleep", pauses.append)
    return pauses


def test_a_spent_import_limit_is_waited_out_and_the_import_goes_on(slept):
    client, seen = gateway(refusals=2)
    (report,) = Importer(client).run([DEMO_AU], progress=False)
    assert report.course_version == 1
    assert seen == ["/api/v1/cmi5-packages"] * 3
    assert slept == [3, 3]  # Retry-After, and a second's margin


def test_a_limit_that_stays_spent_fails_with_the_gateway_s_answer(slept):
    client, seen = gateway(refusals=1000, retry_after="60")
    with pytest.raises(ImportFailed, match="429"):
        Importer(client).run([DEMO_AU], progress=False)
    assert sum(slept) <= importer.MAX_RATE_WAIT_S
    assert len(seen) == len(slept) + 1
