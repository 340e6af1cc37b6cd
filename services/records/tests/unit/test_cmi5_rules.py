"""cmi5's rules on a session's statements, moveOn and satisfaction, the launch URL and LaunchData."""

from __future__ import annotations

import copy
import uuid
from dataclasses import replace
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from lms.records.domain.cmi5 import launch as plan
from lms.records.domain.cmi5.course import parse
from lms.records.domain.cmi5.documents import check_preferences
from lms.records.domain.cmi5.rules import Refused, SessionState, check
from lms.records.domain.cmi5.satisfaction import AuProgress, meets_move_on, newly_satisfied
from lms.records.domain.cmi5.statements import iso_duration

ACTIVITY = "https://lms.example/cmi5/au/1"
PUBLISHER = "https://publisher.example/au/1"
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "ana"}}
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"


def session(mode: str = "Normal", mastery: float | None = 0.8, **state) -> SessionState:
    return SessionState("s-1", "r-1", ACTIVITY, PUBLISHER, ACTOR, mode, mastery, **state)


STATE = session(initialized=True, prefs_read=True)


def sent(verb: str, *categories: str, **result) -> dict:
    statement = {
        "id": str(uuid.uuid4()),
        "timestamp": "2026-12-07T10:00:00.000Z",
        "actor": copy.deepcopy(ACTOR),
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": ACTIVITY},
        "context": {
            "registration": "r-1",
            "contextActivities": {
                "grouping": [{"id": PUBLISHER}],
                "category": [{"id": c} for c in categories],
            },
            "extensions": {SESSION: "s-1"},
        },
    }
    if result:
        statement["result"] = result
    return statement


def passed(**extra) -> dict:
    return sent("passed", CMI5, MOVEON, success=True, duration="PT1S", **extra)


def test_the_verbs_of_a_normal_session_pass_in_order():
    state = SessionState("s-1", "r-1", ACTIVITY, PUBLISHER, ACTOR, "Normal", 0.8, prefs_read=True)
    for statement in (
        sent("initialized", CMI5),
        sent("experienced"),
        sent("completed", CMI5, MOVEON, completion=True, duration="PT2S"),
        passed(score={"scaled": 0.9})
        | {"context": {**passed()["context"], "extensions": {SESSION: "s-1", MASTERY: 0.8}}},
        sent("terminated", CMI5, duration="PT3S"),
    ):
        state = state.after(check(statement, state))
    assert (state.completed, state.passed, state.terminated) == (True, True, True)


def with_(statement: dict, path: str, value) -> dict:
    *parents, leaf = path.split(".")
    node = statement
    for part in parents:
        node = node[part]
    if value is None:
        node.pop(leaf)
    else:
        node[leaf] = value
    return statement


@pytest.mark.parametrize(
    ("statement", "section"),
    [
        (with_(sent("experienced"), "id", None), "9.1"),
        (with_(sent("experienced"), "timestamp", "2026-12-07T10:00:00-06:00"), "9.7"),
        (with_(sent("experienced"), "actor", {"objectType": "Group", "member": []}), "9.2"),
        (with_(sent("experienced"), "actor", {"mbox": "mailto:ana@example.com"}), "9.2"),
        (with_(sent("experienced"), "context.extensions", {}), "9.6.3.1"),
        (with_(sent("experienced"), "context.registration", "r-2"), "9.6.1"),
        (with_(sent("experienced", MOVEON), "verb.id", "http://example.com/x"), "9.6.2.2"),
        (with_(passed(), "object.id", "https://elsewhere.example"), "8.1.5"),
        (with_(passed(), "result.success", False), "9.5.2"),
        (passed(completion=True), "9.5.3"),
        (with_(passed(), "result.duration", None), "9.5.4.1"),
        (sent("passed", CMI5, success=True, duration="PT1S"), "9.6.2.2"),
        (passed(score={"scaled": 0.9}), "9.6.3.2"),
        (passed(score={"raw": 5}), "9.5.1"),
        (sent("completed", CMI5, MOVEON, completion=True, duration="PT1S", score={"scaled": 1}), "9.5.1"),
        (sent("launched", CMI5), "9.3"),
        (sent("initialized", CMI5), "9.3"),
        (with_(sent("experienced"), "verb.id", "http://adlnet.gov/expapi/verbs/voided"), "6.3"),
    ],
)
def test_a_statement_breaking_a_rule_is_refused_naming_its_section(statement, section):
    with pytest.raises(Refused, match=section.replace(".", r"\.")):
        check(statement, STATE)


def test_order_rules_hold_in_the_session_and_the_registration():
    with pytest.raises(Refused, match="first statement"):
        check(sent("experienced"), session(mastery=None))
    with pytest.raises(Refused, match="cmi5LearnerPreferences"):
        check(sent("initialized", CMI5), session(mastery=None))
    failed = sent("failed", CMI5, MOVEON, success=False, duration="PT1S")
    after_failed = STATE.after(check(failed, STATE))
    with pytest.raises(Refused, match="one of passed or failed"):
        check(passed(), after_failed)
    later_session = session(initialized=True, prefs_read=True, passed=True)
    completed = sent("completed", CMI5, MOVEON, completion=True, duration="PT1S")
    with pytest.raises(Refused, match="once per registration"):
        check(completed, replace(later_session, completed=True))
    with pytest.raises(Refused, match="No failed after passed"):
        check(failed, later_session)


def test_browse_and_review_sessions_send_no_satisfying_verb():
    browsing = session("Browse", None, initialized=True)
    with pytest.raises(Refused, match=r"10\.2\.2"):
        check(sent("completed", CMI5, MOVEON, completion=True, duration="PT1S"), browsing)
    assert check(sent("terminated", CMI5, duration="PT1S"), browsing) == "terminated"


@pytest.mark.parametrize(
    ("move_on", "progress", "satisfied"),
    [
        ("NotApplicable", AuProgress(), True),
        ("Completed", AuProgress(completed=True), True),
        ("Passed", AuProgress(completed=True), False),
        ("CompletedAndPassed", AuProgress(passed=True), False),
        ("CompletedAndPassed", AuProgress(True, True), True),
        ("CompletedOrPassed", AuProgress(passed=True), True),
        ("Passed", AuProgress(waived=True), True),
    ],
)
def test_move_on(move_on, progress, satisfied):
    assert meets_move_on(move_on, progress) is satisfied


def course():
    def au(n: int) -> dict:
        return {
            "type": "au",
            "id": f"https://p.example/au/{n}",
            "lesson_id": f"l{n}",
            "url": "a.html",
            "move_on": "Completed",
        }

    inner = {"type": "block", "id": "https://p.example/inner", "children": [au(2)]}
    outer = {"type": "block", "id": "https://p.example/outer", "children": [au(1), inner]}
    data = {"course_id": "https://p.example/c", "package": "p" * 32, "children": [outer, au(3)]}
    return parse(str(uuid.uuid4()), 1, str(uuid.uuid4()), data)


def test_blocks_are_satisfied_inner_first_and_the_course_last_each_once():
    found = course()
    assert newly_satisfied(found, {"l1"}, set()).blocks == ()
    newly = newly_satisfied(found, {"l1", "l2"}, set())
    assert [b.id for b in newly.blocks] == ["https://p.example/inner", "https://p.example/outer"]
    assert not newly.course
    last = newly_satisfied(found, {"l1", "l2", "l3"}, {"https://p.example/inner", "https://p.example/outer"})
    assert (last.blocks, last.course) == ((), True)


def test_the_launch_url_keeps_the_aus_query_and_adds_the_five_parameters_encoded():
    found = course()
    au = found.aus()[0]
    places = plan.Places("https://lms.example.com", "https://content.lms.example.com/content")
    base = plan.au_url(places, found, au)
    assert base == f"https://content.lms.example.com/content/{'p' * 32}/a.html"
    url = plan.launch_url(base + "?paramA=1", plan.launch_parameters(places, "s.k", ACTOR, "r-1", ACTIVITY))
    query = parse_qs(urlsplit(url).query)
    assert query["paramA"] == ["1"]
    assert query["endpoint"] == ["https://lms.example.com/xapi"]
    assert query["fetch"] == ["https://lms.example.com/api/v1/cmi5/fetch/s.k"]
    assert query["actor"] == [
        '{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"ana"}}'
    ]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'{"languagePreference": "en-US,fr-FR", "audioPreference": "off"}', "text/plain"),
        (b'{"languagePreference": "not comma separated", "audioPreference": "on"}', "application/json"),
        (b'{"languagePreference": "", "audioPreference": "on"}', "application/json"),
        (b'{"languagePreference": "en-US"}', "application/json"),
        (b'"just text"', "application/json"),
    ],
)
def test_learner_preferences_an_au_writes_are_checked(body, kind):
    with pytest.raises(Refused):
        check_preferences(body, kind)
    check_preferences(b'{"languagePreference": "en-US,fr-FR", "audioPreference": "on"}', "application/json")


def test_durations_are_iso_8601():
    assert iso_duration(timedelta(hours=1, minutes=2, seconds=3.456)) == "PT1H2M3.46S"
    assert iso_duration(timedelta(seconds=0)) == "PT0S"
