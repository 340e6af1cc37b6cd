"""Tables of the records service (the kit's outbox and inbox tables live beside them).

Statements keep the JSON they were stored with (text, so `exact` returns it unchanged) and
get their `stored` time and feed position (`seq`) after they commit (decision 0082). IRIs and
agent identifiers are indexed by their SHA-256, so any length fits a fixed-width key.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    false,
)

from lms.kit.db import Timestamp, service_metadata

metadata = service_metadata()
RowId = BigInteger().with_variant(Integer, "sqlite")  # SQLite numbers rows itself only for INTEGER

statements = Table(
    "statements",
    metadata,
    Column("pk", RowId, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("seq", BigInteger, unique=True),  # feed position, given after commit
    Column("stored", Timestamp),  # given with seq
    Column("payload", Text, nullable=False),  # the statement as stored, without `stored`
    Column("verb_key", String(64), nullable=False),
    Column("registration", String(36)),
    Column("ref_target", String(36)),  # the id its object refers to (StatementRef)
    Column("voids", String(36)),  # the id it voids (a voiding statement)
    Column("voided", Boolean, nullable=False, server_default=false()),
)
Index("ix_statements_verb_key", statements.c.verb_key, statements.c.seq)
Index("ix_statements_registration", statements.c.registration, statements.c.seq)
Index("ix_statements_ref_target", statements.c.ref_target)
Index("ix_statements_voids", statements.c.voids)
Index(
    "ix_statements_unsequenced",
    statements.c.pk,
    postgresql_where=statements.c.seq.is_(None),
    sqlite_where=statements.c.seq.is_(None),
)

# Who and what a statement is about, for the agent / activity filters (relation: actor, object, related)
statement_agents = Table(
    "statement_agents",
    metadata,
    Column("agent_key", String(64), nullable=False),
    Column("relation", String(8), nullable=False),
    Column("statement_pk", RowId, nullable=False),
    PrimaryKeyConstraint("agent_key", "relation", "statement_pk", name="pk_statement_agents"),
)
statement_activities = Table(
    "statement_activities",
    metadata,
    Column("activity_key", String(64), nullable=False),
    Column("relation", String(8), nullable=False),
    Column("statement_pk", RowId, nullable=False),
    PrimaryKeyConstraint("activity_key", "relation", "statement_pk", name="pk_statement_activities"),
)

# The position and `stored` time the sequencer gave last (one row)
statement_sequence = Table(
    "statement_sequence",
    metadata,
    Column("name", String(20), primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_stored", Timestamp, nullable=False),
)

# The canonical definition of each Activity, merged from every statement that defines it
activities = Table(
    "activities",
    metadata,
    Column("activity_key", String(64), primary_key=True),
    Column("id", Text, nullable=False),
    Column("definition", Text, nullable=False),
)

# Attachment data, by its SHA-2 (statements list the hashes they carry)
attachments = Table(
    "attachments",
    metadata,
    Column("sha2", String(128), primary_key=True),
    Column("content_type", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
)

# State, Activity Profile and Agent Profile documents
documents = Table(
    "documents",
    metadata,
    Column("key", String(64), primary_key=True),  # the scope's key and the document id, hashed
    Column("scope", String(64), nullable=False, index=True),
    Column("document_id", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("etag", String(40), nullable=False),
    Column("updated", Timestamp, nullable=False),
)

# How far each outside LRS has been sent statements (the forwarder's cursor)
forwarding = Table(
    "forwarding",
    metadata,
    Column("target", String(200), primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
    Column("updated", Timestamp, nullable=False),
)

# cmi5: the structure of every cmi5 course published (one module of a course version)
cmi5_courses = Table(
    "cmi5_courses",
    metadata,
    Column("course_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("module_id", String(64), nullable=False),
    Column("structure", Text, nullable=False),  # the module's `cmi5` object of course.published
    PrimaryKeyConstraint("course_id", "version", "module_id", name="pk_cmi5_courses"),
)

# cmi5: whose each enrolment is and the version it is pinned to (progress's events)
cmi5_enrolments = Table(
    "cmi5_enrolments",
    metadata,
    Column("enrolment_id", String(64), primary_key=True),
    Column("learner_id", String(200), nullable=False),
    Column("course_id", String(64), nullable=False),
    Column("course_version", Integer, nullable=False),
)

# cmi5: a registration (an enrolment) in one cmi5 course; its row is the registration's lock
cmi5_registrations = Table(
    "cmi5_registrations",
    metadata,
    Column("registration", String(36), nullable=False),
    Column("module_id", String(64), nullable=False),
    Column("created", Timestamp, nullable=False),
    PrimaryKeyConstraint("registration", "module_id", name="pk_cmi5_registrations"),
)

# cmi5: what each AU has reached in a registration
cmi5_aus = Table(
    "cmi5_aus",
    metadata,
    Column("registration", String(36), nullable=False),
    Column("lesson_id", String(64), nullable=False),
    Column("completed", Boolean, nullable=False, server_default=false()),
    Column("passed", Boolean, nullable=False, server_default=false()),
    Column("waived", Boolean, nullable=False, server_default=false()),
    Column("satisfied", Timestamp),
    PrimaryKeyConstraint("registration", "lesson_id", name="pk_cmi5_aus"),
)

# cmi5: the blocks and courses announced satisfied in a registration (by the publisher's id, hashed)
cmi5_satisfied = Table(
    "cmi5_satisfied",
    metadata,
    Column("registration", String(36), nullable=False),
    Column("object_key", String(64), nullable=False),
    PrimaryKeyConstraint("registration", "object_key", name="pk_cmi5_satisfied"),
)

# cmi5: launch sessions; secrets are kept as SHA-256 digests only
cmi5_sessions = Table(
    "cmi5_sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("registration", String(36), nullable=False),
    Column("enrolment_id", String(64), nullable=False),
    Column("learner_id", String(200), nullable=False),
    Column("course_id", String(64), nullable=False),
    Column("course_version", Integer, nullable=False),
    Column("module_id", String(64), nullable=False),
    Column("lesson_id", String(64), nullable=False),
    Column("launch_mode", String(16), nullable=False),
    Column("state", String(16), nullable=False),  # launched | terminated | abandoned
    Column("fetch_digest", String(64), nullable=False),
    Column("token_digest", String(64)),  # set when the fetch URL gives the token out
    Column("initialized", Boolean, nullable=False, server_default=false()),
    Column("prefs_read", Boolean, nullable=False, server_default=false()),
    Column("verbs", Text, nullable=False, server_default=""),  # cmi5 defined verbs sent, space-separated
    Column("launched", Timestamp, nullable=False),
    Column("last_statement", Timestamp, nullable=False),
)
Index("ix_cmi5_sessions_registration", cmi5_sessions.c.registration, cmi5_sessions.c.state)
