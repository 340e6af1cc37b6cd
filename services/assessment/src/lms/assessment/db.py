"""Tables of the assessment service (the kit's outbox and inbox tables live beside them)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from lms.kit.db import Json, Timestamp, service_metadata

metadata = service_metadata()

assessments = Table(
    "assessments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("slug", String(200), nullable=False, unique=True),
    Column("draft", Json, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("latest_version", Integer),
    Column("created_by", String(200), nullable=False),
    Column("created_at", Timestamp, nullable=False),
    Column("updated_at", Timestamp, nullable=False),
    Column("owner", String(200), nullable=False),  # edits, publishes, reads keys, shares
)

# Authors the owner shares an assessment with: they edit, publish and read keys too.
assessment_collaborators = Table(
    "assessment_collaborators",
    metadata,
    Column("assessment_id", String(64), ForeignKey("assessments.id"), primary_key=True),
    Column("sub", String(200), primary_key=True),
    Column("added_by", String(200), nullable=False),
    Column("added_at", Timestamp, nullable=False),
)

assessment_versions = Table(
    "assessment_versions",
    metadata,
    Column("assessment_id", String(64), ForeignKey("assessments.id"), primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("definition", Json, nullable=False),
    Column("max_score", Float, nullable=False),
    Column("published_by", String(200), nullable=False),
    Column("published_at", Timestamp, nullable=False),
)

attempts = Table(
    "attempts",
    metadata,
    Column("id", String(64), primary_key=True),
    # No foreign key: attempts are inserted by selecting the assessment row (so it exists), and
    # the key's lock on that one hot row would serialise every concurrent start.
    Column("assessment_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("learner_id", String(200), nullable=False),
    Column("attempt_no", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # in_progress | awaiting_review | graded | responded
    Column("item_order", Json),  # None: the definition's order
    Column("started_at", Timestamp, nullable=False),
    Column("expires_at", Timestamp),
    Column("submitted_at", Timestamp),
    Column("graded_at", Timestamp),
    Column("responses", Json),  # as submitted (reflections included: never leaves the service)
    Column("result", Json),  # per-item results, competency scores, recommendations
    Column("score", Float),
    Column("max_score", Float),
    Column("percent", Float),
    Column("passed", Boolean),
    Column("needs_analysis_id", String(64)),  # surveys: the needs analysis the response belongs to
    UniqueConstraint("assessment_id", "learner_id", "attempt_no", name="uq_attempts_learner_attempt_no"),
    # One response per learner and needs analysis (NULLs never collide: other attempts are free).
    UniqueConstraint("assessment_id", "learner_id", "needs_analysis_id", name="uq_attempts_needs_analysis"),
)
# The unique (assessment, learner, number) index also serves every lookup of attempts by
# assessment and learner; no other index, so a start and a submit write as few as possible.

reviews = Table(
    "reviews",
    metadata,
    Column("attempt_id", String(64), ForeignKey("attempts.id"), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("reviewer_id", String(200), nullable=False),
    Column("score", Float, nullable=False),
    Column("comment", Text),
    Column("created_at", Timestamp, nullable=False),
)

# Free text of survey responses, detached from the person: no learner, no time, a random id.
# No endpoint reads it and no event carries it.
survey_comments = Table(
    "survey_comments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("survey_id", String(64), nullable=False),
    Column("survey_version", Integer, nullable=False),
    Column("needs_analysis_id", String(64)),
    Column("item_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
)

# Needs analyses as insights announced them (`needs_analysis.opened`/`closed`): who may answer
# which survey, until when, and whether the sealed responses have left (decision 0054).
needs_analyses = Table(
    "needs_analyses",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("opens_at", Timestamp, nullable=False),
    Column("closes_at", Timestamp, nullable=False),
    Column("announced", Boolean, nullable=False),  # the whole invitation list arrived (not just one, read)
    Column("released_at", Timestamp),  # closed: the sealed responses left, once; no response after
)

# Per analysis and survey: the version every response answers (the latest at the first start).
analysis_surveys = Table(
    "analysis_surveys",
    metadata,
    Column("needs_analysis_id", String(64), primary_key=True),
    Column("survey_id", String(64), primary_key=True),
    Column("version", Integer),
)

analysis_invitees = Table(
    "analysis_invitees",
    metadata,
    Column("needs_analysis_id", String(64), primary_key=True),
    Column("survey_id", String(64), primary_key=True),
    Column("learner_id", String(200), primary_key=True),
)

# Survey responses kept until their analysis closes: the scores alone, under a random id. No
# attempt, learner, version or time, so nothing here pairs a row with the attempt that sealed it.
sealed_responses = Table(
    "sealed_responses",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("needs_analysis_id", String(64), nullable=False, index=True),
    Column("survey_id", String(64), nullable=False),
    Column("scores", Json, nullable=False),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("owner", String(200), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("attempt_id", String(64), nullable=False),  # the response is rebuilt from the attempt
    Column("created_at", Timestamp, nullable=False),
)

courses = Table(
    "courses",
    metadata,
    Column("course_id", String(64), primary_key=True),
    Column("latest_version", Integer, nullable=False),
    Column("retired_at", Timestamp),
)

course_modules = Table(
    "course_modules",
    metadata,
    Column("course_id", String(64), primary_key=True),
    Column("course_version", Integer, primary_key=True, autoincrement=False),
    Column("module_id", String(64), primary_key=True),
    Column("title", String(500), nullable=False),
    Column("position", Integer, nullable=False),
    Column("competencies", Json, nullable=False),
    Column("assessment_id", String(64)),
)


# Diagnostics graded lately with weak competencies: a course published just before them whose
# event arrives after them makes their recommendations be computed again (decision 0038).
recent_diagnostics = Table(
    "recent_diagnostics",
    metadata,
    Column("attempt_id", String(64), primary_key=True),
    Column("graded_at", Timestamp, nullable=False, index=True),
    Column("weak", Json, nullable=False),  # competencies below the threshold, weakest first
)


def iso(moment: datetime | None) -> str | None:
    """RFC 3339 UTC with a `Z`."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None
