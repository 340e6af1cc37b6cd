"""The outbox and inbox tables every service carries in its own database."""

from __future__ import annotations

import zlib

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    text,
)

from lms.kit.db import UtcDateTime

metadata = MetaData()

# Outbox rows are spread over lanes by key; a relay holds a lane while it publishes,
# so rows of one key are published by one relay at a time, in id order.
LANES = 8
OUTBOX_CHANNEL = "lms_outbox"  # the outbox trigger notifies it as events commit (PostgreSQL)

outbox = Table(
    "outbox",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("lane", SmallInteger, nullable=False),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("event_type", String(200), nullable=False),
    Column("topic", String(249), nullable=False),
    Column("key", String(200), nullable=False),
    Column("headers", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("published_at", UtcDateTime()),
)
Index(
    "ix_outbox_pending",
    outbox.c.lane,
    outbox.c.id,
    postgresql_where=text("published_at IS NULL"),
    sqlite_where=text("published_at IS NULL"),
)
Index("ix_outbox_published_at", outbox.c.published_at)

outbox_lane = Table(
    "outbox_lane",
    metadata,
    Column("lane", SmallInteger, primary_key=True, autoincrement=False),
)

inbox = Table(
    "inbox",
    metadata,
    Column("consumer_group", String(200), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("event_type", String(200), nullable=False),
    Column("processed_at", UtcDateTime(), nullable=False),
)


def lane_of(key: str) -> int:
    """A stable lane for a key (same function in every process)."""
    return zlib.crc32(key.encode()) % LANES
