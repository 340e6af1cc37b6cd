"""cmi5: courses, enrolments, registrations, AU progress, satisfied objects, launch sessions

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
FALSE = sa.false()


def upgrade() -> None:
    op.create_table(
        "cmi5_courses",
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("module_id", sa.String(64), nullable=False),
        sa.Column("structure", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("course_id", "version", "module_id", name="pk_cmi5_courses"),
    )
    op.create_table(
        "cmi5_enrolments",
        sa.Column("enrolment_id", sa.String(64), nullable=False),
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("course_version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("enrolment_id", name="pk_cmi5_enrolments"),
    )
    op.create_table(
        "cmi5_registrations",
        sa.Column("registration", sa.String(36), nullable=False),
        sa.Column("module_id", sa.String(64), nullable=False),
        sa.Column("created", TS, nullable=False),
        sa.PrimaryKeyConstraint("registration", "module_id", name="pk_cmi5_registrations"),
    )
    op.create_table(
        "cmi5_aus",
        sa.Column("registration", sa.String(36), nullable=False),
        sa.Column("lesson_id", sa.String(64), nullable=False),
        sa.Column("completed", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("passed", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("waived", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("satisfied", TS),
        sa.PrimaryKeyConstraint("registration", "lesson_id", name="pk_cmi5_aus"),
    )
    op.create_table(
        "cmi5_satisfied",
        sa.Column("registration", sa.String(36), nullable=False),
        sa.Column("object_key", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("registration", "object_key", name="pk_cmi5_satisfied"),
    )
    op.create_table(
        "cmi5_sessions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("registration", sa.String(36), nullable=False),
        sa.Column("enrolment_id", sa.String(64), nullable=False),
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("course_version", sa.Integer, nullable=False),
        sa.Column("module_id", sa.String(64), nullable=False),
        sa.Column("lesson_id", sa.String(64), nullable=False),
        sa.Column("launch_mode", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("fetch_digest", sa.String(64), nullable=False),
        sa.Column("token_digest", sa.String(64)),
        sa.Column("initialized", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("prefs_read", sa.Boolean, nullable=False, server_default=FALSE),
        sa.Column("verbs", sa.Text, nullable=False, server_default=""),
        sa.Column("launched", TS, nullable=False),
        sa.Column("last_statement", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cmi5_sessions"),
    )
    op.create_index("ix_cmi5_sessions_registration", "cmi5_sessions", ["registration", "state"])


def downgrade() -> None:
    op.drop_index("ix_cmi5_sessions_registration", "cmi5_sessions")
    for table in (
        "cmi5_sessions",
        "cmi5_satisfied",
        "cmi5_aus",
        "cmi5_registrations",
        "cmi5_enrolments",
        "cmi5_courses",
    ):
        op.drop_table(table)
