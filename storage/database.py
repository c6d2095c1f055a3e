"""Engines: SQLite (the default, a file under var/) or PostgreSQL (``postgresql+psycopg://``).

Nothing here runs at import time; :func:`connect` builds an engine from a URL that the caller
took from the settings.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite database file."""
    return f"sqlite:///{path}"


def redacted(url: str) -> str:
    """A database URL fit for logs and messages: the password replaced by ``***``."""
    return make_url(url).render_as_string(hide_password=True)


def connect(url: str) -> Engine:
    """Build an engine for ``url``.

    SQLite: the file's directory is created, foreign keys are enforced, the journal is in WAL
    mode and every transaction takes the write lock when it begins, so several threads or
    processes may share the file and wait for each other instead of failing.
    PostgreSQL: a small pool with pre-ping, so a restarted server costs one retry, not a crash.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Per connection: foreign keys on (SQLite's default is off), WAL journal, busy wait."""
    # Let SQLAlchemy's "begin" event start transactions instead of the sqlite3 module.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # FULL: a committed transaction survives a power cut. Callers move mail out of the
        # inbox once the message is committed, so a commit must mean "on disk".
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Start every transaction as a writer (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when
    another connection wrote in between, whatever the busy timeout; taking the write lock up
    front makes concurrent transactions wait their turn instead. SQLite is the one-machine
    default: transactions here are short, and PostgreSQL is the choice for real concurrency.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")
