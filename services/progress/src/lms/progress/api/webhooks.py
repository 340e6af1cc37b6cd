"""Webhook endpoints for HR systems (Standard Webhooks), their delivery log, redelivery."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import insert, select, update

from lms.contracts import default_registry
from lms.kit.web import Problem, current_principal, requires
from lms.progress.api.enrolments import progress
from lms.progress.api.schemas import Delivery, WebhookIn, WebhookOut, WebhookSummary
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.domain.webhooks import new_secret
from lms.progress.targets import refusal

blp = Blueprint("webhooks", __name__, description="Signed webhooks for HR systems")
HR = ("hr",)


def check_target(url: str) -> None:
    reason = refusal(url, current_app.extensions["lms.settings"].env)
    if reason:
        raise Problem(
            422,
            "Webhook targets on private or loopback addresses are refused (unless LMS_ENV=dev).",
            errors={"url": [reason]},
        )


@blp.route("/webhooks")
class Webhooks(MethodView):
    @requires(*HR)
    @blp.arguments(WebhookIn())
    @blp.response(201, WebhookOut())
    def post(self, body):
        """Register an endpoint for event types; the signing secret is returned once."""
        known = set(default_registry().types())
        unknown = [t for t in body["event_types"] if t not in known]
        if unknown:
            raise Problem(
                422, "Unknown event types.", errors={"event_types": [f"unknown: {t}" for t in unknown]}
            )
        check_target(body["url"])
        row = {
            "id": str(uuid.uuid4()),
            "url": body["url"],
            "event_types": body["event_types"],
            "secret": new_secret(),
            "status": "active",
            "created_by": current_principal().sub,
            "created_at": datetime.now(UTC),
        }
        with progress().sessions.begin() as db:
            db.execute(insert(webhooks).values(**row))
        return row

    @requires(*HR)
    @blp.response(200, WebhookSummary(many=True))
    def get(self):
        """Registered endpoints (without their secrets)."""
        with progress().sessions() as db:
            return [r._asdict() for r in db.execute(select(webhooks).order_by(webhooks.c.created_at))]


@blp.route("/webhooks/<webhook_id>")
class WebhookById(MethodView):
    @requires(*HR)
    @blp.response(204)
    def delete(self, webhook_id):
        """Remove an endpoint; its pending deliveries are cancelled."""
        with progress().sessions.begin() as db:
            _webhook(db, webhook_id)
            db.execute(
                update(webhook_deliveries)
                .where(
                    webhook_deliveries.c.webhook_id == webhook_id, webhook_deliveries.c.status == "pending"
                )
                .values(status="cancelled", next_attempt_at=None)
            )
            db.execute(webhooks.delete().where(webhooks.c.id == webhook_id))


@blp.route("/webhooks/<webhook_id>/deliveries")
class Deliveries(MethodView):
    @requires(*HR)
    @blp.response(200, Delivery(many=True))
    def get(self, webhook_id):
        """The delivery log: status, attempts, last response."""
        with progress().sessions() as db:
            _webhook(db, webhook_id)
            rows = db.execute(
                select(webhook_deliveries)
                .where(webhook_deliveries.c.webhook_id == webhook_id)
                .order_by(webhook_deliveries.c.created_at, webhook_deliveries.c.id)
            )
            return [r._asdict() for r in rows]


@blp.route("/webhooks/<webhook_id>/deliveries/<delivery_id>/redeliver")
class Redeliver(MethodView):
    @requires(*HR)
    @blp.response(202, Delivery())
    def post(self, webhook_id, delivery_id):
        """Send a delivery again now (same webhook-id, so receivers can deduplicate)."""
        with progress().sessions.begin() as db:
            hook = _webhook(db, webhook_id)
            if hook.status != "active":
                raise Problem(409, "The endpoint is disabled; register it again to receive deliveries.")
            result = db.execute(
                update(webhook_deliveries)
                .where(webhook_deliveries.c.id == delivery_id, webhook_deliveries.c.webhook_id == webhook_id)
                .values(status="pending", next_attempt_at=datetime.now(UTC))
            )
            if result.rowcount != 1:
                raise Problem(404, f"No delivery {delivery_id} for this endpoint.")
            return (
                db.execute(select(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id))
                .one()
                ._asdict()
            )


def _webhook(db, webhook_id: str):
    row = db.execute(select(webhooks).where(webhooks.c.id == webhook_id)).first()
    if row is None:
        raise Problem(404, f"No webhook {webhook_id}.")
    return row
