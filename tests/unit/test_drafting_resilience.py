"""Workers that survive their database, and messages that cannot loop (issue 6), on the fake
unit of work: which errors are waited out, how long the waits are, that an outage is logged
once, that a message whose attempts are used up is failed without being drafted."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import exc as sa_exc

from app.drafting import DraftingWorker
from app.drafting_process import InProcessDrafter
from app.inbound import inbound_store
from intake.drop_folder import inbound_from_eml
from nlp.document import Document
from nlp.extract import Extractor
from storage.tables import InboundState
from storage.transient import Backoff, Outage, is_transient
from tests.fakes import FakeStorage, FakeUnitOfWork
from trigger.draft import Draft
from trigger.profiles import get_profile

EMAIL = b"""From: Ann Lee <ann.lee@example.net>\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <one@example.net>\r
Subject: Community Trigger\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
"""


def sqlite_error(text: str, code: int | None) -> sqlite3.OperationalError:
    """An SQLite error as the driver raises it (``code`` None: an older driver without it)."""
    error = sqlite3.OperationalError(text)
    if code is not None:
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def wrapped(orig: BaseException) -> sa_exc.OperationalError:
    """What SQLAlchemy raises around a driver's error."""
    return sa_exc.OperationalError("UPDATE inbound_messages SET ...", {}, orig)


LOCKED = wrapped(sqlite_error("database is locked", 5))


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (LOCKED, True),
        (wrapped(sqlite_error("database is locked", None)), True),
        (wrapped(sqlite_error("database table is locked", 6)), True),
        (wrapped(sqlite_error("disk I/O error", 10 | (3 << 8))), True),  # extended IOERR_WRITE
        (wrapped(sqlite_error("database or disk is full", 13)), True),
        (wrapped(sqlite_error("unable to open database file", 14)), True),
        (wrapped(sqlite_error("no such table: inbound_messages", 1)), False),  # schema
        (wrapped(sqlite_error("no such table: inbound_messages", None)), False),
        (wrapped(sqlite3.DatabaseError("file is not a database")), False),
        (wrapped(psycopg.errors.SerializationFailure("could not serialize")), True),
        (wrapped(psycopg.errors.DeadlockDetected("deadlock detected")), True),
        (wrapped(psycopg.errors.AdminShutdown("terminating connection")), True),
        (wrapped(psycopg.OperationalError("server closed the connection")), True),
        (wrapped(psycopg.InterfaceError("the connection is closed")), True),
        (wrapped(psycopg.errors.InvalidPassword("password authentication failed")), False),
        (wrapped(psycopg.errors.InvalidCatalogName('database "x" does not exist')), False),
        (sa_exc.IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE")), False),
        (sa_exc.ProgrammingError("SELECT", {}, psycopg.errors.UndefinedTable("x")), False),
        (sa_exc.DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True), True),
        (sa_exc.TimeoutError("QueuePool limit reached"), True),
        (psycopg.errors.SerializationFailure("unwrapped"), True),
        (ValueError("a bug"), False),
        (ConnectionError("not a database error"), False),
    ],
)
def test_is_transient_when_error_is_given_then_only_what_a_wait_cures_is_transient(
    error: BaseException, transient: bool
) -> None:
    assert is_transient(error) is transient


def test_backoff_doubles_from_one_second_up_to_thirty_and_starts_again_after_reset() -> None:
    backoff = Backoff()
    assert [backoff.next_delay() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.next_delay() == 1


def test_outage_when_errors_repeat_then_logged_once_with_the_type_and_once_when_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    outage = Outage("drafting", logging.getLogger("test.outage"))
    with caplog.at_level(logging.INFO, logger="test.outage"):
        waits = [outage.failed(LOCKED) for _ in range(5)]
        assert outage.ongoing
        outage.recovered()
        outage.recovered()  # no outage: nothing to say
    assert waits == [1, 2, 4, 8, 16]
    assert not outage.ongoing
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    assert messages[0].startswith("drafting: database unavailable (OperationalError)")
    assert messages[1].startswith("drafting: database available again")
    assert "(5 failed tries)" in messages[1]
    assert all("locked" not in message for message in messages)  # the type, never the text
    assert outage.failed(LOCKED) == 1  # a new outage starts from the first wait


# -- the worker on the fake unit of work ------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


class CountingExtractor(Extractor):
    """Counts the messages it is asked to draft; drafts none."""

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, document: Document, *, source: str | None = None) -> Draft:
        self.calls += 1
        raise LookupError("not expected to be called")


def store(storage: FakeStorage, raw: bytes = EMAIL) -> int:
    inbound_id, created = inbound_store(storage.unit_of_work)(inbound_from_eml(raw))
    assert created
    return inbound_id


def test_drafting_when_attempts_reached_the_max_then_failed_with_the_reason_not_drafted() -> None:
    storage = FakeStorage()
    inbound_id = store(storage)
    storage.tables.inbound[inbound_id].attempts = 3  # the server died while drafting it, thrice
    extractor = CountingExtractor()
    worker = DraftingWorker(storage.unit_of_work, get_profile("hart"), extractor, max_attempts=3)
    assert worker.process_once() == 1
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        drafts = uow.applications.count()
    assert record is not None
    assert (record.state, record.attempts, record.error) == (
        InboundState.FAILED,
        4,
        "drafting started 3 times without finishing",
    )
    assert record.claimed_until is None
    assert extractor.calls == 0
    assert drafts == 0
    assert worker.process_once() == 0  # failed for good, never retried


def test_drafting_when_attempts_are_left_then_the_attempt_is_committed_before_the_draft() -> None:
    storage = FakeStorage()
    inbound_id = store(storage)
    storage.tables.inbound[inbound_id].attempts = 2
    worker = DraftingWorker(storage.unit_of_work, get_profile("hart"), max_attempts=3)
    taken = worker.take()
    assert taken is not None and taken.raw == EMAIL
    # What the database holds now, before any drafting: the attempt counted, the lease taken.
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
        again = uow.inbound.take(1, lease=timedelta(seconds=60))
    assert record is not None and record.attempts == 3
    assert record.claimed_until is not None
    assert again == []  # leased: no other worker takes it meanwhile


def test_release_when_a_stop_interrupts_then_the_message_waits_again_uncounted() -> None:
    storage = FakeStorage()
    inbound_id = store(storage)
    worker = DraftingWorker(storage.unit_of_work, get_profile("hart"))
    taken = worker.take()
    assert taken is not None
    worker.release(taken)
    with storage.unit_of_work() as uow:
        record = uow.inbound.get(inbound_id)
    assert record is not None
    assert (record.state, record.attempts, record.claimed_until) == (InboundState.RECEIVED, 0, None)
    assert worker.take() is not None  # and is taken again at once


class Flaky:
    """A unit-of-work factory whose first ``failures`` units of work fail as a locked SQLite
    does, at their first statement; the ones after work."""

    def __init__(self, storage: FakeStorage, failures: int, error: BaseException = LOCKED) -> None:
        self.storage = storage
        self.failures = failures
        self.error = error

    def __call__(self) -> FakeUnitOfWork:
        if self.failures > 0:
            self.failures -= 1
            raise self.error
        return self.storage.unit_of_work()


def run_until(worker: DraftingWorker, done: Callable[[], bool], limit: float = 30.0) -> None:
    """Run the worker's loop until ``done()`` (checked every 10 ms), then stop it."""

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop, interval=0.01))
        try:
            async with asyncio.timeout(limit):
                while not done() and not task.done():
                    await asyncio.sleep(0.01)
        finally:
            stop.set()
            await task

    asyncio.run(scenario())


def state_of(storage: FakeStorage, inbound_id: int) -> InboundState:
    return storage.tables.inbound[inbound_id].state


def test_worker_when_database_is_locked_for_a_while_then_waits_logs_once_and_drafts(
    extractor: Extractor, caplog: pytest.LogCaptureFixture
) -> None:
    storage = FakeStorage()
    inbound_id = store(storage)
    profile = get_profile("hart")
    worker = DraftingWorker(
        Flaky(storage, failures=4),
        profile,
        backoff=Backoff(initial=0.01, cap=0.05),
        drafter=InProcessDrafter(extractor, profile),
    )
    with caplog.at_level(logging.INFO, logger="app.drafting"):
        run_until(worker, lambda: state_of(storage, inbound_id) is InboundState.PROCESSED)
    assert state_of(storage, inbound_id) is InboundState.PROCESSED
    said = [record.getMessage() for record in caplog.records if "database" in record.message]
    assert len(said) == 2, said  # four failures, one line when it starts, one when it ends
    assert said[0].startswith("drafting: database unavailable (OperationalError); retrying")
    assert said[1].startswith("drafting: database available again")
    assert said[1].endswith("(4 failed tries)")


class LocksOnSave(FakeUnitOfWork):
    """A unit of work whose draft save meets a serialization failure (PostgreSQL)."""

    def __enter__(self) -> LocksOnSave:
        super().__enter__()

        def save_draft(*args: object, **kwargs: object) -> int:
            raise wrapped(psycopg.errors.SerializationFailure("could not serialize"))

        self.applications.save_draft = save_draft  # type: ignore[method-assign]
        return self


def test_worker_when_saving_the_draft_meets_a_transient_error_then_retried_not_failed(
    extractor: Extractor,
) -> None:
    storage = FakeStorage()
    inbound_id = store(storage)
    profile = get_profile("hart")
    saves = {"failing": 2}

    def unit_of_work() -> FakeUnitOfWork:
        if saves["failing"] > 0 and storage.tables.inbound[inbound_id].claimed_until is not None:
            saves["failing"] -= 1
            return LocksOnSave(storage)
        return storage.unit_of_work()

    worker = DraftingWorker(
        unit_of_work,
        profile,
        backoff=Backoff(initial=0.01, cap=0.05),
        drafter=InProcessDrafter(extractor, profile),
    )
    run_until(worker, lambda: state_of(storage, inbound_id) is InboundState.PROCESSED)
    record = storage.tables.inbound[inbound_id]
    assert (record.state, record.attempts, record.error) == (InboundState.PROCESSED, 1, None)
    assert saves["failing"] == 0
    assert len(storage.tables.applications) == 1


def test_worker_when_the_error_is_not_transient_then_it_is_raised(extractor: Extractor) -> None:
    storage = FakeStorage()
    store(storage)
    profile = get_profile("hart")
    schema = wrapped(sqlite_error("no such table: inbound_messages", 1))
    worker = DraftingWorker(
        Flaky(storage, failures=1, error=schema),
        profile,
        drafter=InProcessDrafter(extractor, profile),
    )
    with pytest.raises(sa_exc.OperationalError):
        run_until(worker, lambda: False, limit=5)
