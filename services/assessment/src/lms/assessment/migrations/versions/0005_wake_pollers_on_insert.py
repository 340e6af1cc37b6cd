"""assessment: the outbox wakes the relays as events commit

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 08:00:00
"""

from lms.kit.migrations import stop_waking_relays, wake_relays

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    wake_relays()


def downgrade() -> None:
    stop_waking_relays()
