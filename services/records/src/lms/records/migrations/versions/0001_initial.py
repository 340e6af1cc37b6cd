"""Statements and their indexes, the sequence counter, activities, attachments, documents, forwarding;
outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from lms.kit.migrations import create_messaging_tables, drop_messaging_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
ROW_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    create_messaging_tables()
    _statements()
    op.create_table(
        "statement_sequence",
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_stored", TS, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_statement_sequence"),
    )
    counter = sa.table(
        "statement_sequence", sa.column("name"), sa.column("last_seq"), sa.column("last_stored")
    )
    op.bulk_insert(
        counter, [{"name": "statements", "last_seq": 0, "last_stored": datetime(2000, 1, 1, tzinfo=UTC)}]
    )
    op.create_table(
        "activities",
        sa.Column("activity_key", sa.String(64), nullable=False),
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("activity_key", name="pk_activities"),
    )
    op.create_table(
        "attachments",
        sa.Column("sha2", sa.String(128), nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("sha2", name="pk_attachments"),
    )
    _documents()
    op.create_table(
        "forwarding",
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("updated", TS, nullable=False),
        sa.PrimaryKeyConstraint("target", name="pk_forwarding"),
    )


def _statements() -> None:
    op.create_table(
        "statements",
        sa.Column("pk", ROW_ID, nullable=False, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger),
        sa.Column("stored", TS),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("verb_key", sa.String(64), nullable=False),
        sa.Column("registration", sa.String(36)),
        sa.Column("ref_target", sa.String(36)),
        sa.Column("voids", sa.String(36)),
        sa.Column("voided", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("pk", name="pk_statements"),
        sa.UniqueConstraint("id", name="uq_statements_id"),
        sa.UniqueConstraint("seq", name="uq_statements_seq"),
    )
    op.create_index("ix_statements_verb_key", "statements", ["verb_key", "seq"])
    op.create_index("ix_statements_registration", "statements", ["registration", "seq"])
    op.create_index("ix_statements_ref_target", "statements", ["ref_target"])
    op.create_index("ix_statements_voids", "statements", ["voids"])
    unsequenced = sa.text("seq IS NULL")
    op.create_index(
        "ix_statements_unsequenced",
        "statements",
        ["pk"],
        postgresql_where=unsequenced,
        sqlite_where=unsequenced,
    )
    for name, key in (("statement_agents", "agent_key"), ("statement_activities", "activity_key")):
        op.create_table(
            name,
            sa.Column(key, sa.String(64), nullable=False),
            sa.Column("relation", sa.String(8), nullable=False),
            sa.Column("statement_pk", ROW_ID, nullable=False),
            sa.PrimaryKeyConstraint(key, "relation", "statement_pk", name=f"pk_{name}"),
        )


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(64), nullable=False),
        sa.Column("document_id", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("etag", sa.String(40), nullable=False),
        sa.Column("updated", TS, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_documents"),
    )
    op.create_index("ix_documents_scope", "documents", ["scope"])


def downgrade() -> None:
    for table in (
        "forwarding",
        "documents",
        "attachments",
        "activities",
        "statement_sequence",
        "statement_activities",
        "statement_agents",
        "statements",
    ):
        op.drop_table(table)
    drop_messaging_tables()
