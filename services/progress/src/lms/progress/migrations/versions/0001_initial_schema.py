"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 10:15:54.389449
"""

import sqlalchemy as sa
from alembic import op

from lms.kit.migrations import create_messaging_tables, drop_messaging_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("attempt_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("assessment_id", sa.String(length=64), nullable=False),
        sa.Column("assessment_version", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("attempt_id"),
    )
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.create_index("ix_attempts_learner", ["learner_id", "assessment_id"], unique=False)

    op.create_table(
        "completions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("enrolment_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("learner_name", sa.String(length=300), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("course_title", sa.String(length=300), nullable=False),
        sa.Column("course_version", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("certificate_code", sa.String(length=64), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("feed_seq", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("certificate_code"),
        sa.UniqueConstraint("enrolment_id"),
        sa.UniqueConstraint("feed_seq"),
    )
    op.create_table(
        "course_versions",
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("structure", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("course_id", "version"),
    )
    op.create_table(
        "courses",
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("course_id"),
    )
    op.create_table(
        "enrolments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("learner_name", sa.String(length=300), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("course_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("assigned_by", sa.String(length=200), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("learner_id", "course_id", name="uq_enrolments_learner_course"),
    )
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.create_index("ix_enrolments_course", ["course_id"], unique=False)

    op.create_table(
        "feed_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "lesson_completions",
        sa.Column("enrolment_id", sa.String(length=64), nullable=False),
        sa.Column("lesson_id", sa.String(length=64), nullable=False),
        sa.Column("module_id", sa.String(length=64), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("enrolment_id", "lesson_id"),
    )
    op.create_table(
        "module_completions",
        sa.Column("enrolment_id", sa.String(length=64), nullable=False),
        sa.Column("module_id", sa.String(length=64), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("attempt_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("enrolment_id", "module_id"),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("webhook_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("webhook_id", "event_id", name="uq_deliveries_webhook_event"),
    )
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_deliveries_due", ["status", "next_attempt_at"], unique=False)

    op.create_table(
        "webhooks",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("event_types", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "xapi_statements",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.JSON(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("feed_seq", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("feed_seq"),
    )

    create_messaging_tables()  # the kit's outbox, lanes and inbox


def downgrade() -> None:
    drop_messaging_tables()

    op.drop_table("xapi_statements")
    op.drop_table("webhooks")
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_due")

    op.drop_table("webhook_deliveries")
    op.drop_table("module_completions")
    op.drop_table("lesson_completions")
    op.drop_table("feed_counters")
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_index("ix_enrolments_course")

    op.drop_table("enrolments")
    op.drop_table("courses")
    op.drop_table("course_versions")
    op.drop_table("completions")
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_attempts_learner")

    op.drop_table("attempts")
