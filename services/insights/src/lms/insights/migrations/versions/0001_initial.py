"""Teams, users, course modules, diagnostics, completions, needs analyses, anonymous survey
responses, participations, KPI metrics, values and history; outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from lms.kit.db import UtcDateTime
from lms.kit.migrations import create_messaging_tables, drop_messaging_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = UtcDateTime()


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "completions",
        sa.Column("learner_id", sa.String(length=256), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("completed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("learner_id", "course_id", name=op.f("pk_completions")),
    )
    op.create_table(
        "course_modules",
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("module_id", sa.String(length=64), nullable=False),
        sa.Column("course_slug", sa.String(length=200), nullable=False),
        sa.Column("course_version", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("competencies", JSON, nullable=False),
        sa.PrimaryKeyConstraint("course_id", "module_id", name=op.f("pk_course_modules")),
    )
    op.create_table(
        "diagnostics",
        sa.Column("learner_id", sa.String(length=256), nullable=False),
        sa.Column("competency", sa.String(length=200), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("completed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("learner_id", "competency", name=op.f("pk_diagnostics")),
    )
    op.create_table(
        "kpi_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("recorded_by", sa.String(length=256), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.Column("superseded_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_history")),
    )
    op.create_index("ix_kpi_history_series", "kpi_history", ["team_id", "metric"], unique=False)
    op.create_table(
        "kpi_metrics",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column("declared_by", sa.String(length=256), nullable=False),
        sa.Column("declared_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_kpi_metrics")),
    )
    op.create_table(
        "kpi_values",
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("recorded_by", sa.String(length=256), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.PrimaryKeyConstraint(
            "team_id", "metric", "period_start", "period_end", name=op.f("pk_kpi_values")
        ),
    )
    op.create_table(
        "needs_analyses",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.String(length=64), nullable=False),
        sa.Column("leader_questionnaire_id", sa.String(length=64), nullable=True),
        sa.Column("opens_at", TS, nullable=False),
        sa.Column("closes_at", TS, nullable=False),
        sa.Column("invited", JSON, nullable=False),
        sa.Column("created_by", sa.String(length=256), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("closed_report", JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_analyses")),
    )
    op.create_index(op.f("ix_needs_analyses_team_id"), "needs_analyses", ["team_id"], unique=False)
    op.create_table(
        "participations",
        sa.Column("needs_analysis_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.String(length=256), nullable=False),
        sa.Column("survey_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("needs_analysis_id", "learner_id", name=op.f("pk_participations")),
    )
    op.create_table(
        "survey_responses",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("needs_analysis_id", sa.String(length=64), nullable=False),
        sa.Column("survey_id", sa.String(length=64), nullable=False),
        sa.Column("survey_version", sa.Integer(), nullable=True),
        sa.Column("scores", JSON, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_survey_responses")),
    )
    op.create_index(
        op.f("ix_survey_responses_needs_analysis_id"), "survey_responses", ["needs_analysis_id"], unique=False
    )
    op.create_table(
        "teams",
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=512), nullable=False),
        sa.Column("manager_learner_id", sa.String(length=256), nullable=True),
        sa.Column("members", JSON, nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_teams")),
    )
    op.create_table(
        "users",
        sa.Column("learner_id", sa.String(length=256), nullable=False),
        sa.Column("manager_learner_id", sa.String(length=256), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("learner_id", name=op.f("pk_users")),
    )


def downgrade() -> None:
    op.drop_table("users")
    op.drop_table("teams")
    op.drop_index(op.f("ix_survey_responses_needs_analysis_id"), table_name="survey_responses")
    op.drop_table("survey_responses")
    op.drop_table("participations")
    op.drop_index(op.f("ix_needs_analyses_team_id"), table_name="needs_analyses")
    op.drop_table("needs_analyses")
    op.drop_table("kpi_values")
    op.drop_table("kpi_metrics")
    op.drop_index("ix_kpi_history_series", table_name="kpi_history")
    op.drop_table("kpi_history")
    op.drop_table("diagnostics")
    op.drop_table("course_modules")
    op.drop_table("completions")
    drop_messaging_tables()
