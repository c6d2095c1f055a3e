"""`trigger serve`'s workers as processes (issue 6): a message over its time limit is failed and
the rest flow past it; SIGTERM ends the server without waiting for the draft in hand; a
database locked by another process for longer than the busy timeout leaves the server running,
logged once, and the waiting mail is drafted once the lock is gone."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storage.database import SQLITE_BUSY_SECONDS, connect
from storage.tables import InboundState
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.conftest import Server, StartServer

HEADERS = (
    "From: Ann Lee <ann.lee@example.net>\r\n"
    "Date: Wed, 14 Oct 2026 09:00:00 +0100\r\n"
    "Message-ID: <{id}@example.net>\r\n"
    "Subject: Community Trigger\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
)
STORY = (
    "Last Friday the lads next door smashed my window. I rang 101 straight away.\r\n"
    "On Monday they kicked my door and I reported it to the council the next day.\r\n"
)
ORDINARY = (HEADERS.format(id="ordinary") + STORY).encode()
# A long but honest letter: some 300 KB of prose costs the language work seconds (its first
# 200,000 characters are analysed), where the ordinary message above costs milliseconds.
LONG = (HEADERS.format(id="long") + STORY * 2000).encode()


def drop(inbox: Path, name: str, data: bytes, age: float = 10.0) -> None:
    """Put a finished ``.eml`` file in the drop folder (older than the settle time)."""
    inbox.mkdir(parents=True, exist_ok=True)
    path = inbox / name
    path.write_bytes(data)
    past = time.time() - age
    os.utime(path, (past, past))


def inbound_states(database: Path) -> dict[int, tuple[InboundState, int, str | None]]:
    engine = connect(f"sqlite:///{database}")
    try:
        with SqlUnitOfWork(engine) as uow:
            states = {}
            for inbound_id in range(1, 10):
                record = uow.inbound.get(inbound_id)
                if record is not None:
                    states[inbound_id] = (record.state, record.attempts, record.error)
            return states
    finally:
        engine.dispose()


def stop_cleanly(server: Server) -> str:
    """SIGTERM the server; it must end cleanly. Returns its log.

    How fast is not timed here (the 30 s wait is only a guard against a hang): a stop that
    waited for a draft shows in the log and the message's state, which the tests check.
    """
    server.process.send_signal(signal.SIGTERM)
    status, log = server.finish(timeout=30)
    assert status == 0, log
    assert "Traceback" not in log
    return log


def test_serve_when_a_message_exceeds_the_time_limit_then_it_fails_and_the_next_is_drafted(
    serve: StartServer, tmp_path: Path
) -> None:
    inbox = tmp_path / "var" / "inbox"
    drop(inbox, "long.eml", LONG, age=20)
    drop(inbox, "ordinary.eml", ORDINARY, age=10)
    server = serve(TRIGGER_DRAFT_TIME_LIMIT_SECONDS="1")
    server.wait_for("trigger serve ready")
    server.wait_for("drop folder: stored long.eml as inbound message 1")
    server.wait_for("drop folder: stored ordinary.eml as inbound message 2")
    server.wait_for("inbound 1: drafting took longer than 1 s")
    server.wait_for("inbound 1 failed: took longer than 1 s")
    server.wait_for("inbound 2 drafted as application 1")
    log = stop_cleanly(server)
    assert "1 s and 3 attempts a message" in log
    states = inbound_states(tmp_path / "var" / "trigger.sqlite3")
    assert states == {
        1: (InboundState.FAILED, 1, "took longer than 1 s"),  # never retried
        2: (InboundState.PROCESSED, 1, None),
    }


def test_serve_when_sigterm_arrives_mid_draft_then_it_stops_without_waiting_and_gives_it_back(
    serve: StartServer, tmp_path: Path
) -> None:
    inbox = tmp_path / "var" / "inbox"
    server = serve()  # the default time limit: a minute
    server.wait_for("trigger serve ready")
    server.wait_for("drafting: worker process")
    drop(inbox, "long.eml", LONG)
    server.wait_for("drop folder: stored long.eml as inbound message 1")
    # The long letter is being drafted in the worker process; intake goes on meanwhile.
    drop(inbox, "ordinary.eml", ORDINARY)
    server.wait_for("drop folder: stored ordinary.eml as inbound message 2", timeout=10)
    log = stop_cleanly(server)
    assert "inbound 1 given back undrafted" in log
    assert "drafted as application" not in log
    states = inbound_states(tmp_path / "var" / "trigger.sqlite3")
    assert states[1] == (InboundState.RECEIVED, 0, None)  # waits for the next start, uncounted


# SQLite waits SQLITE_BUSY_SECONDS (storage/database.py) for a lock before it fails: held
# longer than that, the lock makes every write of the server fail at least once.
LOCK_SECONDS = SQLITE_BUSY_SECONDS + 6
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
print("released", flush=True)
"""


def test_serve_when_another_process_holds_the_write_lock_then_it_waits_and_drafts_after(
    serve: StartServer, tmp_path: Path
) -> None:
    database = tmp_path / "var" / "trigger.sqlite3"
    inbox = tmp_path / "var" / "inbox"
    server = serve()
    server.wait_for("trigger serve ready")
    server.wait_for("drafting: worker process")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database), str(LOCK_SECONDS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        drop(inbox, "waiting.eml", ORDINARY)
        assert holder.stdout.readline().strip() == "released"
        assert server.process.poll() is None  # still running
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()
    server.wait_for("inbound 1 drafted as application 1", timeout=90)
    assert server.process.poll() is None
    log = stop_cleanly(server)
    # One line when each outage starts (not one a second), one when it ends; no error text.
    assert log.count("drafting: database unavailable (OperationalError)") == 1, log
    assert log.count("drop folder: could not store waiting.eml, will retry: Operational") == 1, log
    assert log.count("the store is unavailable") == 1, log
    assert "drafting: database available again" in log
    assert "drop folder: the store is available again" in log
    assert "database is locked" not in log
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT state FROM inbound_messages").fetchall() == [
            ("processed",)
        ]
