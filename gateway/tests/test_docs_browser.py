"""The docs page opens in headless Chromium and shows the operations of all three services."""

from __future__ import annotations

import pytest

from lms.testing.browser import Browser, chromium_binary
from lms.testing.servers import serving

OPERATIONS = ("/api/v1/courses", "/api/v1/assessments", "/api/v1/enrolments", "/api/v1/api-keys")


@pytest.fixture(scope="session")
def chromium() -> str:
    return chromium_binary()


def test_the_docs_page_shows_the_operations_of_all_three_services(gateway, chromium, tmp_path):
    with serving(gateway) as url, Browser(chromium, tmp_path / "profile") as browser:
        browser.open(f"{url}/docs", 1280, 900)
        shown = " && ".join(f"document.querySelector('[data-path=\"{path}\"]')" for path in OPERATIONS)
        browser.wait_for(f"!!({shown})")
        dom = browser.html()
    assert "swagger-ui" in dom
    for path in OPERATIONS:
        assert f'data-path="{path}"' in dom, f"{path} is not on the page"
    for summary in ("Create a draft course.", "Start an attempt.", "Verify a completion certificate."):
        assert summary in dom


def test_the_docs_assets_are_served_locally_without_any_cdn(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "http://" not in page
    assert "https://" not in page
    assert client.get("/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs/init.js").status_code == 200
    assert "script-src 'self'" in client.get("/docs").headers["Content-Security-Policy"]
