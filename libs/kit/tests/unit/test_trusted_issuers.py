"""Several trusted issuers: a service accepts the IdP's tokens and the gateway's (for API-key
callers), each only with that issuer's own key and algorithms."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from lms.kit.auth import AuthError, TokenVerifier, mint_token
from lms.kit.config import load_jwt_settings

SECRET = "idp-shared-secret-0123456789abcdefghij"
GATEWAY = ed25519.Ed25519PrivateKey.generate()
PUBLIC = (
    GATEWAY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def claims(**overrides: object) -> dict[str, object]:
    base = {
        "sub": "apikey:1",
        "roles": ["hr"],
        "iss": "lms-gateway",
        "aud": "lms",
        "exp": int(time.time()) + 300,
    }
    return {**base, **overrides}


@pytest.fixture
def verifier(tmp_path) -> TokenVerifier:
    env = {"LMS_ENV": "dev", "LMS_JWT_SECRET": SECRET, "LMS_JWT_GATEWAY_PUBLIC_KEY": PUBLIC}
    return TokenVerifier(load_jwt_settings(env, tmp_path))


def test_the_gateways_tokens_and_the_idps_both_verify(verifier):
    assert verifier.verify(jwt.encode(claims(), GATEWAY, algorithm="EdDSA")).sub == "apikey:1"
    assert verifier.verify(mint_token(verifier.settings, "alice", ["learner"])).sub == "alice"


def test_a_token_is_held_to_the_key_of_the_issuer_it_names(verifier):
    with pytest.raises(AuthError, match="not accepted"):
        verifier.verify(jwt.encode(claims(), SECRET, algorithm="HS256"))  # the gateway never signs HS256
    with pytest.raises(AuthError):
        verifier.verify(jwt.encode(claims(iss="lms-dev"), GATEWAY, algorithm="EdDSA"))  # not the IdP's key
    other = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(AuthError):
        verifier.verify(jwt.encode(claims(), other, algorithm="EdDSA"))


def test_without_the_gateways_key_no_second_issuer_is_trusted(tmp_path):
    settings = load_jwt_settings({"LMS_ENV": "dev", "LMS_JWT_SECRET": SECRET}, tmp_path)
    assert settings.trusted == ()
    with pytest.raises(AuthError):
        TokenVerifier(settings).verify(jwt.encode(claims(), GATEWAY, algorithm="EdDSA"))


def test_scopes_count_only_in_the_gateways_tokens(verifier):
    """An API key's scopes reach a service in the gateway's token; an outside issuer's `scope` or
    `scp` claim grants nothing (a client may ask an identity provider for any scope name)."""
    keyed = verifier.verify(jwt.encode(claims(roles=[], scope="scim metrics"), GATEWAY, algorithm="EdDSA"))
    assert keyed.scopes == frozenset({"scim", "metrics"})
    for claim in ({"scope": "openid scim"}, {"scp": ["scim"]}, {"scp": "scim"}):
        outsider = verifier.verify(mint_token(verifier.settings, "mallory", ["learner"], extra=claim))
        assert outsider.scopes == frozenset()
