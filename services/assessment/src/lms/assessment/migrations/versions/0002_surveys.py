"""Surveys: an attempt's needs analysis (one response per learner and analysis), detached comments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("needs_analysis_id", sa.String(64)))
        batch.create_unique_constraint(
            "uq_attempts_needs_analysis", ["assessment_id", "learner_id", "needs_analysis_id"]
        )
    op.create_table(
        "survey_comments",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("survey_id", sa.String(64), nullable=False),
        sa.Column("survey_version", sa.Integer, nullable=False),
        sa.Column("needs_analysis_id", sa.String(64)),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_survey_comments"),
    )


def downgrade() -> None:
    op.drop_table("survey_comments")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_constraint("uq_attempts_needs_analysis", type_="unique")
        batch.drop_column("needs_analysis_id")
