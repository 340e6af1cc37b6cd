"""Webhook endpoints for HR systems (Standard Webhooks), their delivery log, redelivery."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from lms.kit.web import current_principal, requires
from lms.progress.hr_sync.api.schemas import Delivery, WebhookIn, WebhookOut, WebhookSummary
from lms.progress.hr_sync.service import webhooks
from lms.progress.web import context

blp = Blueprint("webhooks", __name__, description="Signed webhooks for HR systems")
HR = ("hr",)


@blp.route("/webhooks")
class Webhooks(MethodView):
    @requires(*HR)
    @blp.arguments(WebhookIn())
    @blp.response(201, WebhookOut())
    def post(self, body: dict[str, Any]) -> Any:
        """Register an endpoint for event types; the signing secret is returned once."""
        return webhooks.register(context(), current_principal(), body["url"], body["event_types"])

    @requires(*HR)
    @blp.response(200, WebhookSummary(many=True))
    def get(self) -> Any:
        """Registered endpoints (without their secrets)."""
        return webhooks.list_webhooks(context())


@blp.route("/webhooks/<webhook_id>")
class WebhookById(MethodView):
    @requires(*HR)
    @blp.response(204)
    def delete(self, webhook_id: str) -> None:
        """Remove an endpoint; its pending deliveries are cancelled."""
        webhooks.remove(context(), webhook_id)


@blp.route("/webhooks/<webhook_id>/deliveries")
class Deliveries(MethodView):
    @requires(*HR)
    @blp.response(200, Delivery(many=True))
    def get(self, webhook_id: str) -> Any:
        """The delivery log: status, attempts, last response."""
        return webhooks.deliveries(context(), webhook_id)


@blp.route("/webhooks/<webhook_id>/deliveries/<delivery_id>/redeliver")
class Redeliver(MethodView):
    @requires(*HR)
    @blp.response(202, Delivery())
    def post(self, webhook_id: str, delivery_id: str) -> Any:
        """Send a delivery again now (same webhook-id, so receivers can deduplicate)."""
        return webhooks.redeliver(context(), webhook_id, delivery_id)
