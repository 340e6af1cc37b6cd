"""Tables of the people service (the kit's outbox and inbox tables live beside them).

Each resource keeps its whole SCIM document (`resource`, without `meta`) for faithful reads,
and copies of the attributes that filters, sorting and events use into indexed columns.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table

from lms.kit.db import Json, Timestamp, service_metadata

metadata = service_metadata()

users = Table(
    "users",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_name", String(256), nullable=False),
    Column("user_name_key", String(256), nullable=False, unique=True),  # case-folded: unique ignoring case
    Column("external_id", String(256), index=True),
    Column("employee_number", String(256)),
    Column("display_name", String(512)),
    Column("email", String(512), index=True),  # the primary (or first) address, case-folded
    Column("department", String(512)),
    Column("manager_id", String(64), index=True),  # no foreign key: a manager may leave first
    Column("active", Boolean, nullable=False),
    Column("resource", Json, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", Timestamp, nullable=False),
    Column("updated_at", Timestamp, nullable=False, index=True),
)

teams = Table(
    "teams",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("display_name", String(512), nullable=False),
    Column("external_id", String(256), index=True),
    Column("manager_id", String(64)),
    Column("resource", Json, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", Timestamp, nullable=False),
    Column("updated_at", Timestamp, nullable=False, index=True),
)

team_members = Table(
    "team_members",
    metadata,
    Column("team_id", String(64), ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("display", String(512)),  # as the client named the member; else their displayName
)
Index("ix_team_members_user_id", team_members.c.user_id)
Index("ix_users_display_name", users.c.display_name)
