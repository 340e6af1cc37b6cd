"""The statement rules the LRS enforces (xAPI Data 2, 4): each case a statement a client might send."""

from __future__ import annotations

import pytest

from lms.records.domain.errors import Invalid
from lms.records.domain.validation.primitives import is_duration, is_language_tag, parse_timestamp
from lms.records.domain.validation.statements import statement

GOOD = {
    "actor": {"mbox": "mailto:ana@example.com"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
    "object": {"id": "http://example.com/activities/a1"},
}


def with_(**parts):
    return {**GOOD, **parts}


@pytest.mark.parametrize(
    ("sent", "named"),
    [
        (with_(verb={"id": "attempted"}), "statement.verb.id"),
        (with_(actor={"mbox": "ana@example.com"}), "statement.actor.mbox"),
        (with_(actor={"mbox": "mailto:a@example.com", "openid": "http://id.example/a"}), "statement.actor"),
        (with_(actor={"objectType": "Group"}), "statement.actor"),
        (with_(Actor=GOOD["actor"]), "'Actor'"),
        (
            with_(object={"objectType": "activity", "id": "http://example.com/a"}),
            "statement.object.objectType",
        ),
        (with_(result={"score": {"scaled": 1.5}}), "statement.result.score.scaled"),
        (with_(result={"score": {"raw": 5, "min": 6, "max": 9}}), "statement.result.score.raw"),
        (with_(result={"duration": "1 hour"}), "statement.result.duration"),
        (with_(result={"success": None}), "statement.result.success"),
        (with_(timestamp="2024-05-01T10:00:00.000-00:00"), "statement.timestamp"),
        (with_(version="1.1.0"), "statement.version"),
        (with_(id="not-a-uuid"), "statement.id"),
        (
            with_(context={"revision": "r1"}, object={"objectType": "Agent", "mbox": "mailto:b@example.com"}),
            "revision",
        ),
        (with_(context={"contextActivities": {"cousin": []}}), "statement.context.contextActivities"),
        (with_(verb={"id": "http://adlnet.gov/expapi/verbs/voided"}), "StatementRef"),
        (with_(attachments=[{"usageType": "http://example.com/u", "display": {"en": "x"}}]), "contentType"),
    ],
)
def test_a_malformed_statement_is_refused_naming_where(sent, named):
    with pytest.raises(Invalid) as refused:
        statement(sent)
    assert named in refused.value.detail


@pytest.mark.parametrize(
    "sent",
    [
        GOOD,
        with_(object={"objectType": "SubStatement", **GOOD}),
        with_(context={"extensions": {"http://example.com/x": None}}),
        with_(context={"contextActivities": {"parent": {"id": "http://example.com/p"}}}),
        with_(authority={"objectType": "Group", "member": [GOOD["actor"], {"mbox": "mailto:o@example.com"}]}),
        with_(timestamp="2024-05-01T10:00:00+02:00", version="2.0.0"),
        with_(context={"contextAgents": [{"objectType": "contextAgent", "agent": GOOD["actor"]}]}),
    ],
)
def test_a_valid_statement_passes(sent):
    statement(sent)


def test_a_substatement_holds_no_substatement():
    nested = with_(
        object={"objectType": "SubStatement", **with_(object={"objectType": "SubStatement", **GOOD})}
    )
    with pytest.raises(Invalid):
        statement(nested)


def test_the_value_types():
    assert parse_timestamp("2024-05-01T12:00:00-05:00").isoformat() == "2024-05-01T17:00:00+00:00"
    assert parse_timestamp("2024-02-30T12:00:00Z") is None
    assert all(is_duration(d) for d in ("PT1H30M0.25S", "P3W", "P1DT12H"))
    assert not any(is_duration(d) for d in ("PT", "P", "1H", "P1H"))
    assert all(is_language_tag(t) for t in ("zh-Hant-TW", "en-GB", "tlh", "x-private"))
    assert not any(is_language_tag(t) for t in ("a12345678", "en_GB", ""))
