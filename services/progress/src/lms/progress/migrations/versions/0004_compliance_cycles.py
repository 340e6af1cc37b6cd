"""compliance: assignment policies, enrolment cycles, cycles and their notices

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 18:05:00
"""

import sqlalchemy as sa
from alembic import op

import lms.kit.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

When = lms.kit.db.UtcDateTime


def upgrade() -> None:
    with op.batch_alter_table("assignments") as table:
        for name in ("recertify_every_days", "window_days", "grace_days", "escalate_after_days"):
            table.add_column(sa.Column(name, sa.Integer(), nullable=True))
        table.add_column(sa.Column("remind_before_days", sa.JSON(), nullable=True))
    with op.batch_alter_table("enrolments") as table:
        table.add_column(sa.Column("cycle", sa.Integer(), nullable=False, server_default="1"))
        table.drop_constraint("uq_enrolments_learner_course", type_="unique")
        table.create_unique_constraint(
            "uq_enrolments_learner_course_cycle", ["learner_id", "course_id", "cycle"]
        )
    with op.batch_alter_table("completions") as table:
        table.add_column(sa.Column("cycle", sa.Integer(), nullable=False, server_default="1"))
    _create_cycles()
    _create_notices()


def _create_cycles() -> None:
    op.create_table(
        "cycles",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("assignment_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=200), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("enrolment_id", sa.String(length=64), nullable=True),
        sa.Column("opened_at", When(timezone=True), nullable=False),
        sa.Column("due_at", When(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("completed_at", When(timezone=True), nullable=True),
        sa.Column("valid_until", When(timezone=True), nullable=True),
        sa.Column("course_version", sa.Integer(), nullable=True),
        sa.Column("certificate_code", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "assignment_id", "learner_id", "cycle", name="uq_cycles_assignment_learner_cycle"
        ),
    )
    op.create_index("ix_cycles_enrolment", "cycles", ["enrolment_id"])
    op.create_index("ix_cycles_learner", "cycles", ["learner_id"])


def _create_notices() -> None:
    op.create_table(
        "notices",
        sa.Column("cycle_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("offset_days", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fire_at", When(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("settled_at", When(timezone=True), nullable=True),
        sa.Column("event_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("cycle_id", "kind", "offset_days"),
    )
    op.create_index("ix_notices_due", "notices", ["state", "fire_at"])


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_table("cycles")
    with op.batch_alter_table("completions") as table:
        table.drop_column("cycle")
    with op.batch_alter_table("enrolments") as table:
        table.drop_constraint("uq_enrolments_learner_course_cycle", type_="unique")
        table.create_unique_constraint("uq_enrolments_learner_course", ["learner_id", "course_id"])
        table.drop_column("cycle")
    with op.batch_alter_table("assignments") as table:
        for name in ("recertify_every_days", "window_days", "grace_days", "escalate_after_days"):
            table.drop_column(name)
        table.drop_column("remind_before_days")
