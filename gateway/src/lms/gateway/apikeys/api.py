"""`/api/v1/api-keys`: admins create (the key is shown once), list and revoke API keys."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from lms.gateway import scopes
from lms.gateway.apikeys.exchange import ApiKeyExchange
from lms.gateway.apikeys.store import ApiKeyStore
from lms.kit.auth import ROLES
from lms.kit.web import BEARER, Problem, current_principal, requires
from lms.kit.web.schemas import Reply, Strict

blp = Blueprint("api-keys", __name__, description="API keys for systems (HR sync): admin only")


class ApiKeyIn(Strict):
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    roles = ma.fields.List(
        ma.fields.String(validate=ma.validate.OneOf(ROLES)),
        required=True,
        metadata={"description": "may be empty when the key has scopes: it then reaches only theirs"},
    )
    scopes = ma.fields.List(
        ma.fields.String(validate=ma.validate.OneOf(scopes.names())),
        load_default=list,
        metadata={
            "description": "; ".join(f"`{s.name}`: {s.description}" for s in scopes.SCOPES)
            + " (xAPI clients send the key in HTTP Basic: user `key_prefix`, password the key)"
        },
    )

    @ma.validates_schema
    def _grants_something(self, data: dict, **_kwargs: object) -> None:
        if not data.get("roles") and not data.get("scopes"):
            raise ma.ValidationError("A key needs at least one role or one scope.", "roles")


class ApiKeyOut(Reply):
    id = ma.fields.String()
    name = ma.fields.String()
    roles = ma.fields.List(ma.fields.String())
    scopes = ma.fields.List(ma.fields.String())
    key_prefix = ma.fields.String(metadata={"description": "the key's public start, to recognise it"})
    created_by = ma.fields.String()
    created_at = ma.fields.DateTime()
    revoked_at = ma.fields.DateTime(allow_none=True)


class ApiKeyCreated(ApiKeyOut):
    key = ma.fields.String(metadata={"description": "the secret key: shown once, store it now"})


def _store() -> ApiKeyStore:
    return current_app.extensions["lms.gateway"].keys


@blp.route("/api-keys")
class ApiKeys(MethodView):
    @requires("admin")
    @blp.arguments(ApiKeyIn)
    @blp.response(201, ApiKeyCreated)
    @blp.doc(security=[BEARER])
    def post(self, data: dict) -> dict:
        """Create an API key (the plaintext key is in this response only)."""
        record, key = _store().create(data["name"], data["roles"], current_principal().sub, data["scopes"])
        return {**record.__dict__, "key": key}

    @requires("admin")
    @blp.response(200, ApiKeyOut(many=True))
    @blp.doc(security=[BEARER])
    def get(self) -> list:
        """List API keys, revoked ones included, without their secrets."""
        return _store().list()


@blp.route("/api-keys/<key_id>")
class ApiKeysById(MethodView):
    @requires("admin")
    @blp.response(204)
    @blp.doc(security=[BEARER])
    def delete(self, key_id: str) -> None:
        """Revoke an API key; it stops working at once."""
        if not _store().revoke(key_id):
            raise Problem(404, f"No API key with id {key_id}.")
        exchange: ApiKeyExchange = current_app.extensions["lms.gateway"].exchange
        exchange.forget(key_id)
