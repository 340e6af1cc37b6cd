"""Assessment ownership: an owner per assessment (its creator) and the authors it is shared with.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("owner", sa.String(200)))
    op.execute("UPDATE assessments SET owner = created_by")  # existing ones belong to their creator
    with op.batch_alter_table("assessments") as batch:
        batch.alter_column("owner", existing_type=sa.String(200), nullable=False)
    op.create_table(
        "assessment_collaborators",
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("sub", sa.String(200), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_assessment_collaborators_assessment_id_assessments",
        ),
        sa.PrimaryKeyConstraint("assessment_id", "sub", name="pk_assessment_collaborators"),
    )


def downgrade() -> None:
    op.drop_table("assessment_collaborators")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("owner")
