"""Assessments, versions, attempts, reviews, idempotency keys, course modules; outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2025-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from lms.kit.migrations import create_messaging_tables, drop_messaging_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("draft", JSON, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("latest_version", sa.Integer),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.UniqueConstraint("slug", name="uq_assessments_slug"),
    )
    op.create_table(
        "assessment_versions",
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("definition", JSON, nullable=False),
        sa.Column("max_score", sa.Float, nullable=False),
        sa.Column("published_by", sa.String(200), nullable=False),
        sa.Column("published_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "version", name="pk_assessment_versions"),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessments.id"], name="fk_assessment_versions_assessment_id_assessments"
        ),
    )
    _attempts()
    op.create_table(
        "reviews",
        sa.Column("attempt_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("reviewer_id", sa.String(200), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", "item_id", name="pk_reviews"),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], name="fk_reviews_attempt_id_attempts"),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("attempt_id", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("owner", "key", name="pk_idempotency_keys"),
    )
    _courses()


def _attempts() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.Column("attempt_no", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("item_order", JSON),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("expires_at", TS),
        sa.Column("submitted_at", TS),
        sa.Column("graded_at", TS),
        sa.Column("responses", JSON),
        sa.Column("result", JSON),
        sa.Column("score", sa.Float),
        sa.Column("max_score", sa.Float),
        sa.Column("percent", sa.Float),
        sa.Column("passed", sa.Boolean),
        sa.PrimaryKeyConstraint("id", name="pk_attempts"),
        sa.UniqueConstraint(
            "assessment_id", "learner_id", "attempt_no", name="uq_attempts_learner_attempt_no"
        ),
    )


def _courses() -> None:
    op.create_table(
        "courses",
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.Column("retired_at", TS),
        sa.PrimaryKeyConstraint("course_id", name="pk_courses"),
    )
    op.create_table(
        "course_modules",
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("course_version", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("module_id", sa.String(64), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("competencies", JSON, nullable=False),
        sa.Column("assessment_id", sa.String(64)),
        sa.PrimaryKeyConstraint("course_id", "course_version", "module_id", name="pk_course_modules"),
    )


def downgrade() -> None:
    for table in ("course_modules", "courses", "idempotency_keys", "reviews", "attempts"):
        op.drop_table(table)
    op.drop_table("assessment_versions")
    op.drop_table("assessments")
    drop_messaging_tables()
