"""Waking an idle poller when there is work, instead of polling the database many times a second.

On PostgreSQL a table the poller watches carries a statement-level trigger (`wake_on_insert`)
that notifies a channel whenever rows are inserted or copied into it: PostgreSQL delivers the
notification when the transaction commits and drops it when it rolls back, and the writer
spends no round trip on it. The poller `Wakeup.wait()`s on its own listening connection: it
looks again at once after a commit and otherwise only every `idle_s`. On SQLite, where there is
no such channel between processes, `wait()` sleeps `poll_s`.

A lost notification costs at most `idle_s` of delay, never an event: the poller always looks at
the table itself, the notification only tells it when.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)
STOP_HEARD_S = 0.25


_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_WAKE_FUNCTION = """
CREATE OR REPLACE FUNCTION lms_wake_listeners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END $$
"""


def wake_on_insert(connection: Connection, table: str, channel: str) -> None:
    """From now on, every INSERT or COPY into `table` notifies `channel` when it commits
    (PostgreSQL; nothing on SQLite). For a migration: `wake_on_insert(op.get_bind(), ...)`."""
    if connection.dialect.name != "postgresql":
        return
    stop_waking_on_insert(connection, table)
    connection.execute(text(_WAKE_FUNCTION))
    connection.execute(
        text(
            f"CREATE TRIGGER {table}_wakes_listeners AFTER INSERT ON {table}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION lms_wake_listeners('{_plain(channel)}')"
        )
    )


def stop_waking_on_insert(connection: Connection, table: str) -> None:
    """Undo `wake_on_insert` (a migration's downgrade)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"DROP TRIGGER IF EXISTS {_plain(table)}_wakes_listeners ON {table}"))


def _plain(name: str) -> str:
    """`name`, checked to be safe to write into DDL as it is."""
    if not _NAME.match(name):
        raise ValueError(f"not a plain lower-case name: {name!r}")
    return name


class Wakeup:
    """Waits until `channel` is notified, `idle_s` passes or `stop` is set."""

    def __init__(self, engine: Engine, channel: str, *, idle_s: float = 1.0, poll_s: float = 0.05):
        self.channel, self.idle_s, self.poll_s = channel, idle_s, poll_s
        self._url = (
            engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            if engine.dialect.name == "postgresql"
            else None
        )
        self._listener: Any = None

    def wait(self, stop: threading.Event) -> None:
        if self._url is None:
            stop.wait(self.poll_s)
            return
        if self._listener is None:
            self._listen(stop)
            return  # look once more: a commit may have come before the listening began
        deadline = time.monotonic() + self.idle_s
        try:
            while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
                # in slices, so that `stop` is heard within a quarter of a second
                if list(self._listener.notifies(timeout=min(left, STOP_HEARD_S), stop_after=1)):
                    return  # one read takes every notification that has arrived
        except psycopg.Error as exc:
            log.warning("lost the %s listener (%s); polling until it is back", self.channel, exc)
            self.close()
            stop.wait(self.poll_s)

    def _listen(self, stop: threading.Event) -> None:
        try:
            self._listener = psycopg.connect(self._url, autocommit=True, connect_timeout=5)
            self._listener.execute(f'LISTEN "{self.channel}"')
        except psycopg.Error as exc:
            log.warning("cannot listen on %s (%s); polling", self.channel, exc)
            self.close()
            stop.wait(self.poll_s)

    def close(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except psycopg.Error:
                log.debug("closing the %s listener failed", self.channel, exc_info=True)
            self._listener = None
