"""The flask-smorest base every service builds on.

`create_app()` gives: problem+json for every error, `X-Request-ID` in and out, request bodies
bounded in size (chunked ones too) and JSON ones in depth before any view reads them, bearer-JWT
verification (`requires(...)` on views), `/healthz`, `/readyz` (details for admins),
`/metrics` (admins only), JSON logs and an OpenAPI 3.1 document at `/openapi.json` with the
bearer security scheme and an `operationId` on every operation (`lms.kit.web.operations`).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus

from flask import Flask, Response, g, request
from flask_smorest import Api, Blueprint
from flask_smorest.spec import prepare_response
from prometheus_client import CollectorRegistry
from werkzeug.exceptions import HTTPException

from lms.kit import context
from lms.kit.auth import TokenVerifier
from lms.kit.config import Settings
from lms.kit.errors import DomainError
from lms.kit.metrics import HTTP_LATENCY, HTTP_REQUESTS
from lms.kit.web.bodylimit import bound_body
from lms.kit.web.health import Check
from lms.kit.web.health import blueprint as health_blueprint
from lms.kit.web.jsonbody import BoundedJSONProvider, refuse_unreadable_json
from lms.kit.web.operations import OperationIds
from lms.kit.web.problems import (
    PROBLEM_JSON,
    Problem,
    ProblemSchema,
    from_domain_error,
    from_http_exception,
    from_problem,
    problem_response,
)
from lms.kit.web.security import BEARER, current_principal, requires

__all__ = [
    "BEARER",
    "Problem",
    "ServiceApi",
    "create_app",
    "current_principal",
    "problem_response",
    "requires",
]

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
MAX_BODY_BYTES = 2 * 1024 * 1024


class ServiceApi(Api):
    """flask-smorest `Api` whose errors are RFC 9457 problem documents."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        """Error responses are documented as `application/problem+json`."""
        for status in HTTPStatus:
            response: dict = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON if status >= 400 else "application/json")
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error, as RFC 9457 problem details", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        return from_http_exception(error)


def create_app(
    settings: Settings,
    *,
    title: str,
    version: str = "1.0.0",
    blueprints: Iterable[Blueprint] = (),
    readiness: Mapping[str, Check] | None = None,
    collectors: Iterable[object] = (),
    configure: Callable[[Flask], None] | None = None,
) -> Flask:
    """A Flask app for one service with the suite's conventions wired in."""
    app = Flask(f"lms.{settings.service}")
    app.config.update(
        API_TITLE=title,
        API_VERSION=version,
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        API_SPEC_OPTIONS={
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
            },
            "security": [BEARER],
        },
    )
    app.json = BoundedJSONProvider(app)
    app.json.sort_keys = False  # fields in the order the schemas declare them
    app.extensions["lms.settings"] = settings
    app.extensions["lms.verifier"] = TokenVerifier(settings.jwt)
    app.extensions["lms.readiness"] = dict(readiness or {})
    own_metrics = CollectorRegistry()
    for collector in collectors:
        own_metrics.register(collector)  # type: ignore[arg-type]
    app.extensions["lms.metrics"] = own_metrics
    if configure:
        configure(app)

    api = ServiceApi(app, spec_kwargs={"extra_plugins": [OperationIds()]})
    for blueprint in blueprints:
        api.register_blueprint(blueprint, url_prefix="/api/v1")
    app.register_blueprint(health_blueprint)
    app.register_error_handler(Problem, from_problem)
    app.register_error_handler(DomainError, from_domain_error)  # every service's refusals
    app.before_request(_begin)
    app.before_request(bound_body)
    app.before_request(refuse_unreadable_json)
    app.after_request(_finish)
    app.teardown_request(lambda _exc: context.request_id.set(None))
    app.extensions["lms.api"] = api
    return app


def _begin() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.started = time.perf_counter()
    context.request_id.set(g.request_id)


def _finish(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    HTTP_REQUESTS.labels(request.method, endpoint, str(response.status_code)).inc()
    if "started" in g:
        HTTP_LATENCY.labels(request.method, endpoint).observe(time.perf_counter() - g.started)
    return response
