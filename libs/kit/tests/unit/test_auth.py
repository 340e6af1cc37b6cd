"""Token verification refuses everything but a well-signed, current token for us."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.utils import base64url_encode

from lms.kit.auth import AuthError, TokenVerifier, mint_token
from lms.kit.config import JwtSettings

HS = JwtSettings(secret="unit-test-secret-unit-test-secret!")


def claims(**overrides) -> dict:
    now = int(time.time())
    return {"sub": "u1", "roles": ["learner"], "iss": "lms-dev", "aud": "lms", "exp": now + 3600, **overrides}


def test_minted_dev_token_verifies_with_roles_and_name():
    principal = TokenVerifier(HS).verify(mint_token(HS, "alice", ["learner", "hr"], "Alice"))
    assert (principal.sub, principal.roles, principal.name) == ("alice", {"learner", "hr"}, "Alice")


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (jwt.encode(claims(), "another-secret-another-secret-123", algorithm="HS256"), "(?i)signature"),
        (jwt.encode(claims(exp=int(time.time()) - 120), HS.secret, algorithm="HS256"), "expired"),
        (jwt.encode(claims(aud="someone-else"), HS.secret, algorithm="HS256"), "(?i)audience"),
        (jwt.encode(claims(iss="evil"), HS.secret, algorithm="HS256"), "(?i)issuer"),
        (jwt.encode({k: v for k, v in claims().items() if k != "exp"}, HS.secret, algorithm="HS256"), "exp"),
        (jwt.encode(claims(), None, algorithm="none"), "algorithm 'none'"),
        ("not.a.token", "(?i)invalid|segments|decode"),
    ],
    ids=["forged", "expired", "wrong-audience", "wrong-issuer", "no-exp", "alg-none", "garbage"],
)
def test_bad_tokens_are_refused(token, reason):
    with pytest.raises(AuthError, match=reason):
        TokenVerifier(HS).verify(token)


def test_roles_claim_must_be_a_list_of_strings():
    with pytest.raises(AuthError, match="roles"):
        TokenVerifier(HS).verify(jwt.encode(claims(roles="admin"), HS.secret, algorithm="HS256"))


def _rsa_pair() -> tuple[rsa.RSAPrivateKey, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return key, public


def test_rs256_token_verifies_against_the_public_key():
    key, public = _rsa_pair()
    verifier = TokenVerifier(JwtSettings(algorithms=("RS256",), public_key=public))
    assert verifier.verify(jwt.encode(claims(), key, algorithm="RS256")).sub == "u1"


def hs256_signed_with(secret: bytes, payload: dict) -> str:
    """What an attacker builds: an HS256 token whose HMAC key is the server's public key."""
    header = base64url_encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = base64url_encode(json.dumps(payload).encode())
    signing_input = header + b"." + body
    signature = base64url_encode(hmac.new(secret, signing_input, hashlib.sha256).digest())
    return (signing_input + b"." + signature).decode()


def test_algorithm_confusion_hs256_signed_with_the_public_key_is_refused():
    _key, public = _rsa_pair()
    verifier = TokenVerifier(JwtSettings(algorithms=("RS256",), public_key=public))
    with pytest.raises(AuthError, match="not accepted"):
        verifier.verify(hs256_signed_with(public.encode(), claims()))


def test_es256_is_accepted_only_when_pinned():
    key = ec.generate_private_key(ec.SECP256R1())
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    token = jwt.encode(claims(), key, algorithm="ES256")
    assert TokenVerifier(JwtSettings(algorithms=("ES256",), public_key=public)).verify(token).sub == "u1"
    with pytest.raises(AuthError, match="not accepted"):
        TokenVerifier(JwtSettings(algorithms=("RS256",), public_key=public)).verify(token)
