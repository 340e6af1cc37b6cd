"""The gateway's own signing key: the internal tokens of API-key callers, and its public JWKS.

Services verify those tokens with the public half (`/.well-known/jwks.json`, or the PEM given
to them), so no service needs a secret that could mint tokens. Outside dev the key is required
(`LMS_GATEWAY_SIGNING_KEY`: a PEM file, or the PEM itself); in dev one is made under `.run/`.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import get_default_algorithms

from lms.kit.config import ConfigError

DEV_KEY_FILE = "gateway-signing-key.pem"
PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class SigningKeyMissing(ConfigError):
    """Outside dev the gateway will not start without its own signing key (one line, exit non-zero)."""


class Signer:
    """Mints the gateway's internal tokens with one asymmetric key and publishes its public half."""

    def __init__(self, key: PrivateKey, issuer: str, audience: str) -> None:
        self.key = key
        self.issuer = issuer
        self.audience = audience
        self.algorithm = _algorithm(key)
        public = key.public_key()
        der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        self.kid = base64.urlsafe_b64encode(hashlib.sha256(der).digest()[:12]).decode().rstrip("=")
        self._jwk = get_default_algorithms()[self.algorithm].to_jwk(public, as_dict=True)

    def mint(self, sub: str, roles: list[str], name: str, ttl_s: int, extra: dict[str, Any]) -> str:
        """A short-lived token for `sub` that the services accept from the gateway's issuer."""
        now = int(time.time())
        claims = {"sub": sub, "roles": roles, "name": name or sub, "iss": self.issuer, "aud": self.audience}
        claims.update({"iat": now, "exp": now + ttl_s, **extra})
        return jwt.encode(claims, self.key, algorithm=self.algorithm, headers={"kid": self.kid})

    def jwks(self) -> dict[str, Any]:
        """The public key set services fetch to verify the gateway's tokens."""
        return {"keys": [{**self._jwk, "kid": self.kid, "alg": self.algorithm, "use": "sig"}]}


def load_signer(key_path: str | None, env: str, run_dir: Path, issuer: str, audience: str) -> Signer:
    """The configured key; in dev, the one under `run_dir` (made on first start); else refuse."""
    if key_path:
        pem = key_path.encode() if key_path.lstrip().startswith("-----") else Path(key_path).read_bytes()
        return Signer(_parse(pem, key_path[:40]), issuer, audience)
    if env != "dev":
        raise SigningKeyMissing(
            "refusing to start: LMS_GATEWAY_SIGNING_KEY is required outside dev, the path of a PEM "
            "private key (Ed25519, EC P-256 or RSA) the gateway signs internal tokens with"
        )
    return Signer(_dev_key(run_dir / DEV_KEY_FILE), issuer, audience)


def _dev_key(path: Path) -> PrivateKey:
    """Made once; workers starting together agree on one key (the first link wins)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = ed25519.Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        draft.write_bytes(pem)
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return _parse(path.read_bytes(), str(path))


def _parse(pem: bytes, where: str) -> PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ConfigError(f"refusing to start: {where}: the signing key must be Ed25519, EC P-256 or RSA")
    return key


def _algorithm(key: PrivateKey) -> str:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "EdDSA"
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if key.curve.name != "secp256r1":
            raise ValueError("an EC signing key must be on P-256 (ES256)")
        return "ES256"
    return "RS256"
