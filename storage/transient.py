"""Transient database errors: which errors pass if one waits, how long to wait, saying so once.

A worker that meets a transient error waits (:class:`Backoff`: 1 s, 2 s, 4 s ... capped at
30 s) and tries again; :class:`Outage` logs the first failure of an outage (the error's type,
never its text, which may quote a statement's parameters), stays quiet while it lasts and
logs one line when the database answers again.

Transient (wait and retry):

- SQLite: the database is busy or locked by another connection or process (``SQLITE_BUSY``,
  ``SQLITE_LOCKED``), an I/O error, a full disk, a file that cannot be opened or is read-only
  for now (``SQLITE_IOERR``, ``SQLITE_FULL``, ``SQLITE_CANTOPEN``, ``SQLITE_READONLY``,
  ``SQLITE_PROTOCOL``);
- PostgreSQL: any ``OperationalError`` (connection refused or lost, server shutting down or
  starting, serialization failure, deadlock, lock timeout, statement cancelled) and a
  connection found closed (``InterfaceError``, an invalidated connection, a pool timeout),
  except the two below.

Fatal (raised: the server stops with exit status 1, as waiting cannot cure them): a schema
that does not match (SQLite ``no such table``), a corrupt file or not a database, a refused
login or a database that does not exist (PostgreSQL classes ``28`` and ``3D``), and every other
error: constraint violations, programming errors, bugs.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field

from sqlalchemy import exc as sa_exc

# SQLite primary result codes (https://sqlite.org/rescode.html) a wait can cure.
_SQLITE_TRANSIENT = {
    5,  # SQLITE_BUSY
    6,  # SQLITE_LOCKED
    8,  # SQLITE_READONLY
    10,  # SQLITE_IOERR
    13,  # SQLITE_FULL
    14,  # SQLITE_CANTOPEN
    15,  # SQLITE_PROTOCOL
}
_SQLITE_TRANSIENT_TEXT = ("locked", "busy", "disk i/o error", "database or disk is full")
# PostgreSQL SQLSTATE classes no wait cures: invalid authorization, invalid catalog name.
_POSTGRES_FATAL_CLASSES = ("28", "3D")


def is_transient(error: BaseException) -> bool:
    """True when ``error`` is a database error that waiting may cure (see the module text)."""
    if isinstance(error, sa_exc.DBAPIError):
        if error.connection_invalidated:
            return True
        return _driver_error_is_transient(error.orig)
    if isinstance(error, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return True
    return _driver_error_is_transient(error)


def _driver_error_is_transient(error: BaseException | None) -> bool:
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF in _SQLITE_TRANSIENT
        text = str(error).lower()
        return any(part in text for part in _SQLITE_TRANSIENT_TEXT)
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if isinstance(error, psycopg.InterfaceError):
        return True
    if isinstance(error, psycopg.OperationalError):
        sqlstate = getattr(error, "sqlstate", None) or ""
        return not sqlstate.startswith(_POSTGRES_FATAL_CLASSES)
    return False


@dataclass
class Backoff:
    """Exponential waits between retries: ``initial``, doubled each time, at most ``cap``."""

    initial: float = 1.0
    cap: float = 30.0
    _next: float | None = field(default=None, repr=False)

    def next_delay(self) -> float:
        """How long to wait before the next try."""
        delay = self.initial if self._next is None else self._next
        self._next = min(delay * 2, self.cap)
        return delay

    def reset(self) -> None:
        """Start again from ``initial`` (after a success)."""
        self._next = None


@dataclass
class Outage:
    """One log line when ``name`` loses its database, one when it is back; waits between.

    Call :meth:`failed` on each transient error (it returns how long to wait) and
    :meth:`recovered` after each success.
    """

    name: str
    logger: logging.Logger
    backoff: Backoff = field(default_factory=Backoff)
    started: float | None = None
    failures: int = 0
    #: What is unavailable, as the log lines name it.
    resource: str = "database"

    def failed(self, error: BaseException) -> float:
        """Count a transient error; log it if it starts an outage; return the wait."""
        delay = self.backoff.next_delay()
        self.failures += 1
        if self.started is None:
            self.started = time.monotonic()
            self.logger.warning(
                "%s: %s unavailable (%s); retrying with backoff up to %.0f s, "
                "logged again when it recovers",
                self.name,
                self.resource,
                type(error).__name__,
                self.backoff.cap,
            )
        else:
            self.logger.debug(
                "%s: %s still unavailable (%s)", self.name, self.resource, type(error).__name__
            )
        return delay

    def recovered(self) -> None:
        """Note a success: log the end of an outage, if there was one, and reset the waits."""
        if self.started is not None:
            self.logger.info(
                "%s: %s available again after %.0f s (%d failed tries)",
                self.name,
                self.resource,
                time.monotonic() - self.started,
                self.failures,
            )
        self.started = None
        self.failures = 0
        self.backoff.reset()

    @property
    def ongoing(self) -> bool:
        """True while an outage lasts."""
        return self.started is not None
