"""Statement formats (ids, canonical) and the comparison that decides whether an id is re-used."""

from __future__ import annotations

from lms.records.domain.formats import accepted_languages, as_canonical, as_ids, one_language
from lms.records.domain.statements import equivalent, prepare, relations

STATEMENT = {
    "id": "9e2d6a0e-2f1a-4c0c-9a4e-1f2b3c4d5e6f",
    "actor": {"objectType": "Agent", "name": "Ana", "mbox": "mailto:ana@example.com"},
    "verb": {
        "id": "http://example.com/verbs/met",
        "display": {"en-US": "met", "en-GB": "met", "fr": "a rencontré"},
    },
    "object": {
        "objectType": "Activity",
        "id": "http://example.com/meetings/1",
        "definition": {
            "name": {"en-US": "Meeting", "fr": "Réunion"},
            "type": "http://example.com/types/meeting",
        },
    },
    "context": {"instructor": {"mbox": "mailto:ben@example.com"}},
}


def test_ids_keeps_identifiers_only():
    shaped = as_ids(STATEMENT)
    assert shaped["actor"] == {"objectType": "Agent", "mbox": "mailto:ana@example.com"}
    assert shaped["verb"] == {"id": "http://example.com/verbs/met"}
    assert shaped["object"] == {"id": "http://example.com/meetings/1"}


def test_canonical_serves_the_known_definition_in_the_readers_language():
    known = {
        "http://example.com/meetings/1": {"name": {"en-US": "Meeting", "fr": "Réunion", "de": "Treffen"}}
    }
    shaped = as_canonical(STATEMENT, known, accepted_languages("de;q=0.9, fr"))
    assert shaped["verb"]["display"] == {"fr": "a rencontré"}
    assert shaped["object"]["definition"] == {"name": {"fr": "Réunion"}}
    assert shaped["actor"] == STATEMENT["actor"]
    assert one_language({"en-GB": "colour"}, ["en-US"]) == {"en-GB": "colour"}


def test_what_the_lrs_assigns_or_may_change_is_not_compared():
    stored = prepare(STATEMENT, {"mbox": "mailto:lrs@example.com"}, "1.0.0")
    resent = {**STATEMENT, "verb": {"id": STATEMENT["verb"]["id"]}, "timestamp": "2024-01-01T00:00:00Z"}
    resent["object"] = {"id": STATEMENT["object"]["id"], "objectType": "Activity"}
    assert equivalent(stored, resent)
    assert not equivalent(stored, {**STATEMENT, "verb": {"id": "http://example.com/verbs/left"}})


def test_relations_name_who_and_what_a_statement_is_about():
    found = relations(STATEMENT)
    assert {relation for _, relation in found.agents} == {"actor", "related"}
    assert found.activities == {("http://example.com/meetings/1", "object")}
