"""The forward process's settings: none means nothing to forward; credentials become HTTP Basic."""

from __future__ import annotations

import base64

from lms.records.forwarder import target_from


def test_no_url_forwards_nothing_and_a_url_names_the_target_and_its_credentials():
    assert target_from({}) is None
    target = target_from(
        {
            "LMS_XAPI_FORWARD_URL": "https://lrs.example/xAPI/",
            "LMS_XAPI_FORWARD_USER": "lms",
            "LMS_XAPI_FORWARD_PASSWORD": "s3cret",
            "LMS_XAPI_FORWARD_BATCH": "25",
        }
    )
    assert target is not None
    assert (target.name, target.endpoint, target.batch, target.version) == (
        "lrs.example/xAPI/",
        "https://lrs.example/xAPI/",
        25,
        "1.0.3",
    )
    assert base64.b64decode(target.authorization.removeprefix("Basic ")) == b"lms:s3cret"
