"""Engines: SQLite (the default, a file under var/) or PostgreSQL (``postgresql+psycopg://``).

Nothing here runs at import time; :func:`connect` builds an engine from a URL that the caller
took from the settings.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
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

    SQLite: the file's directory is created, foreign keys are enforced and the journal is in
    WAL mode (readers do not block the writer; several processes may share the file).
    PostgreSQL: a small pool with pre-ping, so a restarted server costs one retry, not a crash.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Per connection: foreign keys on (SQLite's default is off), WAL journal, busy wait."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # WAL makes NORMAL durable against application crashes; a power cut may lose the
        # last transactions but never corrupts the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()
