"""insights: each course's title, so the dashboard offers courses by name

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "courses",
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("course_id", name=op.f("pk_courses")),
    )
    op.execute(
        "INSERT INTO courses (course_id, slug, title, version) "
        "SELECT course_id, MIN(course_slug), NULL, MAX(course_version) FROM course_modules GROUP BY course_id"
    )


def downgrade() -> None:
    op.drop_table("courses")
