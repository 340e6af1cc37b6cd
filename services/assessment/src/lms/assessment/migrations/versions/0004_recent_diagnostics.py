"""Recent diagnostics: recommendations are computed again when a course's event arrives late.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recent_diagnostics",
        sa.Column("attempt_id", sa.String(64), nullable=False),
        sa.Column("graded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("weak", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", name="pk_recent_diagnostics"),
    )
    op.create_index("ix_recent_diagnostics_graded_at", "recent_diagnostics", ["graded_at"])


def downgrade() -> None:
    op.drop_index("ix_recent_diagnostics_graded_at", table_name="recent_diagnostics")
    op.drop_table("recent_diagnostics")
