"""xAPI statements carry the columns an LRS query filters on

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("xapi_statements") as table:
        table.add_column(sa.Column("actor_name", sa.String(length=200), nullable=True))
        table.add_column(sa.Column("verb", sa.String(length=200), nullable=True))
        table.add_column(sa.Column("activity_id", sa.Text(), nullable=True))
        table.add_column(sa.Column("registration", sa.String(length=64), nullable=True))
    op.create_index("ix_xapi_statements_stored", "xapi_statements", ["stored_at", "id"])
    op.create_index("ix_xapi_statements_actor", "xapi_statements", ["actor_name"])


def downgrade() -> None:
    op.drop_index("ix_xapi_statements_actor", table_name="xapi_statements")
    op.drop_index("ix_xapi_statements_stored", table_name="xapi_statements")
    with op.batch_alter_table("xapi_statements") as table:
        for column in ("registration", "activity_id", "verb", "actor_name"):
            table.drop_column(column)
