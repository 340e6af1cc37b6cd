"""progress: the outbox and the webhook deliveries wake their pollers as rows commit

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 08:00:00
"""

from alembic import op

from lms.kit.migrations import stop_waking_relays, wake_relays
from lms.kit.wakeup import stop_waking_on_insert, wake_on_insert

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    wake_relays()
    wake_on_insert(op.get_bind(), "webhook_deliveries", "lms_webhook_deliveries")


def downgrade() -> None:
    stop_waking_on_insert(op.get_bind(), "webhook_deliveries")
    stop_waking_relays()
