"""`/learn/`: the learner app's built files, public, with a strict CSP and its run-time settings."""

from __future__ import annotations

import pytest

from lms.testing.gateway.helpers import assert_problem

IDP = "https://id.example/realms/staff"


@pytest.fixture
def built(tmp_path):
    (tmp_path / "assets").mkdir()
    page = '<!doctype html><script type="module" src="/learn/assets/app-1.js"></script>'
    (tmp_path / "index.html").write_text(page)
    (tmp_path / "assets" / "app-1.js").write_text("console.log('learn')")
    return tmp_path


def test_the_app_is_served_without_a_token_with_a_strict_policy(make_gateway, built):
    client = make_gateway(LMS_LEARN_DIR=str(built)).test_client()
    page = client.get("/learn/")
    assert page.status_code == 200
    assert "app-1.js" in page.get_data(as_text=True)
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert page.headers["Cache-Control"] == "no-cache"
    asset = client.get("/learn/assets/app-1.js")
    assert asset.status_code == 200
    assert "immutable" in asset.headers["Cache-Control"]
    assert client.get("/learn").headers["Location"].endswith("/learn/")


def test_the_identity_provider_is_in_the_settings_and_the_one_other_origin_to_call(make_gateway, built):
    client = make_gateway(
        LMS_LEARN_DIR=str(built), LMS_LEARN_OIDC_AUTHORITY=IDP, LMS_LEARN_OIDC_CLIENT_ID="learn"
    ).test_client()
    settings = client.get("/learn/config.json")
    oidc = {"authority": IDP, "client_id": "learn", "scope": "openid profile"}
    assert settings.get_json() == {"oidc": oidc}
    policy = client.get("/learn/").headers["Content-Security-Policy"]
    assert "connect-src 'self' https://id.example;" in policy
    assert make_gateway(LMS_LEARN_DIR=str(built)).test_client().get("/learn/config.json").get_json() == {
        "oidc": None
    }


def test_a_missing_build_or_file_is_a_problem_that_says_what_to_do(make_gateway, built, tmp_path):
    empty = make_gateway(LMS_LEARN_DIR=str(tmp_path / "nothing")).test_client()
    response = empty.get("/learn/")
    assert_problem(response, 503)
    assert "make run" in response.get_json()["detail"]
    client = make_gateway(LMS_LEARN_DIR=str(built)).test_client()
    assert_problem(client.get("/learn/assets/missing.js"), 404)
    assert_problem(client.get("/learn/../pyproject.toml"), 404)
