"""Webhook endpoints for HR systems (Standard Webhooks): register, list, remove, log, redeliver."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from lms.contracts import default_registry
from lms.kit.auth import Principal
from lms.kit.safehttp import Reason
from lms.progress.context import Context
from lms.progress.db import webhook_deliveries, webhooks
from lms.progress.errors import Conflict, Invalid, NotFound
from lms.progress.hr_sync.domain.webhooks import new_secret

TARGET_REFUSALS = {
    Reason.ADDRESS_NOT_ALLOWED: "its address is not public (private, loopback, link-local, shared, reserved)",
    Reason.DNS_FAILED: "its host name does not resolve",
    Reason.TIMEOUT: "its host name did not resolve in time",
    Reason.INVALID_URL: "not an http(s) URL with a host name",
}


def register(ctx: Context, principal: Principal, url: str, event_types: list[str]) -> dict[str, Any]:
    """A new endpoint for `event_types`; its signing secret is in this answer only."""
    known = set(default_registry().types())
    unknown = [t for t in event_types if t not in known]
    if unknown:
        raise Invalid("Unknown event types.", errors={"event_types": [f"unknown: {t}" for t in unknown]})
    reason = ctx.outbound.refusal(url)
    if reason:
        detail = "Webhook targets must be public addresses (loopback only with LMS_ENV=dev)."
        raise Invalid(detail, errors={"url": [TARGET_REFUSALS.get(reason, reason.value)]})
    row = {
        "id": str(uuid.uuid4()),
        "url": url,
        "event_types": event_types,
        "secret": new_secret(),
        "status": "active",
        "created_by": principal.sub,
        "created_at": datetime.now(UTC),
    }
    with ctx.uow() as uow:
        uow.session.execute(insert(webhooks).values(**row))
        uow.commit()
    return row


def list_webhooks(ctx: Context) -> list[dict[str, Any]]:
    """Registered endpoints, oldest first (the API leaves the secrets out)."""
    with ctx.sessions() as session:
        return [r._asdict() for r in session.execute(select(webhooks).order_by(webhooks.c.created_at))]


def remove(ctx: Context, webhook_id: str) -> None:
    """Forget an endpoint; what was pending for it is cancelled."""
    with ctx.uow() as uow:
        _webhook(uow.session, webhook_id)
        cancel_pending(uow.session, webhook_id)
        uow.session.execute(webhooks.delete().where(webhooks.c.id == webhook_id))
        uow.commit()


def cancel_pending(session: Session, webhook_id: str) -> None:
    """The one rule for an endpoint that will receive nothing more: its pending deliveries stop."""
    session.execute(
        update(webhook_deliveries)
        .where(webhook_deliveries.c.webhook_id == webhook_id, webhook_deliveries.c.status == "pending")
        .values(status="cancelled", next_attempt_at=None)
    )


def deliveries(ctx: Context, webhook_id: str) -> list[dict[str, Any]]:
    """The delivery log of an endpoint: status, attempts, last response."""
    with ctx.sessions() as session:
        _webhook(session, webhook_id)
        rows = session.execute(
            select(webhook_deliveries)
            .where(webhook_deliveries.c.webhook_id == webhook_id)
            .order_by(webhook_deliveries.c.created_at, webhook_deliveries.c.id)
        )
        return [r._asdict() for r in rows]


def redeliver(ctx: Context, webhook_id: str, delivery_id: str) -> dict[str, Any]:
    """Send a delivery again now (same webhook-id, so receivers can deduplicate)."""
    with ctx.uow() as uow:
        session = uow.session
        if _webhook(session, webhook_id).status != "active":
            raise Conflict("The endpoint is disabled; register it again to receive deliveries.")
        result = session.execute(
            update(webhook_deliveries)
            .where(webhook_deliveries.c.id == delivery_id, webhook_deliveries.c.webhook_id == webhook_id)
            .values(status="pending", next_attempt_at=datetime.now(UTC))
        )
        if result.rowcount != 1:
            raise NotFound(f"No delivery {delivery_id} for this endpoint.")
        delivery = (
            session.execute(select(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id))
            .one()
            ._asdict()
        )
        uow.commit()
    return delivery


def _webhook(session: Session, webhook_id: str) -> Row[Any]:
    row = session.execute(select(webhooks).where(webhooks.c.id == webhook_id)).first()
    if row is None:
        raise NotFound(f"No webhook {webhook_id}.")
    return row
