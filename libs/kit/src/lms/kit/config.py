"""Settings from environment variables, one frozen object per process."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BOOTSTRAP = "127.0.0.1:9092"
DEFAULT_ENV = "prod"  # production behaviour unless a process asks for dev (make run, tests)
MIN_SECRET_BYTES = 32
PLACEHOLDER = re.compile(r"((change[-_ ]?me|changeit|secret|dev[-_]?secret|password|default)[-_ .]*)+")


class ConfigError(SystemExit):
    """A setting no process may run with: the process exits non-zero with this one line."""


def current_env(environ: Mapping[str, str] | None = None) -> str:
    """`LMS_ENV`, `prod` when unset: only an explicit `dev` relaxes anything."""
    return (os.environ if environ is None else environ).get("LMS_ENV") or DEFAULT_ENV


@dataclass(frozen=True)
class JwtSettings:
    """How bearer tokens are verified (and, in dev, minted)."""

    secret: str | None = None
    issuer: str = "lms-dev"
    audience: str = "lms"
    algorithms: tuple[str, ...] = ("HS256",)
    public_key: str | None = None
    jwks_url: str | None = None
    leeway_s: int = 30
    # other issuers whose tokens are accepted too, each with its own key (the gateway's, for API keys)
    trusted: tuple[JwtSettings, ...] = ()


@dataclass(frozen=True)
class Settings:
    """What one service process needs to know about its environment."""

    service: str
    env: str = field(default_factory=current_env)
    run_dir: Path = Path(".run")
    database_url: str = "sqlite:///.run/service.db"
    kafka_bootstrap: str = DEFAULT_BOOTSTRAP
    topic_prefix: str = ""
    log_level: str = "INFO"
    jwt: JwtSettings = field(default_factory=JwtSettings)

    @property
    def topic(self) -> str:
        """This service's own event topic."""
        return self.topic_of(self.service)

    def topic_of(self, service: str) -> str:
        return f"{self.topic_prefix}lms.{service}.events"

    @property
    def consumer_group(self) -> str:
        return f"{self.topic_prefix}lms.{self.service}"


def load_settings(service: str, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings of `service` from the environment.

    `<SERVICE>_DATABASE_URL` (e.g. `PROGRESS_DATABASE_URL`) wins; otherwise a SQLite
    file `<LMS_RUN_DIR>/<service>.db`.
    """
    env = os.environ if environ is None else environ
    run_dir = Path(env.get("LMS_RUN_DIR", ".run")).resolve()
    default_db = f"sqlite:///{run_dir / f'{service}.db'}"
    return Settings(
        service=service,
        env=current_env(env),
        run_dir=run_dir,
        database_url=env.get(f"{service.upper()}_DATABASE_URL", default_db),
        kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP),
        topic_prefix=env.get("LMS_TOPIC_PREFIX", ""),
        log_level=env.get("LMS_LOG_LEVEL", "INFO"),
        jwt=load_jwt_settings(env, run_dir),
    )


def load_jwt_settings(env: Mapping[str, str], run_dir: Path) -> JwtSettings:
    algorithms = tuple(a.strip() for a in env.get("LMS_JWT_ALGORITHMS", "").split(",") if a.strip())
    public_key = env.get("LMS_JWT_PUBLIC_KEY") or None
    if public_key and not public_key.lstrip().startswith("-----"):
        public_key = Path(public_key).read_text()
    asymmetric = bool(public_key or env.get("LMS_JWT_JWKS_URL"))
    secret = env.get("LMS_JWT_SECRET") or _secret_file(run_dir)
    if secret and current_env(env) != "dev":
        require_strong_secret(secret)
    return JwtSettings(
        secret=secret,
        issuer=env.get("LMS_JWT_ISSUER", "lms-dev"),
        audience=env.get("LMS_JWT_AUDIENCE", "lms"),
        algorithms=algorithms or (("RS256",) if asymmetric else ("HS256",)),
        public_key=public_key,
        jwks_url=env.get("LMS_JWT_JWKS_URL") or None,
        trusted=_gateway_issuer(env),
    )


def _gateway_issuer(env: Mapping[str, str]) -> tuple[JwtSettings, ...]:
    """The gateway signs API-key callers' tokens with its own key: trust it when told where that is."""
    jwks_url = env.get("LMS_JWT_GATEWAY_JWKS_URL") or None
    public_key = env.get("LMS_JWT_GATEWAY_PUBLIC_KEY") or None
    if public_key and not public_key.lstrip().startswith("-----"):
        public_key = Path(public_key).read_text()
    if not (jwks_url or public_key):
        return ()
    issuer = env.get("LMS_JWT_GATEWAY_ISSUER", "lms-gateway")
    audience = env.get("LMS_JWT_AUDIENCE", "lms")
    algorithms = ("EdDSA", "ES256", "RS256")
    return (JwtSettings(None, issuer, audience, algorithms, public_key, jwks_url),)


def _secret_file(run_dir: Path) -> str | None:
    """The dev secret that `make run` generates once and keeps under `.run/`."""
    path = run_dir / "jwt-secret"
    return path.read_text().strip() if path.exists() else None


def require_strong_secret(secret: str) -> None:
    """Refuse (ConfigError) an HS256 secret anyone could guess: short, a placeholder, repetitive."""
    if len(secret.encode()) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"refusing to start: LMS_JWT_SECRET is shorter than {MIN_SECRET_BYTES} bytes "
            "(generate one: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    if PLACEHOLDER.fullmatch(secret.lower()) or len(set(secret)) < 8:
        raise ConfigError(
            "refusing to start: LMS_JWT_SECRET is a placeholder or repetitive; set a random secret"
        )
