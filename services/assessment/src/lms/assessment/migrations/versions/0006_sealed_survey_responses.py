"""assessment: needs analyses, their invitees and surveys' pinned versions, sealed responses

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "needs_analyses",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("opens_at", TS, nullable=False),
        sa.Column("closes_at", TS, nullable=False),
        sa.Column("announced", sa.Boolean, nullable=False),
        sa.Column("released_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_needs_analyses"),
    )
    op.create_table(
        "analysis_surveys",
        sa.Column("needs_analysis_id", sa.String(64), nullable=False),
        sa.Column("survey_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer),
        sa.PrimaryKeyConstraint("needs_analysis_id", "survey_id", name="pk_analysis_surveys"),
    )
    op.create_table(
        "analysis_invitees",
        sa.Column("needs_analysis_id", sa.String(64), nullable=False),
        sa.Column("survey_id", sa.String(64), nullable=False),
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("needs_analysis_id", "survey_id", "learner_id", name="pk_analysis_invitees"),
    )
    op.create_table(
        "sealed_responses",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("needs_analysis_id", sa.String(64), nullable=False),
        sa.Column("survey_id", sa.String(64), nullable=False),
        sa.Column("scores", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sealed_responses"),
    )
    op.create_index("ix_sealed_responses_needs_analysis_id", "sealed_responses", ["needs_analysis_id"])


def downgrade() -> None:
    op.drop_index("ix_sealed_responses_needs_analysis_id", "sealed_responses")
    for table in ("sealed_responses", "analysis_invitees", "analysis_surveys", "needs_analyses"):
        op.drop_table(table)
