"""The gateway's settings from environment variables (the kit's `Settings` covers JWT and DB)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SERVICE_URLS = {
    "curriculum": "http://127.0.0.1:8101",
    "assessment": "http://127.0.0.1:8102",
    "progress": "http://127.0.0.1:8103",
    "people": "http://127.0.0.1:8104",
    "insights": "http://127.0.0.1:8105",
    "records": "http://127.0.0.1:8106",
}
DEFAULT_ROUTES = {
    "/api/v1/courses": "curriculum",
    "/api/v1/course-packages": "curriculum",
    "/api/v1/cmi5-packages": "curriculum",
    "/content": "curriculum",
    "/api/v1/assessments": "assessment",
    "/api/v1/attempts": "assessment",
    "/api/v1/enrolments": "progress",
    "/api/v1/enrolments/*/aus": "records",
    "/api/v1/cmi5": "records",
    "/api/v1/completions": "progress",
    "/api/v1/completions.csv": "progress",
    "/api/v1/xapi": "progress",
    "/api/v1/webhooks": "progress",
    "/api/v1/certificates": "progress",
    "/api/v1/reports": "progress",
    "/api/v1/teams": "progress",
    "/api/v1/me/team": "progress",
    "/api/v1/me/certifications": "progress",
    "/api/v1/learners/*/certifications": "progress",
    "/api/v1/assignments": "progress",
    "/api/v1/teams/*/impact": "insights",
    "/api/v1/teams/*/kpis": "insights",
    "/api/v1/needs-analyses": "insights",
    "/api/v1/kpis": "insights",
    "/api/v1/kpi-metrics": "insights",
    "/api/v1/dashboard": "insights",
    "/dashboard": "insights",
    "/scim/v2": "people",
    "/xapi": "records",
}
COSTLY_LIMITS = {"import": "10/minute", "submit": "60/minute", "export": "10/minute"}
MIB = 1024 * 1024


@dataclass(frozen=True)
class GatewayConfig:
    """Routing, upstream client, limits, CORS and cache settings."""

    routes: Mapping[str, str]  # path prefix -> upstream base URL
    names: Mapping[str, str]  # upstream base URL -> display name (service name or host:port)
    connect_timeout_s: float = 1.0
    read_timeout_s: float = 10.0
    pool_size: int = 16
    max_body_bytes: int = 5 * MIB
    cors_origins: tuple[str, ...] = ()
    rate_limit_authenticated: str = "600/minute"
    rate_limit_anonymous: str = "60/minute"
    rate_limit_storage: str = "memory://"
    costly_limits: Mapping[str, str] = field(default_factory=lambda: dict(COSTLY_LIMITS))
    cache_entries: int = 1000
    cache_max_bytes: int = 64 * MIB
    openapi_ttl_s: float = 30.0
    proxy_hops: int = 0
    api_key_token_ttl_s: int = 300
    api_key_pepper: str | None = None
    signing_key: str | None = None  # PEM (or its file) internal tokens are signed with
    issuer: str = "lms-gateway"
    learn_dir: str = ".run/learner-web"  # the built learner app served at /learn/
    learn_oidc_authority: str | None = None  # the identity provider the learner app signs in with
    learn_oidc_client_id: str | None = None
    learn_oidc_scope: str = "openid profile"
    public_url: str | None = None  # where clients reach the gateway; https: HSTS on every reply


def load_config(environ: Mapping[str, str] | None = None) -> GatewayConfig:
    """Read the gateway's configuration from `environ` (default: the process environment)."""
    env = os.environ if environ is None else environ
    services = {
        name: env.get(f"LMS_{name.upper()}_URL", url).rstrip("/") for name, url in SERVICE_URLS.items()
    }
    table = _route_table(env.get("LMS_GATEWAY_ROUTES", "")) or DEFAULT_ROUTES
    routes = {_prefix(prefix): services.get(target, target).rstrip("/") for prefix, target in table.items()}
    names = {url: name for name, url in services.items()}
    return GatewayConfig(
        routes=routes,
        names={url: names.get(url, url.split("://", 1)[-1]) for url in routes.values()},
        connect_timeout_s=float(env.get("LMS_GATEWAY_CONNECT_TIMEOUT", "1")),
        read_timeout_s=float(env.get("LMS_GATEWAY_READ_TIMEOUT", "10")),
        pool_size=int(env.get("LMS_GATEWAY_POOL_SIZE", "16")),
        max_body_bytes=int(env.get("LMS_GATEWAY_MAX_BODY", str(5 * MIB))),
        cors_origins=tuple(o.strip() for o in env.get("LMS_CORS_ORIGINS", "").split(",") if o.strip()),
        rate_limit_authenticated=env.get("LMS_RATE_LIMIT_AUTHENTICATED", "600/minute"),
        rate_limit_anonymous=env.get("LMS_RATE_LIMIT_ANONYMOUS", "60/minute"),
        rate_limit_storage=env.get("LMS_RATE_LIMIT_STORAGE", "memory://"),
        costly_limits={k: env.get(f"LMS_RATE_LIMIT_{k.upper()}", v) for k, v in COSTLY_LIMITS.items()},
        cache_entries=int(env.get("LMS_GATEWAY_CACHE_ENTRIES", "1000")),
        cache_max_bytes=int(env.get("LMS_GATEWAY_CACHE_MAX_BYTES", str(64 * MIB))),
        openapi_ttl_s=float(env.get("LMS_GATEWAY_OPENAPI_TTL", "30")),
        proxy_hops=int(env.get("LMS_GATEWAY_PROXY_HOPS", "0")),
        api_key_pepper=env.get("LMS_API_KEY_PEPPER") or None,
        signing_key=env.get("LMS_GATEWAY_SIGNING_KEY") or None,
        issuer=env.get("LMS_JWT_GATEWAY_ISSUER", "lms-gateway"),
        learn_dir=env.get("LMS_LEARN_DIR") or str(Path(env.get("LMS_RUN_DIR", ".run")) / "learner-web"),
        learn_oidc_authority=env.get("LMS_LEARN_OIDC_AUTHORITY") or None,
        learn_oidc_client_id=env.get("LMS_LEARN_OIDC_CLIENT_ID") or None,
        learn_oidc_scope=env.get("LMS_LEARN_OIDC_SCOPE", "openid profile"),
        public_url=env.get("LMS_PUBLIC_URL") or None,
    )


def _route_table(source: str) -> dict[str, str]:
    """Inline JSON, or the path of a JSON/YAML file, mapping prefix -> URL or service name."""
    source = source.strip()
    if not source:
        return {}
    text = source if source.startswith("{") else Path(source).read_text()
    table = json.loads(text) if source.startswith("{") else yaml.safe_load(text)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ValueError("LMS_GATEWAY_ROUTES must map path prefixes to upstream URLs or service names")
    return table


def _prefix(prefix: str) -> str:
    if not prefix.startswith("/"):
        raise ValueError(f"route prefix {prefix!r} must start with '/'")
    if "*" in prefix.replace("/*/", "/"):
        raise ValueError(f"route prefix {prefix!r}: '*' may only stand for one whole inner segment")
    return prefix.rstrip("/") or "/"
