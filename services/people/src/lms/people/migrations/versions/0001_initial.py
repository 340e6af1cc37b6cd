"""Users, teams and memberships of the directory; outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
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
        "users",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("user_name", sa.String(256), nullable=False),
        sa.Column("user_name_key", sa.String(256), nullable=False),
        sa.Column("external_id", sa.String(256)),
        sa.Column("employee_number", sa.String(256)),
        sa.Column("display_name", sa.String(512)),
        sa.Column("email", sa.String(512)),
        sa.Column("department", sa.String(512)),
        sa.Column("manager_id", sa.String(64)),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("resource", JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("user_name_key", name="uq_users_user_name_key"),
    )
    for column in ("external_id", "email", "manager_id", "updated_at", "display_name"):
        op.create_index(f"ix_users_{column}", "users", [column])
    op.create_table(
        "teams",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(512), nullable=False),
        sa.Column("external_id", sa.String(256)),
        sa.Column("manager_id", sa.String(64)),
        sa.Column("resource", JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_teams"),
    )
    op.create_index("ix_teams_external_id", "teams", ["external_id"])
    op.create_index("ix_teams_updated_at", "teams", ["updated_at"])
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("display", sa.String(512)),
        sa.PrimaryKeyConstraint("team_id", "user_id", name="pk_team_members"),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name="fk_team_members_team_id_teams", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_team_members_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_team_members_user_id", "team_members", ["user_id"])


def downgrade() -> None:
    op.drop_table("team_members")
    op.drop_table("teams")
    op.drop_table("users")
    drop_messaging_tables()
