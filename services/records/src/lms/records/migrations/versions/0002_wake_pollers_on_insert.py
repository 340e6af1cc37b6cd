"""records: the outbox wakes the relays as events commit

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 15:00:00
"""

from lms.kit.migrations import stop_waking_relays, wake_relays

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    wake_relays()


def downgrade() -> None:
    stop_waking_relays()
