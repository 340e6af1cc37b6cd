"""Bearer tokens are verified at the gateway: forged, expired, foreign or unsigned ones never pass."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from lms.gateway.identity import is_public
from lms.kit.config import JwtSettings
from lms.testing.gateway.helpers import JWT, assert_problem, bearer


def claims(**overrides: object) -> dict[str, object]:
    now = int(time.time())
    return {
        "sub": "mallory",
        "roles": ["admin"],
        "iss": JWT.issuer,
        "aud": JWT.audience,
        "exp": now + 600,
        **overrides,
    }


def test_no_credentials_on_a_service_route_is_a_401_problem_with_a_challenge(client):
    response = client.get("/api/v1/enrolments")
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("case", "token"),
    [
        ("forged", jwt.encode(claims(), "not-the-secret-not-the-secret-not-the-secret", algorithm="HS256")),
        ("expired", jwt.encode(claims(exp=int(time.time()) - 3600), JWT.secret, algorithm="HS256")),
        ("wrong audience", jwt.encode(claims(aud="someone-else"), JWT.secret, algorithm="HS256")),
        ("wrong issuer", jwt.encode(claims(iss="evil"), JWT.secret, algorithm="HS256")),
        ("alg none", jwt.encode(claims(), None, algorithm="none")),
        ("garbage", "not.a.jwt"),
    ],
)
def test_an_invalid_token_is_refused_with_401(client, upstreams, case, token):
    before = len(upstreams.seen("progress", "/api/v1/enrolments"))
    response = client.get("/api/v1/enrolments", headers={"Authorization": f"Bearer {token}"})
    assert_problem(response, 401)
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert len(upstreams.seen("progress", "/api/v1/enrolments")) == before, "never reaches the service"


def test_a_valid_token_is_forwarded_unchanged(client, upstreams):
    headers = bearer("alice", "learner")
    response = client.get("/api/v1/enrolments", headers=headers)
    assert response.status_code == 200
    assert response.get_json()[0]["learner_id"] == "alice"
    assert upstreams.seen("progress", "/api/v1/enrolments")[-1]["Authorization"] == headers["Authorization"]


def test_a_learner_on_an_author_route_gets_the_services_403(client):
    response = client.post(
        "/api/v1/courses", json={"slug": "s", "title": "T"}, headers=bearer("al", "learner")
    )
    assert_problem(response, 403)
    created = client.post("/api/v1/courses", json={"slug": "s", "title": "T"}, headers=bearer("au", "author"))
    assert created.status_code == 201
    assert created.get_json()["status"] == "draft"


def test_public_certificate_verification_needs_no_token(client):
    response = client.get("/api/v1/certificates/CERT-123")
    assert response.status_code == 200
    assert response.get_json() == {"code": "CERT-123"}


def test_the_dashboard_page_loads_without_a_token_but_its_data_needs_one(client):
    # a browser opening /dashboard sends no Authorization; the page reads its token from the fragment
    assert is_public("GET", "/dashboard")
    assert is_public("GET", "/dashboard/static/vega.min.js")
    assert not is_public("POST", "/dashboard")
    assert not is_public("GET", "/dashboard/static/a/b")
    assert_problem(client.get("/api/v1/dashboard/charts?team_id=t"), 401)
    assert_problem(client.post("/dashboard"), 401)


def test_only_admins_manage_api_keys(client):
    assert_problem(client.get("/api/v1/api-keys"), 401)
    assert_problem(client.get("/api/v1/api-keys", headers=bearer("hr1", "hr")), 403)
    assert client.get("/api/v1/api-keys", headers=bearer("root", "admin")).status_code == 200


@pytest.fixture(scope="module")
def rsa_pair() -> tuple[bytes, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public.decode()


def test_rs256_tokens_verify_against_the_public_key_and_hs256_confusion_fails(
    make_gateway, upstreams, rsa_pair
):
    private, public = rsa_pair
    production = JwtSettings(secret=None, algorithms=("RS256",), public_key=public)
    client = make_gateway(jwt=production).test_client()
    good = jwt.encode(claims(sub="bob", roles=["learner"]), private, algorithm="RS256")
    forwarded = len(upstreams.seen("curriculum", "/api/v1/courses"))
    client.get("/api/v1/courses", headers={"Authorization": f"Bearer {good}"})
    assert len(upstreams.seen("curriculum", "/api/v1/courses")) == forwarded + 1, "the gateway let it through"
    confused = _hs256_signed_with(public.encode(), claims())  # the classic algorithm-confusion attack
    before = len(upstreams.seen("curriculum", "/api/v1/courses"))
    assert_problem(client.get("/api/v1/courses", headers={"Authorization": f"Bearer {confused}"}), 401)
    assert len(upstreams.seen("curriculum", "/api/v1/courses")) == before


def _hs256_signed_with(key: bytes, payload: dict[str, object]) -> str:
    """What an attacker builds by hand (PyJWT itself refuses PEM keys as HMAC secrets)."""

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = part(b'{"alg":"HS256","typ":"JWT"}') + "." + part(json.dumps(payload).encode())
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{part(signature)}"
