"""`create_app()`: the kit's web base plus edge checks, identity, limits, the proxy and the docs."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, jsonify
from sqlalchemy import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from lms.gateway import budgets, health, limits, scim_errors, tracing, xapi
from lms.gateway.apikeys.api import blp as api_keys_blueprint
from lms.gateway.apikeys.exchange import ApiKeyExchange
from lms.gateway.apikeys.store import ApiKeyStore
from lms.gateway.config import GatewayConfig, load_config
from lms.gateway.docs import blueprint as docs_blueprint
from lms.gateway.edge import Edge
from lms.gateway.httpcache import ResponseCache
from lms.gateway.identity import Authenticator, VerifiedTokens
from lms.gateway.learn import blueprint as learn_blueprint
from lms.gateway.openapi import ApiDocument
from lms.gateway.proxy import Proxy
from lms.gateway.routing import RouteTable
from lms.gateway.security_headers import SecurityHeaders
from lms.gateway.signing import Signer, load_signer
from lms.gateway.upstream import UpstreamClient
from lms.kit.config import Settings, load_settings
from lms.kit.db import make_engine
from lms.kit.web import create_app as create_service_app
from lms.kit.web.health import database_check

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


@dataclass
class Gateway:
    """The gateway's parts, one set per process (`app.extensions["lms.gateway"]`)."""

    config: GatewayConfig
    table: RouteTable
    client: UpstreamClient
    keys: ApiKeyStore
    exchange: ApiKeyExchange
    proxy: Proxy
    document: ApiDocument
    probe: health.UpstreamProbe
    signer: Signer


def create_app(settings: Settings | None = None, config: GatewayConfig | None = None) -> Flask:
    """The gateway's Flask app (settings and configuration default to the environment)."""
    settings = settings or load_settings("gateway")
    config = config or load_config()
    engine = make_engine(settings.database_url)
    app = create_service_app(
        settings,
        title="LMS gateway",
        blueprints=[api_keys_blueprint],
        readiness={"database": database_check(engine)},
        configure=lambda app: _configure(app, config),
    )
    gateway = _assemble(app, settings, config, engine)
    app.extensions["lms.gateway"] = gateway
    _install_hooks(app, gateway, Edge(config.cors_origins))
    app.register_blueprint(docs_blueprint)
    app.register_blueprint(learn_blueprint)
    app.add_url_rule("/.well-known/jwks.json", "jwks", lambda: _jwks(gateway.signer), methods=["GET"])
    app.add_url_rule("/<path:path>", "proxy", gateway.proxy.view, methods=METHODS)
    health.install(app)
    if config.proxy_hops:
        hops = config.proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app


def _install_hooks(app: Flask, gateway: Gateway, edge: Edge) -> None:
    """After the kit's own (body size, JSON checks), in order: our request id, CORS, xAPI's version,
    identity without the database, the rate limits, the API-key look-up, then the 401/403 decision."""
    app.before_request(tracing.assign_request_id)
    app.teardown_request(tracing.forget_client_request_id)
    tokens = VerifiedTokens(app.extensions["lms.verifier"])
    limiter = limits.make_limiter(gateway.config)
    authenticator = Authenticator(tokens, gateway.exchange, budgets.key_guard(limiter, gateway.config))
    app.before_request(lambda: edge.check() or xapi.check() or authenticator.identify())
    limits.install(app, gateway.config, limiter)
    app.before_request(authenticator.exchange)
    app.before_request(authenticator.require)
    security = SecurityHeaders(gateway.config.public_url)
    app.after_request(
        lambda response: security.decorate(
            scim_errors.reshape(xapi.decorate(edge.decorate(limits.add_headers(limiter, response))))
        )
    )


def _jwks(signer: Signer) -> Response:
    """The public keys of the gateway's internal tokens (services verify API-key callers with them)."""
    response = jsonify(signer.jwks())
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def _configure(app: Flask, config: GatewayConfig) -> None:
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.config["OPENAPI_URL_PREFIX"] = None  # the gateway serves the merged document itself


def _assemble(app: Flask, settings: Settings, config: GatewayConfig, engine: Engine) -> Gateway:
    table = RouteTable(config.routes, config.names)
    client = UpstreamClient(
        table.upstreams,
        connect_s=config.connect_timeout_s,
        read_s=config.read_timeout_s,
        pool_size=config.pool_size,
    )
    keys = ApiKeyStore(engine, pepper=config.api_key_pepper)
    own_spec = app.extensions["lms.api"].spec.to_dict
    signer = load_signer(
        config.signing_key, settings.env, settings.run_dir, config.issuer, settings.jwt.audience
    )
    return Gateway(
        config=config,
        table=table,
        client=client,
        keys=keys,
        exchange=ApiKeyExchange(keys, signer, ttl_s=config.api_key_token_ttl_s),
        proxy=Proxy(table, client, ResponseCache(config.cache_entries, config.cache_max_bytes)),
        document=ApiDocument(table, client, own_spec, config.openapi_ttl_s),
        probe=health.UpstreamProbe(client, table.upstreams),
        signer=signer,
    )
