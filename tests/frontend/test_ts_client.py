"""The generated TypeScript client's own tests (node's test runner, clients/ts/test) drive a
learner's and an HR system's path against the e2e suite."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT, SLUG, npm_ci, run_node, write_fixture

pytestmark = pytest.mark.integration


def test_the_typescript_clients_tests_pass_against_the_suite(suite, frontend_course, tmp_path):
    npm_ci()
    fixture = write_fixture(
        tmp_path / "fixture.json",
        {
            "url": suite.url,
            "tokens": {
                "learner": suite.token("ts-learner", "learner"),
                "hr": suite.token("ts-hr", "hr"),
                "assigned": suite.token("ts-assigned", "learner"),
            },
            "assigned_sub": "ts-assigned",
            "course_slug": SLUG,
            "quiz_id": frontend_course.quiz_id,
            "diagnostic_id": frontend_course.diagnostic_id,
            "responses": frontend_course.answers,
        },
    )
    output = run_node(
        ["npm", "test", "--silent"], ROOT / "clients" / "ts", {"LMS_CLIENT_FIXTURE": str(fixture)}
    )
    assert re.search(r"^# pass [1-9]", output, re.MULTILINE), output
    assert re.search(r"^# fail 0$", output, re.MULTILINE), output
