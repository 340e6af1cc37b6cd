"""The reference learner app (examples/learner-web), built and served by the e2e suite's gateway at
/learn/, taken through a whole course in headless Chromium (tests/frontend/learner_web.test.mjs),
and through a cmi5 AU: launched from the app, answered, and back to the app satisfied.

Screenshots go to a temporary folder; `LMS_LEARNER_SHOTS=docs/images` writes the ones the docs show."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, npm_ci, run_node, write_fixture

pytestmark = pytest.mark.integration
TITLE = "Handling a complaint call"


def chromium_binary() -> str:
    """Debian's chromium; installed with apt-get when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.fail("the browser test needs Debian's chromium: run `apt-get install -y chromium` as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, timeout=1200, env=env)
    return shutil.which("chromium") or pytest.fail("apt-get installed no chromium binary")


def build_learner_web(out: str) -> None:
    """The app as `make learner-web` builds it, into the folder the suite's gateway serves."""
    run_node(
        ["npm", "run", "build", "--silent", "--workspace", "@lms/learner-web"], ROOT, {"LMS_LEARN_OUT": out}
    )


def test_a_new_learner_takes_a_whole_course_in_a_real_browser(
    suite, frontend_course, cmi5_course, separate_frontend, tmp_path
):
    npm_ci()
    build_learner_web(suite.env["LMS_LEARN_DIR"])
    shots = Path(os.environ.get("LMS_LEARNER_SHOTS") or tmp_path / "shots").resolve()
    fixture = write_fixture(
        tmp_path / "browser.json",
        {
            "url": suite.url,
            "chromium": chromium_binary(),
            "token": suite.token("browser-learner-dana", "learner"),
            "learner_name": "Browser Learner Dana",
            "course_title": TITLE,
            "separate_origin": separate_frontend.origin,
            "cmi5_token": suite.token("browser-learner-cmi5", "learner"),
            "cmi5_course_id": cmi5_course.course_id,
            "cmi5_course_title": cmi5_course.title,
            "cmi5_lesson_title": cmi5_course.lesson_title,
            "shots": str(shots),
        },
    )
    test_file = str(Path(__file__).with_name("learner_web.test.mjs"))
    output = run_node(["node", "--test", test_file], ROOT, {"LMS_BROWSER_FIXTURE": str(fixture)}, 900)
    assert re.search(r"^# pass [1-9]", output, re.MULTILINE), output
    assert re.search(r"^# fail 0$", output, re.MULTILINE), output
    assert (shots / "learn-certificate.png").is_file()
    assert (shots / "learn-lesson-au.png").is_file()
