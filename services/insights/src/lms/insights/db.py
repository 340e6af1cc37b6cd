"""Tables of the insights service (the kit's outbox and inbox tables live beside them).

Survey responses are stored as the release delivers them: anonymous, scores per measured tag,
no learner, no time, no order. Who took part is stored apart, with no answers, only to count it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from lms.kit.db import Json, Timestamp, service_metadata

metadata = service_metadata()

teams = Table(
    "teams",
    metadata,
    Column("team_id", String(64), primary_key=True),
    Column("display_name", String(512), nullable=False),
    Column("manager_learner_id", String(256)),
    Column("members", Json, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("changed_at", Timestamp, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("learner_id", String(256), primary_key=True),
    Column("manager_learner_id", String(256)),
    Column("active", Boolean, nullable=False),
    Column("changed_at", Timestamp, nullable=False),
)

courses = Table(
    "courses",
    metadata,
    Column("course_id", String(64), primary_key=True),
    Column("slug", String(200), nullable=False),
    Column("title", Text),  # none for a course known before titles were kept, until it is published again
    Column("version", Integer, nullable=False),
)

course_modules = Table(
    "course_modules",
    metadata,
    Column("course_id", String(64), primary_key=True),
    Column("module_id", String(64), primary_key=True),
    Column("course_slug", String(200), nullable=False),
    Column("course_version", Integer, nullable=False),
    Column("key", String(200)),
    Column("title", String(500), nullable=False),
    Column("position", Integer, nullable=False),
    Column("competencies", Json, nullable=False),
)

diagnostics = Table(
    "diagnostics",
    metadata,
    Column("learner_id", String(256), primary_key=True),
    Column("competency", String(200), primary_key=True),
    Column("percent", Float, nullable=False),
    Column("completed_at", Timestamp, nullable=False),
)

completions = Table(
    "completions",
    metadata,
    Column("learner_id", String(256), primary_key=True),
    Column("course_id", String(64), primary_key=True),
    Column("completed_at", Timestamp, nullable=False),
)

needs_analyses = Table(
    "needs_analyses",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("team_id", String(64), nullable=False, index=True),
    Column("survey_id", String(64), nullable=False),
    Column("leader_questionnaire_id", String(64)),
    Column("opens_at", Timestamp, nullable=False),
    Column("closes_at", Timestamp, nullable=False),
    Column("invited", Json, nullable=False),  # the team's members when it was created
    Column("leader_invitees", Json),  # who answers the leader questionnaire (fixed at opening too)
    Column("created_by", String(256), nullable=False),
    Column("created_at", Timestamp, nullable=False),
    Column("closed_at", Timestamp),
    Column("closed_report", Json),  # the report, frozen once the sealed responses arrived
    Column("reported_at", Timestamp),
    Column("report_released", Boolean),  # the frozen report shows aggregates (not withheld)
)

# Each invitee's latest diagnostic results when the analysis closed: its report is computed from
# this snapshot, and compared with earlier released reports before it is shown (decision 0056).
analysis_diagnostics = Table(
    "analysis_diagnostics",
    metadata,
    Column("needs_analysis_id", String(64), primary_key=True),
    Column("learner_id", String(256), primary_key=True, index=True),
    Column("competency", String(200), primary_key=True),
    Column("percent", Float, nullable=False),
)

survey_responses = Table(
    "survey_responses",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("needs_analysis_id", String(64), nullable=False, index=True),
    Column("survey_id", String(64), nullable=False),
    Column("survey_version", Integer),
    Column("scores", Json, nullable=False),  # measured tag -> 0..1
)

participations = Table(
    "participations",
    metadata,
    Column("needs_analysis_id", String(64), primary_key=True),
    Column("learner_id", String(256), primary_key=True),
    Column("survey_id", String(64), nullable=False),
)

kpi_metrics = Table(
    "kpi_metrics",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("description", String(500), nullable=False),
    Column("unit", String(40), nullable=False),
    Column("higher_is_better", Boolean, nullable=False),
    Column("declared_by", String(256), nullable=False),
    Column("declared_at", Timestamp, nullable=False),
)

kpi_values = Table(
    "kpi_values",
    metadata,
    Column("team_id", String(64), primary_key=True),
    Column("metric", String(64), primary_key=True),
    Column("period_start", Date, primary_key=True),
    Column("period_end", Date, primary_key=True),
    Column("value", Float, nullable=False),
    Column("recorded_by", String(256), nullable=False),
    Column("recorded_at", Timestamp, nullable=False),
)

kpi_history = Table(
    "kpi_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(64), nullable=False),
    Column("metric", String(64), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("value", Float, nullable=False),
    Column("recorded_by", String(256), nullable=False),
    Column("recorded_at", Timestamp, nullable=False),
    Column("superseded_at", Timestamp, nullable=False),
)
Index("ix_kpi_history_series", kpi_history.c.team_id, kpi_history.c.metric)


def iso(moment: datetime | None) -> str | None:
    """RFC 3339 UTC with a `Z`."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None
