"""The gateway signs API-key callers' tokens with its own key and publishes the public half:
a service verifies them through the JWKS with no secret of its own, and nothing else passes."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from lms.gateway.app import create_app
from lms.gateway.config import load_config
from lms.gateway.signing import SigningKeyMissing, load_signer
from lms.kit.auth import AuthError, TokenVerifier
from lms.kit.config import Settings, load_jwt_settings
from lms.testing.gateway.helpers import GATEWAY_KEY, JWT, bearer, write_gateway_key

GATEWAY_ISSUER_X = jwt.algorithms.OKPAlgorithm.to_jwk(GATEWAY_KEY.public_key(), as_dict=True)["x"]


@pytest.fixture(scope="module")
def forwarded(served_gateway, upstreams) -> str:
    """The token the gunicorn gateway sent the people service for a SCIM key."""
    created = httpx.post(
        f"{served_gateway}/api/v1/api-keys",
        json={"name": "okta", "roles": ["hr"], "scopes": ["scim"]},
        headers=bearer("root", "admin"),
    ).json()
    response = httpx.get(
        f"{served_gateway}/scim/v2/Users", headers={"Authorization": f"Bearer {created['key']}"}
    )
    assert response.status_code == 200, response.text
    return upstreams.seen("people", "/scim/v2/Users")[-1]["Authorization"].split()[1]


def service_verifier(served_gateway: str, tmp_path) -> TokenVerifier:
    """A service configured as compose configures one: the IdP's (here HS256) key plus the gateway's JWKS."""
    env = {
        "LMS_JWT_SECRET": str(JWT.secret),
        "LMS_JWT_GATEWAY_JWKS_URL": f"{served_gateway}/.well-known/jwks.json",
    }
    return TokenVerifier(load_jwt_settings(env, tmp_path))


def test_a_service_verifies_the_gateways_token_through_its_jwks(served_gateway, forwarded, tmp_path):
    principal = service_verifier(served_gateway, tmp_path).verify(forwarded)
    assert principal.sub.startswith("apikey:")
    assert principal.roles == frozenset({"hr"})
    jwks = httpx.get(f"{served_gateway}/.well-known/jwks.json").json()
    assert [k["alg"] for k in jwks["keys"]] == ["EdDSA"]
    assert all("d" not in k for k in jwks["keys"]), "the public half only"


def test_tokens_in_the_gateways_name_signed_any_other_way_are_refused(served_gateway, tmp_path):
    verifier = service_verifier(served_gateway, tmp_path)
    claims = {"sub": "mallory", "roles": ["admin"], "iss": "lms-gateway", "aud": JWT.audience}
    claims["exp"] = int(time.time()) + 300
    with_the_shared_secret = jwt.encode(claims, JWT.secret, algorithm="HS256")
    with pytest.raises(AuthError, match="not accepted"):
        verifier.verify(with_the_shared_secret)
    another_key = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(AuthError):
        verifier.verify(jwt.encode(claims, another_key, algorithm="EdDSA", headers={"kid": "other"}))


def test_people_tokens_still_verify_with_the_idps_key(served_gateway, tmp_path):
    token = bearer("alice", "learner")["Authorization"].split()[1]
    assert service_verifier(served_gateway, tmp_path).verify(token).sub == "alice"


def test_outside_dev_the_gateway_refuses_to_start_without_its_signing_key(tmp_path):
    settings = Settings(service="gateway", env="prod", run_dir=tmp_path, database_url="sqlite://", jwt=JWT)
    with pytest.raises(SigningKeyMissing, match="LMS_GATEWAY_SIGNING_KEY"):
        create_app(settings, load_config({}))


def test_in_dev_one_key_is_made_once_and_kept(tmp_path):
    first = load_signer(None, "dev", tmp_path, "lms-gateway", "lms")
    again = load_signer(None, "dev", tmp_path, "lms-gateway", "lms")
    assert first.kid == again.kid
    assert oct((tmp_path / "gateway-signing-key.pem").stat().st_mode)[-3:] == "600"


def test_the_key_may_be_given_as_the_pem_itself(tmp_path):
    pem = write_gateway_key(tmp_path / "key.pem").read_text()
    inline = load_signer(pem, "prod", tmp_path, "lms-gateway", "lms")
    from_file = load_signer(str(tmp_path / "key.pem"), "prod", tmp_path, "lms-gateway", "lms")
    assert inline.jwks() == from_file.jwks()
    assert inline.jwks()["keys"][0]["x"] == GATEWAY_ISSUER_X
    assert not (tmp_path / "gateway-signing-key.pem").exists(), "no dev key is made when one is given"
