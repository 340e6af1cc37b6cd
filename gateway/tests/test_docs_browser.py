"""The docs page opens in headless Chromium and shows the operations of all three services."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from lms.testing.gateway.servers import serving

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=15000",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; installed with apt-get when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.fail(
            "the docs browser test needs Debian's chromium: run `apt-get install -y chromium` as root"
        )
    subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"],
        check=True,
        timeout=1200,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    return shutil.which("chromium") or pytest.fail("apt-get installed no chromium binary")


def dump_dom(chromium: str, url: str, profile: str) -> str:
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def test_the_docs_page_shows_the_operations_of_all_three_services(gateway, chromium, tmp_path):
    with serving(gateway) as url:
        dom = dump_dom(chromium, f"{url}/docs", str(tmp_path / "profile"))
    assert "swagger-ui" in dom
    for path in ("/api/v1/courses", "/api/v1/assessments", "/api/v1/enrolments", "/api/v1/api-keys"):
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
