"""xAPI actors: the learner's account by default; keyed pseudonyms only when asked, with their own key."""

from __future__ import annotations

import pytest

from lms.progress.enrolment.service.statements import XapiIdentity

KEY = "k" * 32


def test_by_default_the_actor_is_the_learners_account():
    identity = XapiIdentity.from_env("prod", {})
    assert identity.actor("lena") == {
        "objectType": "Agent",
        "account": {"homePage": "https://lms.example", "name": "lena"},
    }


def test_pseudonyms_are_opt_in_and_hide_the_learner():
    identity = XapiIdentity.from_env("prod", {"LMS_XAPI_PSEUDONYMS": "1", "LMS_XAPI_PSEUDONYM_KEY": KEY})
    actor = identity.actor("lena")
    assert "lena" not in str(actor)
    assert actor == identity.actor("lena")


def test_pseudonyms_outside_dev_need_their_own_key_never_the_jwt_secret():
    environ = {"LMS_XAPI_PSEUDONYMS": "1", "LMS_JWT_SECRET": "s" * 64}
    with pytest.raises(SystemExit, match="LMS_XAPI_PSEUDONYM_KEY"):
        XapiIdentity.from_env("prod", environ)
    with pytest.raises(SystemExit):
        XapiIdentity.from_env("prod", {**environ, "LMS_XAPI_PSEUDONYM_KEY": "short"})


def test_in_dev_pseudonyms_work_without_a_key():
    identity = XapiIdentity.from_env("dev", {"LMS_XAPI_PSEUDONYMS": "1"})
    assert "lena" not in str(identity.actor("lena"))
