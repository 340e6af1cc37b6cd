"""insights: leader invitees, reports frozen when the sealed responses arrive, diagnostic snapshots

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from lms.kit.db import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = UtcDateTime()


def upgrade() -> None:
    with op.batch_alter_table("needs_analyses") as batch:
        batch.add_column(sa.Column("leader_invitees", JSON))
        batch.add_column(sa.Column("reported_at", TS))
        batch.add_column(sa.Column("report_released", sa.Boolean))
    # an analysis closed before this revision already froze its report
    op.execute(
        "UPDATE needs_analyses SET reported_at = closed_at, report_released = FALSE "
        "WHERE closed_report IS NOT NULL"
    )
    op.create_table(
        "analysis_diagnostics",
        sa.Column("needs_analysis_id", sa.String(64), nullable=False),
        sa.Column("learner_id", sa.String(256), nullable=False),
        sa.Column("competency", sa.String(200), nullable=False),
        sa.Column("percent", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint(
            "needs_analysis_id", "learner_id", "competency", name="pk_analysis_diagnostics"
        ),
    )
    op.create_index("ix_analysis_diagnostics_learner_id", "analysis_diagnostics", ["learner_id"])


def downgrade() -> None:
    op.drop_index("ix_analysis_diagnostics_learner_id", "analysis_diagnostics")
    op.drop_table("analysis_diagnostics")
    with op.batch_alter_table("needs_analyses") as batch:
        for column in ("report_released", "reported_at", "leader_invitees"):
            batch.drop_column(column)
