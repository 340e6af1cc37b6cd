"""course ownership: an owner per course and its collaborators

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("courses") as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=200), nullable=True))
    # Existing courses belong to whoever created them; a course without a recorded creator
    # keeps owner NULL, which only admins may edit.
    op.execute("UPDATE courses SET owner = NULLIF(created_by, '')")
    op.create_table(
        "course_collaborators",
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("sub", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["course_id"], ["courses.id"]),
        sa.PrimaryKeyConstraint("course_id", "sub"),
    )


def downgrade() -> None:
    op.drop_table("course_collaborators")
    with op.batch_alter_table("courses") as batch_op:
        batch_op.drop_column("owner")
