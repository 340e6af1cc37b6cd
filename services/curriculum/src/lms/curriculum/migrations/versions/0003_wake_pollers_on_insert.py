"""the outbox wakes the relays when events commit

A statement-level trigger notifies the pollers' channel (PostgreSQL only; see lms.kit.wakeup),
so a writing transaction no longer sends its own pg_notify.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 08:00:00
"""

from alembic import op

from lms.kit.wakeup import stop_waking_on_insert, wake_on_insert

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    wake_on_insert(op.get_bind(), "outbox", "lms_outbox")  # lms.kit.messaging.OUTBOX_CHANNEL


def downgrade() -> None:
    stop_waking_on_insert(op.get_bind(), "outbox")
