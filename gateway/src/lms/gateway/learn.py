"""`/learn/`: the reference learner app (examples/learner-web), built files served with a strict CSP.

The app is static: `index.html`, hashed assets under `assets/`, and `config.json`, which the
gateway writes from its settings (the identity provider for OpenID Connect sign-in, if any).
Scripts and styles come only from this origin; the app calls only this origin (and the identity
provider); no page may frame it. A missing build is a 503 that says how to make it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, jsonify, redirect, send_from_directory

from lms.kit.web import Problem

blueprint = Blueprint("learn", __name__)
INDEX = "index.html"


def content_security_policy(oidc_authority: str | None) -> str:
    """Nothing inline, nothing from elsewhere, except the identity provider the app signs in with."""
    connect = "'self'"
    if oidc_authority:
        parts = urlsplit(oidc_authority)
        connect += f" {parts.scheme}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        f"connect-src {connect}; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"
    )


def _folder() -> Path:
    folder = Path(current_app.extensions["lms.gateway"].config.learn_dir)
    if not (folder / INDEX).is_file():
        raise Problem(
            503, f"The learner app is not built in {folder}: `make run` builds it (or `make learner-web`)."
        )
    return folder


def _harden(response: Response) -> Response:
    config = current_app.extensions["lms.gateway"].config
    response.headers["Content-Security-Policy"] = content_security_policy(config.learn_oidc_authority)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@blueprint.get("/learn")
def learn_redirect() -> Response:
    """The app lives at /learn/ (its relative asset paths need the slash)."""
    return redirect("/learn/", code=308)  # type: ignore[return-value]


@blueprint.get("/learn/")
def learn_index() -> Response:
    """The app's page; never cached, so a new build is picked up at once."""
    response = send_from_directory(_folder(), INDEX, max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return _harden(response)


@blueprint.get("/learn/config.json")
def learn_config() -> Response:
    """What the app needs to know at run time: the OpenID Connect provider, or null."""
    config = current_app.extensions["lms.gateway"].config
    oidc = None
    if config.learn_oidc_authority and config.learn_oidc_client_id:
        oidc = {
            "authority": config.learn_oidc_authority,
            "client_id": config.learn_oidc_client_id,
            "scope": config.learn_oidc_scope,
        }
    response = jsonify({"oidc": oidc})
    response.headers["Cache-Control"] = "no-cache"
    return _harden(response)


@blueprint.get("/learn/<path:filename>")
def learn_asset(filename: str) -> Response:
    """Hashed assets, cached for a year; any other path is the app (its routes live in the fragment)."""
    folder = _folder()
    if (folder / filename).is_file() and filename.startswith("assets/"):
        response = send_from_directory(folder, filename, max_age=31536000)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return _harden(response)
    if (folder / filename).is_file():
        return _harden(send_from_directory(folder, filename, max_age=3600))
    raise Problem(404, f"No file {filename} in the learner app.")
