"""`/openapi.json` (merged) and `/docs`: Swagger UI served from local files, no CDN."""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, current_app, jsonify, send_from_directory

SWAGGER_UI = Path(flask_swagger_ui.__file__).parent / "dist"
OWN_ASSETS = Path(__file__).parent / "docs_assets"
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

blueprint = Blueprint("docs", __name__)


@blueprint.get("/openapi.json")
def openapi_json() -> Response:
    """The API of every service behind the gateway, as one OpenAPI 3.1 document."""
    response = jsonify(current_app.extensions["lms.gateway"].document.document())
    response.headers["Cache-Control"] = "no-cache"
    return response


@blueprint.get("/docs")
@blueprint.get("/docs/")
def docs_page() -> Response:
    """Swagger UI for the merged document."""
    response = send_from_directory(OWN_ASSETS, "index.html", max_age=0)
    response.headers["Content-Security-Policy"] = CSP
    return response


@blueprint.get("/docs/<path:filename>")
def docs_asset(filename: str) -> Response:
    """Swagger UI's scripts and styles (from the flask-swagger-ui package) and our initialiser."""
    folder = OWN_ASSETS if (OWN_ASSETS / filename).is_file() else SWAGGER_UI
    return send_from_directory(folder, filename, max_age=3600)
