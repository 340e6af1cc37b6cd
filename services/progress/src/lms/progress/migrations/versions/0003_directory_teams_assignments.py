"""directory teams and assignments

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 17:18:58.023531
"""

import sqlalchemy as sa
from alembic import op

import lms.kit.db

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("completions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=256), nullable=True))
        batch_op.add_column(sa.Column("employee_number", sa.String(length=256), nullable=True))
    op.create_table(
        "assigned_learners",
        sa.Column("assignment_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("enrolment_id", sa.String(length=64), nullable=True),
        sa.Column("due_at", lms.kit.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("assigned_at", lms.kit.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("closed_at", lms.kit.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("closed_reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("assignment_id", "learner_id"),
    )
    with op.batch_alter_table("assigned_learners", schema=None) as batch_op:
        batch_op.create_index("ix_assigned_learners_learner", ["learner_id", "status"], unique=False)

    op.create_table(
        "assignments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=True),
        sa.Column("due_at", lms.kit.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("due_in_days", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", lms.kit.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index("ix_assignments_team", ["team_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=512), nullable=True),
        sa.Column("external_id", sa.String(length=256), nullable=True),
        sa.Column("employee_number", sa.String(length=256), nullable=True),
        sa.Column("manager_learner_id", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", lms.kit.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("learner_id"),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_manager", ["manager_learner_id"], unique=False)

    op.create_table(
        "team_members",
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "learner_id"),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index("ix_team_members_learner", ["learner_id"], unique=False)

    op.create_table(
        "teams",
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=512), nullable=False),
        sa.Column("external_id", sa.String(length=256), nullable=True),
        sa.Column("manager_learner_id", sa.String(length=200), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", lms.kit.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id"),
    )


def downgrade() -> None:
    with op.batch_alter_table("completions", schema=None) as batch_op:
        batch_op.drop_column("employee_number")
        batch_op.drop_column("external_id")
    op.drop_table("teams")
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index("ix_team_members_learner")

    op.drop_table("team_members")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_manager")

    op.drop_table("people")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_team")

    op.drop_table("assignments")
    with op.batch_alter_table("assigned_learners", schema=None) as batch_op:
        batch_op.drop_index("ix_assigned_learners_learner")

    op.drop_table("assigned_learners")
