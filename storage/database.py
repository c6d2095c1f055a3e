"""Engines: SQLite (the default, a file under var/) or PostgreSQL (``postgresql+psycopg://``).

Nothing here runs at import time; :func:`connect` builds an engine from a URL that the caller
took from the settings.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite database file."""
    return f"sqlite:///{path}"


# How long an SQLite statement waits for another connection's write lock before it fails with
# "database is locked". Transactions here are short; the workers treat the failure as transient
# (retried with backoff), and a short wait keeps SIGTERM prompt while a lock is held elsewhere.
SQLITE_BUSY_SECONDS = 5


class InvalidDatabaseUrl(ValueError):
    """The database URL cannot be used; the message never quotes a secret from it."""


MASK = "***"
# Query parameters that carry a secret (libpq's password, sslpassword; any *token*, *secret*).
_SECRET_KEY = re.compile(r"pass|pwd|secret|token|credential", re.I)


def _secrets(url: str) -> list[str]:
    """Every secret written in ``url``: the user info's password and secret query values,
    as written and unescaped."""
    found: list[str] = []
    _, separator, rest = url.partition("://")
    if not separator:
        return found
    main, _, query = rest.partition("?")
    at = main.rfind("@")
    if at < 0 and "@" in rest:  # a password holding "?": the user info runs to the last "@"
        at = rest.rfind("@")
    if at >= 0:
        user_info = rest[:at]
        _, colon, password = user_info.partition(":")
        if colon and password:
            found.append(password)
    for pair in query.split("&"):
        key, equals, value = pair.partition("=")
        if equals and value and _SECRET_KEY.search(unquote(key)):
            found.append(value)
    # A driver that misreads an unescaped "@" quotes the password's tail as a host name.
    pieces = [piece for secret in found for piece in secret.split("@")[1:] if len(piece) > 1]
    return found + [unquote(secret) for secret in found] + pieces


def scrubbed(text: str, url: str) -> str:
    """``text`` (an error message, say) with every secret of ``url`` replaced by ``***``."""
    for secret in sorted(set(_secrets(url)), key=len, reverse=True):
        if secret:
            text = text.replace(secret, MASK)
    return text


def failure(url: str, error: Exception) -> str:
    """One line for a database error, fit to print: the masked URL, the error's type and the
    first line of its text with every secret of ``url`` scrubbed out."""
    reason = (scrubbed(str(error), url).splitlines() or [""])[0]
    return f"{redacted(url)}: {type(error).__name__}: {reason}"


def redacted(url: str) -> str:
    """A database URL fit for logs and messages: every password-bearing part is ``***``.

    Masked by reading the text, not by parsing it, so that a password with an unescaped
    ``@`` or ``?``, or one given as ``?password=``, is masked whole, and a malformed URL too.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        return scrubbed(url, url)
    main, question, query = rest.partition("?")
    at = main.rfind("@")
    if at < 0 and "@" in rest:
        at = rest.rfind("@")
        main, question, query = rest[at:].partition("?")
        main = rest[:at] + main
    if at >= 0:
        user, colon, _password = main[:at].partition(":")
        main = f"{user}{colon}{MASK if colon else ''}{main[at:]}"
    pairs = []
    for pair in query.split("&") if question else []:
        key, equals, value = pair.partition("=")
        secret = equals and value and _SECRET_KEY.search(unquote(key))
        pairs.append(f"{key}={MASK}" if secret else pair)
    return f"{scheme}://{main}{question}{'&'.join(pairs)}"


def connect(url: str) -> Engine:
    """Build an engine for ``url``.

    SQLite: the file's directory is created, foreign keys are enforced, the journal is in WAL
    mode and every transaction takes the write lock when it begins, so several threads or
    processes may share the file and wait for each other instead of failing.
    PostgreSQL: a small pool with pre-ping, so a restarted server costs one retry, not a crash.
    """
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise InvalidDatabaseUrl(f"not a database URL ({scrubbed(str(exc), url)})") from None
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = _create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend != "postgresql":
        raise InvalidDatabaseUrl(
            f"unsupported database {backend!r}: use sqlite:///PATH or postgresql+psycopg://..."
        )
    return _create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _create_engine(url: str, **options: Any) -> Engine:
    """``create_engine``, its URL and driver errors turned into :class:`InvalidDatabaseUrl`."""
    try:
        return create_engine(url, **options)
    except (ArgumentError, ValueError, TypeError, ImportError) as exc:
        reason = scrubbed(str(exc), url).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidDatabaseUrl(f"cannot use this URL ({reason})") from None


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Per connection: foreign keys on (SQLite's default is off), WAL journal, busy wait,
    recursive triggers (so REPLACE cannot overwrite an audit entry)."""
    # Let SQLAlchemy's "begin" event start transactions instead of the sqlite3 module.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        # FULL: a committed transaction survives a power cut. Callers move mail out of the
        # inbox once the message is committed, so a commit must mean "on disk".
        cursor.execute("PRAGMA synchronous=FULL")
        # REPLACE (INSERT OR REPLACE, REPLACE INTO) deletes the row it conflicts with; SQLite
        # fires delete triggers for that implicit delete only when recursive triggers are on.
        # On, the audit log's BEFORE DELETE trigger refuses a REPLACE over an entry.
        cursor.execute("PRAGMA recursive_triggers=ON")
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
