"""Curriculum tables. A draft and each published version are stored as whole JSON documents."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
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

courses = Table(
    "courses",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("status", String(16), nullable=False),  # draft | published | retired
    Column("draft", JSON, nullable=False),
    Column("draft_revision", Integer, nullable=False),
    Column("latest_version", Integer),
    # Catalogue fields of the latest published version, for filtering and search:
    Column("title", String(300)),
    Column("summary", Text),
    Column("published_at", UtcDateTime()),
    Column("created_by", String(200), nullable=False),
    Column("owner", String(200)),  # None: admins only (courses older than ownership, no creator)
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("retired_at", UtcDateTime()),
)

course_versions = Table(
    "course_versions",
    metadata,
    Column("course_id", String(36), ForeignKey("courses.id"), primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("document", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("published_at", UtcDateTime(), nullable=False),
    Column("published_by", String(200), nullable=False),
)

# Authors who may edit a course besides its owner
course_collaborators = Table(
    "course_collaborators",
    metadata,
    Column("course_id", String(36), ForeignKey("courses.id"), primary_key=True),
    Column("sub", String(200), primary_key=True),
    Column("added_by", String(200), nullable=False),
    Column("added_at", UtcDateTime(), nullable=False),
)

# topic/competency tags of each course's latest published version (catalogue filters)
course_tags = Table(
    "course_tags",
    metadata,
    Column("course_id", String(36), ForeignKey("courses.id"), primary_key=True),
    Column("kind", String(16), primary_key=True),  # topic | competency
    Column("value", String(120), primary_key=True),
)
Index("ix_course_tags_value", course_tags.c.kind, course_tags.c.value)

# Published assessments, learned from lms.assessment.assessment.published.v1
known_assessments = Table(
    "known_assessments",
    metadata,
    Column("assessment_id", String(64), primary_key=True),
    Column("slug", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", String(300)),
    Column("latest_version", Integer, nullable=False),
    UniqueConstraint("slug", name="uq_known_assessments_slug"),
)

# Bumped on every publish/retire: catalogue pages are cached per revision.
catalogue_state = Table(
    "catalogue_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, nullable=False),
)
