"""Issue 26, the Statement resource on PostgreSQL: ids taken once, voiding, consistent reads, formats."""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.integration
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def get(client, writer, query: str, expect: int = 200):
    response = client.get(f"/xapi/statements?{query}", headers=writer)
    assert response.status_code == expect, response.get_data(as_text=True)
    assert response.headers["X-Experience-API-Consistent-Through"]
    return response.get_json()


def test_a_batch_is_stored_whole_or_not_at_all_and_an_id_keeps_its_first_statement(
    client, writer, new_statement
):
    first, second = new_statement(id=str(uuid.uuid4())), new_statement(id=str(uuid.uuid4()))
    broken = {**new_statement(), "verb": {"id": "not an iri"}}
    refused = client.post("/xapi/statements", json=[first, broken], headers=writer)
    assert refused.status_code == 400
    assert "statements[1].verb.id" in refused.get_json()["detail"]
    get(client, writer, f"statementId={first['id']}", expect=404)
    assert client.post("/xapi/statements", json=[first, second], headers=writer).get_json() == [
        first["id"],
        second["id"],
    ]
    assert (
        client.put(f"/xapi/statements?statementId={first['id']}", json=first, headers=writer).status_code
        == 204
    )
    taken = {**second, "id": first["id"]}
    assert client.post("/xapi/statements", json=taken, headers=writer).status_code == 409
    assert get(client, writer, f"statementId={first['id']}")["object"] == first["object"]


def test_a_voided_statement_is_found_only_by_its_voided_id_and_its_referrers_still_match(
    client, writer, new_statement
):
    target = new_statement(id=str(uuid.uuid4()))
    verb = f"http://example.com/verbs/{uuid.uuid4()}"
    target["verb"] = {"id": verb}
    voiding = new_statement(verb={"id": VOIDED}, object={"objectType": "StatementRef", "id": target["id"]})
    referring = new_statement(verb={"id": verb}, object={"objectType": "StatementRef", "id": target["id"]})
    client.post("/xapi/statements", json=[target], headers=writer)
    ids = client.post("/xapi/statements", json=[voiding, referring], headers=writer).get_json()
    get(client, writer, f"statementId={target['id']}", expect=404)
    assert get(client, writer, f"voidedStatementId={target['id']}")["id"] == target["id"]
    found = [s["id"] for s in get(client, writer, f"verb={quote(verb)}")["statements"]]
    assert found == [ids[1], ids[0]]
    twice = new_statement(verb={"id": VOIDED}, object={"objectType": "StatementRef", "id": ids[0]})
    assert client.post("/xapi/statements", json=twice, headers=writer).status_code == 400


def test_stored_is_set_on_commit_and_pages_continue_with_more(client, writer, new_statement):
    actor = new_statement()["actor"]
    posted = client.post(
        "/xapi/statements", json=[new_statement(actor=actor) for _ in range(3)], headers=writer
    )
    query = f"agent={quote(json.dumps(actor))}&limit=2&ascending=true"
    page = get(client, writer, query)
    assert [s["id"] for s in page["statements"]] == posted.get_json()[:2]
    assert page["statements"][0]["stored"] < page["statements"][1]["stored"]
    assert page["statements"][0]["timestamp"] == page["statements"][0]["stored"]
    rest = client.get(page["more"], headers=writer).get_json()
    assert [s["id"] for s in rest["statements"]] == posted.get_json()[2:]
    assert rest["more"] == ""


def test_authority_names_the_key_that_wrote_and_a_reader_without_the_scope_is_refused(
    harness, client, writer, new_statement
):
    [statement_id] = client.post("/xapi/statements", json=new_statement(), headers=writer).get_json()
    stored = get(client, writer, f"statementId={statement_id}")
    assert stored["authority"]["account"]["name"] == "apikey:hr-sync"
    learner = {**harness.bearer("ana", "learner"), "X-Experience-API-Version": "1.0.3"}
    assert client.get("/xapi/statements", headers=learner).status_code == 403
    reader = {
        **harness.bearer("apikey:bi", extra={"scope": "xapi:read"}),
        "X-Experience-API-Version": "2.0.0",
    }
    assert client.get(f"/xapi/statements?statementId={statement_id}", headers=reader).status_code == 200
    assert client.post("/xapi/statements", json=new_statement(), headers=reader).status_code == 403
