"""The drop folder: .eml files become stored inbound messages, and no file is ever lost."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.inbound import inbound_store
from intake.drop_folder import DropFolder, StoreInbound, inbound_from_eml
from storage.database import connect
from storage.unit_of_work import SqlUnitOfWork
from trigger.inbound import InboundChannel, InboundMessage

REPLY = (
    b'From: "Jane Example" <jane@example.org>\r\n'
    b"To: asb@council.example\r\n"
    b"Message-ID: <reply-2@example.org>\r\n"
    b"In-Reply-To: <first-1@example.org>\r\n"
    b"References: <root-0@example.org> <first-1@example.org>\r\n"
    b"Subject: Re: noise\r\n\r\nIt happened again last night.\r\n"
)


def sql_store(engine: Engine) -> StoreInbound:
    """The production store: each message in its own SQL unit of work."""
    return inbound_store(partial(SqlUnitOfWork, engine))


def drop(folder: Path, name: str, data: bytes, age_seconds: float = 5.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_inbound_from_eml_keeps_bytes_and_reads_sender_and_thread_keys() -> None:
    message = inbound_from_eml(REPLY)
    assert message.channel == InboundChannel.EMAIL
    assert message.raw == REPLY
    assert message.external_id == "sha256:" + hashlib.sha256(REPLY).hexdigest()
    assert message.sender == "jane@example.org"
    assert message.thread_keys == (
        "<root-0@example.org>",
        "<first-1@example.org>",
        "<reply-2@example.org>",
    )
    assert message.received_at.utcoffset() is not None


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe\x00garbage", b"no headers at all", b"From: \r\n\r\n"],
)
def test_inbound_from_eml_when_file_is_not_a_proper_email_then_it_is_still_kept(
    data: bytes,
) -> None:
    message = inbound_from_eml(data)
    assert message.raw == data
    assert message.sender is None


def test_scan_stores_each_file_then_moves_it_to_processed(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "a.eml", REPLY)
    drop(inbox, "b.EML", REPLY + b"second")
    stored = DropFolder(inbox, sql_store(engine)).scan_once()
    assert [result.created for result in stored] == [True, True]
    assert sorted(path.name for path in inbox.iterdir()) == ["processed"]
    assert sorted(path.name for path in (inbox / "processed").iterdir()) == ["a.eml", "b.EML"]
    with SqlUnitOfWork(engine) as uow:
        record = uow.inbound.get(stored[0].inbound_id)
        assert record is not None
        assert record.raw == (inbox / "processed" / "a.eml").read_bytes()


def test_scan_when_same_file_is_dropped_again_then_stored_once_and_both_files_kept(
    engine: Engine, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    folder = DropFolder(inbox, sql_store(engine))
    drop(inbox, "a.eml", REPLY)
    first = folder.scan_once()
    drop(inbox, "a.eml", REPLY)
    again = folder.scan_once()
    assert again[0].inbound_id == first[0].inbound_id
    assert again[0].created is False
    assert sorted(path.name for path in (inbox / "processed").iterdir()) == ["a.1.eml", "a.eml"]


@pytest.mark.parametrize(
    ("name", "age_seconds"),
    [("notes.txt", 5.0), (".a.eml.swp", 5.0), (".hidden.eml", 5.0), ("fresh.eml", 0.0)],
)
def test_scan_leaves_other_hidden_and_still_changing_files_alone(
    engine: Engine, tmp_path: Path, name: str, age_seconds: float
) -> None:
    inbox = tmp_path / "inbox"
    path = drop(inbox, name, REPLY, age_seconds=age_seconds)
    assert DropFolder(inbox, sql_store(engine), settle_seconds=2.0).scan_once() == []
    assert path.exists()


def test_scan_when_database_is_unreachable_then_the_file_stays_in_the_inbox(
    tmp_path: Path,
) -> None:
    unreachable = connect("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    inbox = tmp_path / "inbox"
    path = drop(inbox, "a.eml", REPLY)
    try:
        assert DropFolder(inbox, sql_store(unreachable)).scan_once() == []
    finally:
        unreachable.dispose()
    assert path.read_bytes() == REPLY
    assert not (inbox / "processed").exists()


def test_run_picks_up_files_until_stopped(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    folder = DropFolder(inbox, sql_store(engine), settle_seconds=0.0)

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(folder.run(stop, interval=0.05))
        await asyncio.sleep(0.1)
        drop(inbox, "late.eml", REPLY, age_seconds=0.0)
        for _ in range(100):
            if (inbox / "processed" / "late.eml").exists():
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(task, timeout=5)

    asyncio.run(scenario())
    assert (inbox / "processed" / "late.eml").exists()


# -- only files it can trust (issue 6) -------------------------------------------------------


class MemoryStore:
    """The folder's store port, in memory: what was stored, in order."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    def __call__(self, message: InboundMessage) -> tuple[int, bool]:
        assert message.raw is not None
        if message.raw in self.messages:
            return self.messages.index(message.raw) + 1, False
        self.messages.append(message.raw)
        return len(self.messages), True


def test_scan_when_an_eml_is_a_symlink_then_it_is_never_followed_and_moved_to_rejected(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = tmp_path / "environ"
    secret.write_bytes(b"TRIGGER_IMAP_PASSWORD=hunter2\n")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "x.eml").symlink_to(secret)
    (inbox / "gone.eml").symlink_to(tmp_path / "nowhere")  # dangling
    store = MemoryStore()
    with caplog.at_level(logging.WARNING):
        assert DropFolder(inbox, store, settle_seconds=0).scan_once() == []
    assert store.messages == []
    rejected = inbox / "rejected"
    assert sorted(p.name for p in rejected.iterdir()) == ["gone.eml", "x.eml"]
    assert (rejected / "x.eml").is_symlink()
    assert secret.read_bytes().startswith(b"TRIGGER_")  # the target is untouched
    said = caplog.text
    assert "x.eml" in said and "gone.eml" in said and "symbolic link" in said


def test_scan_when_an_eml_is_a_fifo_then_it_does_not_block_and_is_rejected(
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe.eml")
    store = MemoryStore()
    assert DropFolder(inbox, store, settle_seconds=0).scan_once() == []
    assert store.messages == []
    assert (inbox / "rejected" / "pipe.eml").exists()


def test_scan_when_a_file_is_over_the_size_limit_then_it_is_refused_unread(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "big.eml", REPLY + b"x" * 2000)
    drop(inbox, "small.eml", REPLY)
    store = MemoryStore()
    with caplog.at_level(logging.WARNING):
        stored = DropFolder(inbox, store, settle_seconds=0, max_bytes=1000).scan_once()
    assert [s.moved_to.name for s in stored] == ["small.eml"]
    assert store.messages == [REPLY]
    assert (inbox / "rejected" / "big.eml").exists()
    assert "big.eml" in caplog.text and "over the limit of 1000" in caplog.text


def test_scan_when_a_writer_still_has_the_file_open_then_it_waits_however_long_the_pause(
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "slow.eml"
    store = MemoryStore()
    folder = DropFolder(inbox, store, settle_seconds=0)
    with path.open("wb") as writer:
        writer.write(REPLY[:40])
        writer.flush()
        then = time.time() - 60  # as if the writer had paused for a minute
        os.utime(path, (then, then))
        assert folder.scan_once() == []
        assert path.exists() and store.messages == []
        writer.write(REPLY[40:])
    stored = folder.scan_once()
    assert [s.created for s in stored] == [True]
    assert store.messages == [REPLY]  # whole, never the first half


def test_scan_when_a_file_changed_within_the_settle_time_then_it_waits(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "fresh.eml", REPLY, age_seconds=1.0)
    store = MemoryStore()
    assert DropFolder(inbox, store, settle_seconds=5.0).scan_once() == []
    assert DropFolder(inbox, store, settle_seconds=0.5).scan_once() != []


def test_scan_when_the_processed_name_is_not_a_folder_then_the_file_stays_and_it_is_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # What a read-only processed/ does to an unprivileged server, reproducible as root too.
    inbox = tmp_path / "inbox"
    drop(inbox, "a.eml", REPLY)
    (inbox / "processed").write_text("not a folder")
    store = MemoryStore()
    folder = DropFolder(inbox, store, settle_seconds=0)
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            assert folder.scan_once() == []
    assert store.messages == [REPLY]
    assert (inbox / "a.eml").exists()
    assert caplog.text.count("a.eml") == 1 and "cannot move it" in caplog.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"hello, this is not an email\r\n", "not an email: no mail headers"),
        (b"\r\n\r\n", "empty message"),
    ],
)
def test_scan_when_a_file_is_not_an_email_then_it_is_quarantined_with_its_reason(
    engine: Engine, tmp_path: Path, data: bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "junk.eml", data)
    drop(inbox, "good.eml", REPLY)
    stored = DropFolder(inbox, sql_store(engine)).scan_once()
    assert len(stored) == 1  # the next file flows
    quarantine = inbox / "quarantine"
    assert (quarantine / "junk.eml").read_bytes() == data  # nothing lost
    assert (quarantine / "junk.eml.reason").read_text() == reason + "\n"
    assert any("junk.eml is not an email" in r.getMessage() for r in caplog.records)
    with SqlUnitOfWork(engine) as uow:
        assert (
            uow.inbound.find(InboundChannel.EMAIL, "sha256:" + hashlib.sha256(data).hexdigest())
            is None
        )


def test_scan_when_a_file_name_holds_a_line_break_then_the_log_line_stays_one_line(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="intake.drop_folder")
    inbox = tmp_path / "inbox"
    drop(inbox, "a\nERROR forged line.eml", b"not mail\r\n")
    DropFolder(inbox, sql_store(engine)).scan_once()
    messages = [r.getMessage() for r in caplog.records]
    assert messages and all("\n" not in message for message in messages)
