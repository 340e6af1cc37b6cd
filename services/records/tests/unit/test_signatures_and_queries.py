"""Signed statements (Data 2.6) and the parameters of GET statements (Communication 2.1.3)."""

from __future__ import annotations

import hashlib
import json

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from lms.records.domain import queries, signatures
from lms.records.domain.attachments import Attachment
from lms.records.domain.errors import Invalid

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
STATEMENT = {
    "actor": {"mbox": "mailto:ana@example.com"},
    "verb": {"id": "http://example.com/verbs/signed"},
    "object": {"id": "http://example.com/activities/contract"},
    "result": {"duration": "PT1.2S"},
}


def signed(payload: dict, algorithm: str = "RS256", key=KEY) -> tuple[dict, dict[str, Attachment]]:
    token = jwt.encode(payload, key, algorithm=algorithm).encode()
    sha2 = hashlib.sha256(token).hexdigest()
    entry = {
        "usageType": signatures.SIGNATURE,
        "display": {"en": "signature"},
        "contentType": "application/octet-stream",
        "length": len(token),
        "sha2": sha2,
    }
    return {**STATEMENT, "attachments": [entry]}, {sha2: Attachment(sha2, "application/octet-stream", token)}


def test_a_signature_over_the_same_statement_is_accepted():
    signatures.check(*signed(STATEMENT))
    signatures.check(*signed({**STATEMENT, "result": {"duration": "PT1.2049S"}}))  # compared to 0.01 s


@pytest.mark.parametrize(
    ("payload", "algorithm", "key"),
    [
        ({**STATEMENT, "verb": {"id": "http://example.com/verbs/forged"}}, "RS256", KEY),
        (STATEMENT, "HS256", "a shared secret, not an RSA key"),
    ],
    ids=["other-statement", "hmac"],
)
def test_a_malformed_signature_is_refused(payload, algorithm, key):
    with pytest.raises(Invalid):
        signatures.check(*signed(payload, algorithm, key))


def test_query_parameters_are_checked_like_statements():
    query = queries.parse({"verb": ["http://example.com/v"], "limit": ["0"], "ascending": ["true"]})
    assert query.limit == queries.MAX_LIMIT
    assert query.ascending
    agent = json.dumps({"mbox": "mailto:ana@example.com"})
    assert queries.parse({"agent": [agent]}).agent
    for bad in ({"LIMIT": ["1"]}, {"verb": ["no scheme"]}, {"agent": ["{}"]}, {"since": ["yesterday"]}):
        with pytest.raises(Invalid):
            queries.parse(bad)
    with pytest.raises(Invalid):
        queries.parse({"statementId": ["9e2d6a0e-2f1a-4c0c-9a4e-1f2b3c4d5e6f"], "limit": ["1"]})


def test_an_agent_that_cannot_be_stored_is_refused():
    with pytest.raises(Invalid):
        queries.agent_param('{"mbox": "mailto:\\udc80@example.com"}')
