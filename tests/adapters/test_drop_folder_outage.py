"""The drop folder when its store is down (issue 6): the files wait, the scans back off, the
outage is logged once with the file it met and the error's type, and once when it ends."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from intake.drop_folder import DropFolder
from trigger.inbound import InboundMessage

EMAIL = b"From: a@example.org\r\nMessage-ID: <{n}@example.org>\r\nSubject: x\r\n\r\nhello\r\n"


def locked() -> sa_exc.OperationalError:
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 5  # type: ignore[attr-defined]
    return sa_exc.OperationalError("INSERT INTO inbound_messages ...", {}, error)


class Store:
    """A store that fails with ``errors`` (in turn) before it stores."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.tries = 0
        self.stored: list[InboundMessage] = []

    def __call__(self, message: InboundMessage) -> tuple[int, bool]:
        self.tries += 1
        if self.errors:
            raise self.errors.pop(0)
        self.stored.append(message)
        return len(self.stored), True


def drop(folder: Path, name: str, data: bytes, age: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    then = time.time() - age
    os.utime(folder / name, (then, then))


def test_drop_folder_when_store_is_locked_then_files_wait_logged_once_and_stored_after(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "first.eml", EMAIL.replace(b"{n}", b"1"), age=20)
    drop(inbox, "second.eml", EMAIL.replace(b"{n}", b"2"), age=10)
    store = Store(locked(), locked(), locked())
    folder = DropFolder(inbox, store, settle_seconds=0)
    with caplog.at_level(logging.DEBUG, logger="intake.drop_folder"):
        waits = []
        for _ in range(3):
            assert folder.scan_once() == []
            waits.append(folder._outage.wait)
        assert store.tries == 3  # one try a scan: the second file waits behind the first
        assert sorted(path.name for path in inbox.glob("*.eml")) == ["first.eml", "second.eml"]
        stored = folder.scan_once()
    assert waits == [1, 2, 4]  # the scans back off while the store is down
    assert [entry.moved_to.name for entry in stored] == ["first.eml", "second.eml"]
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    unavailable = [message for message in said if "could not store" in message]
    assert len(unavailable) == 1, said
    assert unavailable[0].startswith(
        "drop folder: could not store first.eml, will retry: OperationalError"
    )
    assert "locked" not in unavailable[0]
    assert any(message.startswith("drop folder: the store is available again") for message in said)
    assert folder._outage.since is None


def test_drop_folder_when_store_fails_for_one_file_then_the_others_go_on(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "first.eml", EMAIL.replace(b"{n}", b"1"), age=20)
    drop(inbox, "second.eml", EMAIL.replace(b"{n}", b"2"), age=10)
    store = Store(ValueError("this one file"))  # not an outage: the file waits, the rest go
    stored = DropFolder(inbox, store, settle_seconds=0).scan_once()
    assert [entry.moved_to.name for entry in stored] == ["second.eml"]
    assert (inbox / "first.eml").exists()
