"""Progress tables: copies of course versions, enrolments and evidence, completions, HR sync."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from lms.kit.db import UtcDateTime

metadata = MetaData()
Id = lambda: String(64)  # noqa: E731

# -- event-carried state from curriculum ------------------------------------------------
course_versions = Table(
    "course_versions",
    metadata,
    Column("course_id", Id(), primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("slug", String(120), nullable=False),
    Column("title", String(300), nullable=False),
    Column("structure", JSON, nullable=False),  # modules -> lessons, as in course.published
    Column("published_at", UtcDateTime(), nullable=False),
)
courses = Table(
    "courses",
    metadata,
    Column("course_id", Id(), primary_key=True),
    Column("latest_version", Integer, nullable=False),
    Column("title", String(300), nullable=False),
    Column("retired_at", UtcDateTime()),
)

# -- evidence from assessment -------------------------------------------------------------
attempts = Table(
    "attempts",
    metadata,
    Column("attempt_id", Id(), primary_key=True),
    Column("learner_id", String(200), nullable=False),
    Column("assessment_id", Id(), nullable=False),
    Column("assessment_version", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("max_score", Float, nullable=False),
    Column("percent", Float, nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("submitted_at", UtcDateTime(), nullable=False),
)
Index("ix_attempts_learner", attempts.c.learner_id, attempts.c.assessment_id)

# -- enrolments and their progress ------------------------------------------------------
enrolments = Table(
    "enrolments",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("learner_id", String(200), nullable=False),
    Column("learner_name", String(300), nullable=False),
    Column("course_id", Id(), nullable=False),
    Column("course_version", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # active | completed
    Column("percent", Float, nullable=False),
    Column("enrolled_at", UtcDateTime(), nullable=False),
    Column("due_at", UtcDateTime()),
    Column("assigned_by", String(200)),
    Column("completed_at", UtcDateTime()),
    Column("cycle", Integer, nullable=False, server_default="1"),  # 2, 3, ...: recertifications
    UniqueConstraint("learner_id", "course_id", "cycle", name="uq_enrolments_learner_course_cycle"),
)
Index("ix_enrolments_course", enrolments.c.course_id)
lesson_completions = Table(
    "lesson_completions",
    metadata,
    Column("enrolment_id", Id(), primary_key=True),
    Column("lesson_id", Id(), primary_key=True),
    Column("module_id", Id(), nullable=False),
    Column("completed_at", UtcDateTime(), nullable=False),
)
module_completions = Table(
    "module_completions",
    metadata,
    Column("enrolment_id", Id(), primary_key=True),
    Column("module_id", Id(), primary_key=True),
    Column("completed_at", UtcDateTime(), nullable=False),
    Column("score", Float),
    Column("attempt_id", Id()),
)

# -- completions: the HR feed ---------------------------------------------------------------
completions = Table(
    "completions",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("enrolment_id", Id(), nullable=False, unique=True),
    Column("learner_id", String(200), nullable=False),
    Column("learner_name", String(300), nullable=False),
    Column("course_id", Id(), nullable=False),
    Column("course_title", String(300), nullable=False),
    Column("course_version", Integer, nullable=False),
    Column("completed_at", UtcDateTime(), nullable=False),
    Column("score", Float),
    Column("certificate_code", String(64), nullable=False, unique=True),
    Column("external_id", String(256)),  # the learner's HR ids when the directory knew them
    Column("employee_number", String(256)),
    Column("evidence", JSON, nullable=False),
    Column("event_id", Id(), nullable=False),
    Column("feed_seq", BigInteger, unique=True),  # assigned after commit by the sequencer
    Column("cycle", Integer, nullable=False, server_default="1"),
)
xapi_statements = Table(
    "xapi_statements",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("statement", JSON, nullable=False),
    Column("stored_at", UtcDateTime(), nullable=False),
    Column("feed_seq", BigInteger, unique=True),
    Column("actor_name", String(200)),  # the actor's account name: what `agent=` filters on
    Column("verb", String(200)),
    Column("activity_id", Text),
    Column("registration", String(64)),
)
Index("ix_xapi_statements_stored", xapi_statements.c.stored_at, xapi_statements.c.id)
Index("ix_xapi_statements_actor", xapi_statements.c.actor_name)
feed_counters = Table(
    "feed_counters",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# -- webhooks -------------------------------------------------------------------------------
webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("url", Text, nullable=False),
    Column("event_types", JSON, nullable=False),
    Column("secret", String(100), nullable=False),
    Column("status", String(16), nullable=False),  # active | disabled
    Column("disabled_reason", Text),
    Column("created_by", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("webhook_id", Id(), nullable=False),
    Column("event_id", Id(), nullable=False),
    Column("event_type", String(200), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending | delivered | failed | cancelled
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UtcDateTime()),
    Column("last_status_code", Integer),
    Column("last_error", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("delivered_at", UtcDateTime()),
    UniqueConstraint("webhook_id", "event_id", name="uq_deliveries_webhook_event"),
)
Index("ix_deliveries_due", webhook_deliveries.c.status, webhook_deliveries.c.next_attempt_at)

# -- the directory, from the people service's events -----------------------------------------
people = Table(
    "people",
    metadata,
    Column("learner_id", String(200), primary_key=True),  # the token subject (SCIM userName)
    Column("user_id", Id(), nullable=False),
    Column("display_name", String(512)),
    Column("external_id", String(256)),
    Column("employee_number", String(256)),
    Column("manager_learner_id", String(200)),
    Column("active", Boolean, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)
Index("ix_people_manager", people.c.manager_learner_id)
teams = Table(
    "teams",
    metadata,
    Column("team_id", Id(), primary_key=True),
    Column("display_name", String(512), nullable=False),
    Column("external_id", String(256)),
    Column("manager_learner_id", String(200)),
    Column("deleted", Boolean, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)
team_members = Table(
    "team_members",
    metadata,
    Column("team_id", Id(), primary_key=True),
    Column("learner_id", String(200), primary_key=True),
)
Index("ix_team_members_learner", team_members.c.learner_id)

# -- assignments: a course given to a team or to named learners --------------------------------
assignments = Table(
    "assignments",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("course_id", Id(), nullable=False),
    Column("team_id", Id()),
    Column("due_at", UtcDateTime()),
    Column("due_in_days", Integer),
    Column("created_by", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),  # active | closed
    Column("recertify_every_days", Integer),
    Column("window_days", Integer),
    Column("grace_days", Integer),
    Column("remind_before_days", JSON),
    Column("escalate_after_days", Integer),
)
Index("ix_assignments_team", assignments.c.team_id)
assigned_learners = Table(
    "assigned_learners",
    metadata,
    Column("assignment_id", Id(), primary_key=True),
    Column("learner_id", String(200), primary_key=True),
    Column("enrolment_id", Id()),
    Column("due_at", UtcDateTime()),
    Column("assigned_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),  # open | closed (completion is the enrolment's)
    Column("closed_at", UtcDateTime()),
    Column("closed_reason", String(200)),
)
Index("ix_assigned_learners_learner", assigned_learners.c.learner_id, assigned_learners.c.status)

# -- compliance: a cycle per (assignment, learner) and its time-driven notices ------------------
cycles = Table(
    "cycles",
    metadata,
    Column("id", Id(), primary_key=True),
    Column("assignment_id", Id(), nullable=False),
    Column("learner_id", String(200), nullable=False),
    Column("cycle", Integer, nullable=False),
    Column("course_id", Id(), nullable=False),
    Column("enrolment_id", Id()),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("due_at", UtcDateTime()),
    Column("status", String(16), nullable=False),  # open | completed
    Column("completed_at", UtcDateTime()),
    Column("valid_until", UtcDateTime()),
    Column("course_version", Integer),
    Column("certificate_code", String(64)),
    UniqueConstraint("assignment_id", "learner_id", "cycle", name="uq_cycles_assignment_learner_cycle"),
)
Index("ix_cycles_enrolment", cycles.c.enrolment_id)
Index("ix_cycles_learner", cycles.c.learner_id)
notices = Table(
    "notices",
    metadata,
    Column("cycle_id", Id(), primary_key=True),
    Column("kind", String(24), primary_key=True),  # due_soon | overdue | escalated | expiring | expired
    Column("offset_days", Integer, primary_key=True, autoincrement=False),
    Column("fire_at", UtcDateTime(), nullable=False),
    Column("state", String(16), nullable=False),  # pending | sent | dropped
    Column("settled_at", UtcDateTime()),
    Column("event_id", Id()),
    Column("reason", String(200)),
)
Index("ix_notices_due", notices.c.state, notices.c.fire_at)
