"""The IMAP intake against a real Dovecot (tests/adapters/conftest.py): each message stored once,
then moved out of the inbox; IDLE wake-up; a server restart survived; oversized and unstorable
mail quarantined while the rest flows; `trigger serve` killed mid-delivery and restarted loses
and doubles nothing; an appended email drafted end to end."""

from __future__ import annotations

import logging
import queue
import random
import re
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from functools import partial
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy import Engine

from app.acknowledging import AcknowledgingWorker
from app.inbound import SqlFolderLedger, inbound_refuser, inbound_store
from intake.drop_folder import inbound_from_eml
from intake.errors import MailboxUnavailable
from intake.imap import STORED_KEYWORD, ImapAccount, ImapWorker
from intake.smtp import SmtpSender
from storage.database import connect
from storage.migrate import upgrade
from storage.transient import Backoff
from storage.unit_of_work import SqlUnitOfWork
from tests.adapters.conftest import PASSWORD, Dovecot
from tests.integration.conftest import Server
from tests.integration.conftest import start_serve as start_serving
from tests.smtp_server import SmtpServer, free_port
from tests.unit.test_hostile_mail import many_recipients, nested
from trigger.inbound import InboundMessage
from trigger.profiles import get_profile

WAIT = 20.0  # seconds: a guard against a hang, never a pause


def message(
    n: int, *, body: str = "The lads next door kicked my door again.", size: int = 0
) -> bytes:
    text = (
        "From: Ann Lee <ann.lee@example.net>\r\n"
        "Date: Wed, 14 Oct 2026 09:00:00 +0100\r\n"
        f"Message-ID: <msg-{n}@example.net>\r\n"
        f"Subject: Community Trigger {n}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    )
    if size:
        text += "x" * max(0, size - len(text) - 2) + "\r\n"
    return text.encode()


def wait_until(condition: Callable[[], bool], timeout: float = WAIT, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"not within {timeout} s: {what}")


class Mailbox:
    """A test's own IMAP session on the server, reconnecting when the server restarted."""

    def __init__(self, dovecot: Dovecot, user: str) -> None:
        self.dovecot = dovecot
        self.user = user
        self.client: IMAPClient | None = None

    def _client(self) -> IMAPClient:
        if self.client is None:
            client = IMAPClient(self.dovecot.host, port=self.dovecot.port, ssl=False, timeout=10)
            client.login(self.user, PASSWORD)
            self.client = client
        return self.client

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except Exception:  # the server restarted under it
                self.client.shutdown()
            self.client = None

    def append(self, data: bytes, folder: str = "INBOX") -> None:
        self._client().append(folder, data)

    def count(self, folder: str) -> int:
        client = self._client()
        if not client.folder_exists(folder):
            return 0
        return int(client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])

    def seen(self, folder: str) -> int:
        client = self._client()
        client.select_folder(folder, readonly=True)
        return len(client.search(["SEEN"]))


@pytest.fixture
def mailbox(dovecot: Dovecot) -> Iterator[Mailbox]:
    box = Mailbox(dovecot, dovecot.new_user())
    try:
        yield box
    finally:
        box.close()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = connect(f"sqlite:///{tmp_path / 'trigger.sqlite3'}")
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def stored_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM inbound_messages").scalar_one())


class Running:
    """An :class:`ImapWorker` serving in a thread of the test process."""

    def __init__(self, worker: ImapWorker) -> None:
        self.worker = worker
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=worker.serve, args=(self.stopping,), daemon=True)
        self.thread.start()

    def stop(self) -> float:
        started = time.monotonic()
        self.stopping.set()
        self.thread.join(timeout=WAIT)
        assert not self.thread.is_alive(), "the worker did not stop"
        return time.monotonic() - started


@pytest.fixture
def run_worker(dovecot: Dovecot, mailbox: Mailbox) -> Iterator[Callable[..., Running]]:
    running: list[Running] = []

    def start(store: Callable[[InboundMessage], tuple[int, bool]], **options: object) -> Running:
        account = ImapAccount(
            dovecot.host, mailbox.user, PASSWORD, port=dovecot.port, ssl=False, folder="INBOX"
        )
        options.setdefault("backoff", Backoff(initial=0.1, cap=0.5))
        options.setdefault("timeout", 10.0)
        known = options.pop("known_uidvalidity", None)
        worker = ImapWorker(account, store, **options)  # type: ignore[arg-type]
        if isinstance(known, int):
            worker.uidvalidity["INBOX"] = known
        run = Running(worker)
        running.append(run)
        return run

    yield start
    for run in running:
        run.stop()


def test_imap_when_mail_waits_then_each_is_stored_once_and_moved_to_processed(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    for n in range(3):
        mailbox.append(message(n))
    run = run_worker(inbound_store(lambda: SqlUnitOfWork(engine)))
    wait_until(lambda: mailbox.count("Processed") == 3, what="3 messages in Processed")
    assert mailbox.count("INBOX") == 0
    assert stored_count(engine) == 3
    assert mailbox.seen("Processed") == 0  # fetched with BODY.PEEK[]: flags left alone
    assert run.stop() < 5


def test_imap_when_mail_arrives_during_idle_then_it_is_picked_up_promptly(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    run = run_worker(inbound_store(lambda: SqlUnitOfWork(engine)), poll_seconds=300)
    wait_until(lambda: mailbox.count("Quarantine") == 0 and "INBOX" in run.worker.uidvalidity)
    time.sleep(0.3)  # in IDLE by now
    started = time.monotonic()
    mailbox.append(message(1))
    wait_until(lambda: stored_count(engine) == 1, timeout=10, what="stored after IDLE")
    assert time.monotonic() - started < 5  # a poll would take 300 s
    wait_until(lambda: mailbox.count("Processed") == 1)


def test_imap_when_the_same_bytes_arrive_twice_then_one_message_is_stored(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    mailbox.append(message(7))
    mailbox.append(message(7))
    run_worker(inbound_store(lambda: SqlUnitOfWork(engine)))
    wait_until(lambda: mailbox.count("Processed") == 2, what="both copies moved")
    assert mailbox.count("INBOX") == 0
    assert stored_count(engine) == 1


def test_imap_when_uidvalidity_changes_then_a_warning_names_the_folder_and_nothing_doubles(
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    store = inbound_store(lambda: SqlUnitOfWork(engine))
    store(inbound_from_eml(message(3)))  # stored before, under the folder's old UIDVALIDITY
    mailbox.append(message(3))
    run_worker(store, known_uidvalidity=1)
    wait_until(lambda: mailbox.count("Processed") == 1)
    assert stored_count(engine) == 1
    warnings = [
        r for r in caplog.records if "UIDVALIDITY of folder INBOX changed" in r.getMessage()
    ]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING


def test_imap_when_the_server_restarts_then_the_worker_reconnects_and_mail_flows(
    dovecot: Dovecot,
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    # A connection the restart left to a server process that outlived it hears no news in IDLE:
    # the worker sees the mail at its next IDLE re-issue (60 s in service, 5 s here), so the
    # wait below stays a guard against a hang rather than a race with that re-issue.
    run_worker(inbound_store(lambda: SqlUnitOfWork(engine)), idle_seconds=5.0)
    mailbox.append(message(1))
    wait_until(lambda: mailbox.count("Processed") == 1, what="first message")
    mailbox.close()
    dovecot.restart()
    mailbox.append(message(2))
    wait_until(lambda: mailbox.count("Processed") == 2, what="message after the restart")
    assert stored_count(engine) == 2
    # the recovery is logged once the worker's round ends, which may be just after the move
    wait_until(
        lambda: any("readable again" in r.getMessage() for r in caplog.records),
        what="the recovery logged",
    )
    outages = [r for r in caplog.records if "mailbox is unavailable" in r.getMessage()]
    assert len(outages) == 1  # once per outage


def test_imap_when_a_message_is_over_the_cap_then_it_is_quarantined_and_the_next_flows(
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    mailbox.append(message(1, size=5000))
    mailbox.append(message(2))
    run_worker(inbound_store(lambda: SqlUnitOfWork(engine)), max_bytes=2000)
    wait_until(lambda: mailbox.count("Processed") == 1, what="the small one processed")
    assert mailbox.count("Quarantine") == 1
    assert mailbox.count("INBOX") == 0
    assert stored_count(engine) == 1
    assert any("over the limit of 2000" in r.getMessage() for r in caplog.records)


def test_imap_when_the_store_refuses_a_message_then_it_is_quarantined_and_the_next_flows(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    real = inbound_store(lambda: SqlUnitOfWork(engine))

    def store(inbound: InboundMessage) -> tuple[int, bool]:
        if inbound.raw is not None and b"msg-1@" in inbound.raw:
            raise ValueError("refused")
        return real(inbound)

    mailbox.append(message(1))
    mailbox.append(message(2))
    run_worker(store)
    wait_until(lambda: mailbox.count("Quarantine") == 1 and mailbox.count("Processed") == 1)
    assert stored_count(engine) == 1


def test_imap_when_a_message_is_not_an_email_then_it_is_quarantined_with_the_reason(
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    mailbox.append(b"X-Nothing-Known: 1\r\n\r\nnot a mail at all\r\n")
    mailbox.append(message(2))
    run_worker(inbound_store(lambda: SqlUnitOfWork(engine)))
    wait_until(lambda: mailbox.count("Quarantine") == 1 and mailbox.count("Processed") == 1)
    assert stored_count(engine) == 1
    assert any("not an email: no mail headers" in r.getMessage() for r in caplog.records)


def test_imap_when_a_mime_bomb_arrives_then_it_is_quarantined_and_the_next_flows(
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    mailbox.append(nested(2000))
    mailbox.append(many_recipients(16_000))
    mailbox.append(message(3))
    run_worker(inbound_store(lambda: SqlUnitOfWork(engine)))
    wait_until(lambda: mailbox.count("Quarantine") == 2 and mailbox.count("Processed") == 1)
    assert stored_count(engine) == 1
    reasons = " ".join(r.getMessage() for r in caplog.records)
    assert "too many MIME parts" in reasons and "too many addresses" in reasons


def with_attachment(n: int, size: int) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Ann Lee <ann.lee@example.net>"
    mail["To"] = "communitysafety@example.org"
    mail["Date"] = "Wed, 14 Oct 2026 09:00:00 +0100"
    mail["Message-ID"] = f"<att-{n}@example.net>"
    mail["Subject"] = "Photos"
    mail.set_content("The photos of my door are attached.")
    mail.add_attachment(b"\xff" * size, "image", "jpeg", filename="door.jpg")
    return mail.as_bytes()


def test_imap_when_mail_is_too_large_then_it_is_refused_with_a_reply_that_says_so(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    unit_of_work = partial(SqlUnitOfWork, engine)
    mailbox.append(message(1, size=9000))  # over the message cap: never downloaded
    mailbox.append(with_attachment(2, 3000))  # an attachment over its cap
    mailbox.append(message(3))
    run_worker(
        inbound_store(unit_of_work),
        refuse=inbound_refuser(unit_of_work),
        max_bytes=8000,
        max_attachment_bytes=2000,
    )
    wait_until(lambda: mailbox.count("Quarantine") == 2 and mailbox.count("Processed") == 1)
    server = SmtpServer(free_port())
    server.start()
    try:
        worker = AcknowledgingWorker(
            unit_of_work,
            get_profile("hart"),
            SmtpSender("127.0.0.1", server.port, starttls=False, timeout=5),
            "Community Safety <communitysafety@example.org>",
            ["communitysafety@example.org"],
            clock=lambda: datetime(2026, 12, 7, 10, tzinfo=UTC),
        )
        worker.process_once()
        assert worker.process_once() == 0  # answered once
    finally:
        server.stop()
    by_thread = {str(reply["In-Reply-To"]): reply for _, reply in server.capture.messages}
    assert set(by_thread) == {"<msg-1@example.net>", "<att-2@example.net>"}
    too_large = by_thread["<msg-1@example.net>"]
    assert "because it was too large" in too_large.get_content()
    assert "up to 8 KB" in too_large.get_content()
    assert too_large["Auto-Submitted"] == "auto-replied"
    attachment = by_thread["<att-2@example.net>"].get_content()
    assert "one of its attachments was too large" in attachment
    with unit_of_work() as uow:
        kept = [uow.inbound.get(n) for n in (1, 2)]
    assert all(r is not None and r.raw_media_type == "text/rfc822-headers" for r in kept)
    assert all(r is not None and b"kicked" not in (r.raw or b"") for r in kept)  # headers only


def ledger(engine: Engine, mailbox: Mailbox) -> SqlFolderLedger:
    return SqlFolderLedger(lambda: SqlUnitOfWork(engine), mailbox.user)


def test_imap_when_uidvalidity_is_reset_then_the_folder_pauses_with_an_alert_until_resumed(
    dovecot: Dovecot,
    mailbox: Mailbox,
    run_worker: Callable[..., Running],
    engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="intake.imap")
    store = inbound_store(lambda: SqlUnitOfWork(engine))
    mailbox.append(message(1))
    first = run_worker(store, ledger=ledger(engine, mailbox))
    wait_until(lambda: mailbox.count("Processed") == 1, what="the first message")
    first.stop()
    with SqlUnitOfWork(engine) as uow:
        before = uow.mail_folders.get(mailbox.user, "INBOX")
    assert before is not None and before.last_uid == 1 and not before.paused

    mailbox.close()
    dovecot.set_uidvalidity(mailbox.user, "INBOX", before.uidvalidity + 1000)
    mailbox.append(message(2))
    paused = run_worker(store, ledger=ledger(engine, mailbox))
    wait_until(lambda: any("is PAUSED" in r.getMessage() for r in caplog.records), what="the alert")
    paused.stop()
    [alert] = [r for r in caplog.records if "is PAUSED" in r.getMessage()]
    assert alert.levelno == logging.ERROR
    assert mailbox.count("INBOX") == 1  # not read: neither imported again nor skipped
    assert stored_count(engine) == 1
    with SqlUnitOfWork(engine) as uow:
        folder = uow.mail_folders.get(mailbox.user, "INBOX")
        [entry] = [e for e in uow.audit.entries_after(0) if e.action == "mail_folder.paused"]
        assert folder is not None and folder.paused
        assert folder.paused_uidvalidity == before.uidvalidity + 1000
        assert entry.detail["found"] == before.uidvalidity + 1000
        assert uow.mail_folders.pause(mailbox.user, "INBOX", 5) is False  # alerted once
        uow.mail_folders.resume(mailbox.user, "INBOX", actor="test")

    run_worker(store, ledger=ledger(engine, mailbox))
    wait_until(lambda: mailbox.count("Processed") == 2, what="the message after resuming")
    assert mailbox.count("INBOX") == 0
    assert stored_count(engine) == 2


def test_imap_when_stored_mail_is_flagged_then_it_stays_and_is_never_stored_twice(
    mailbox: Mailbox, run_worker: Callable[..., Running], engine: Engine
) -> None:
    store = inbound_store(lambda: SqlUnitOfWork(engine))
    mailbox.append(message(1))
    mailbox.append(message(2))
    first = run_worker(store, ledger=ledger(engine, mailbox), processed_action="flag")
    wait_until(lambda: stored_count(engine) == 2, what="both stored")
    client = mailbox._client()
    client.select_folder("INBOX", readonly=True)
    wait_until(lambda: len(client.search(["KEYWORD", STORED_KEYWORD])) == 2, what="flagged")
    first.stop()
    mailbox.append(message(3))
    run_worker(store, ledger=ledger(engine, mailbox), processed_action="flag")
    wait_until(lambda: stored_count(engine) == 3, what="the new one")
    assert mailbox.count("INBOX") == 3 and mailbox.count("Processed") == 0
    with SqlUnitOfWork(engine) as uow:
        folder = uow.mail_folders.get(mailbox.user, "INBOX")
    assert folder is not None and folder.last_uid == 3


def test_imap_when_starttls_is_asked_of_a_server_without_it_then_the_mailbox_is_unavailable(
    dovecot: Dovecot, mailbox: Mailbox
) -> None:
    account = ImapAccount(
        dovecot.host, mailbox.user, PASSWORD, port=dovecot.port, ssl=False, starttls=True
    )
    worker = ImapWorker(account, lambda inbound: (0, False), timeout=10.0)
    with pytest.raises(MailboxUnavailable, match="cannot start TLS"):
        worker.connect()


# --- trigger serve over IMAP, as a process -------------------------------------------------------


def start_serve(tmp_path: Path, dovecot: Dovecot, user: str) -> Server:
    """`trigger serve` in ``tmp_path`` reading ``user``'s mailbox on the test Dovecot."""
    return start_serving(
        tmp_path,
        TRIGGER_VAR_DIR=str(tmp_path / "var"),
        TRIGGER_IMAP_HOST=dovecot.host,
        TRIGGER_IMAP_PORT=str(dovecot.port),
        TRIGGER_IMAP_SSL="false",
        TRIGGER_IMAP_USER=user,
        TRIGGER_IMAP_PASSWORD=PASSWORD,
    )


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=10)
        if server.reader is not None:
            server.reader.join(timeout=10)
        if server.process.stdout is not None:
            server.process.stdout.close()


def count_lines(server: Server, needle: str, wanted: int, timeout: float = 60.0) -> None:
    """Read the log until ``needle`` has been seen ``wanted`` times in all (``server.seen``)."""
    deadline = time.monotonic() + timeout
    while sum(needle in line for line in server.seen) < wanted:
        if time.monotonic() > deadline:
            pytest.fail(f"fewer than {wanted} {needle!r} lines:\n" + "".join(server.seen))
        try:
            server.seen.append(server.lines.get(timeout=0.2))
        except queue.Empty:
            if server.process.poll() is not None:
                pytest.fail("trigger serve ended:\n" + "".join(server.seen))


def database_rows(database: Path) -> tuple[int, int, int]:
    """(messages, distinct external ids, distinct content hashes) stored."""
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            "SELECT count(*), count(DISTINCT external_id), count(DISTINCT raw_sha256) "
            "FROM inbound_messages"
        ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def test_serve_when_killed_while_mail_arrives_then_every_message_is_stored_exactly_once(
    dovecot: Dovecot, mailbox: Mailbox, servers: list[Server], tmp_path: Path
) -> None:
    total = 50
    database = tmp_path / "var" / "trigger.sqlite3"
    appended = threading.Event()
    appender = Mailbox(dovecot, mailbox.user)

    def deliver() -> None:
        try:
            for n in range(total):
                data = message(n)
                if n % 7 == 0:  # some with no Message-ID
                    data = data.replace(f"Message-ID: <msg-{n}@example.net>\r\n".encode(), b"")
                appender.append(data)
                time.sleep(0.02)
        finally:
            appender.close()
            appended.set()

    server = start_serve(tmp_path, dovecot, mailbox.user)
    servers.append(server)
    server.wait_for("trigger serve ready", timeout=60)
    delivery = threading.Thread(target=deliver, daemon=True)
    delivery.start()
    for kill_after in (5, 12):  # SIGKILL wherever the worker is at that moment, then restart
        count_lines(server, "imap: stored", kill_after)
        server.process.send_signal(signal.SIGKILL)
        server.finish(timeout=WAIT)
        server = start_serve(tmp_path, dovecot, mailbox.user)
        servers.append(server)
        server.wait_for("trigger serve ready", timeout=60)
    assert appended.wait(timeout=60)
    delivery.join(timeout=WAIT)
    wait_until(
        lambda: mailbox.count("INBOX") == 0 and database_rows(database)[0] >= total,
        timeout=60,
        what="every message stored and moved",
    )
    server.process.send_signal(signal.SIGTERM)
    status, log = server.finish(timeout=30)
    assert status == 0, log
    assert database_rows(database) == (total, total, total)
    assert mailbox.count("INBOX") == 0
    assert mailbox.count("Processed") == total
    assert mailbox.count("Quarantine") == 0


def test_serve_killed_at_random_points_while_200_messages_arrive_loses_and_doubles_nothing(
    dovecot: Dovecot, mailbox: Mailbox, servers: list[Server], tmp_path: Path
) -> None:
    """Some messages have no Message-ID, some reuse another's with a different body: each is
    its own content. SIGKILL at four random points (seed in the failure message)."""
    total = 200
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    kills = [rng.randint(3, 35) for _ in range(4)]  # stored lines each server gets to log
    database = tmp_path / "var" / "trigger.sqlite3"
    appended = threading.Event()
    appender = Mailbox(dovecot, mailbox.user)

    def deliver() -> None:
        try:
            for n in range(total):
                data = message(n, body=f"Account number {n}: they kicked my door again.")
                if n % 7 == 0:  # no Message-ID
                    data = data.replace(f"Message-ID: <msg-{n}@example.net>\r\n".encode(), b"")
                elif n % 11 == 0:  # another message's Message-ID, a different body
                    data = data.replace(f"<msg-{n}@".encode(), b"<msg-1@")
                appender.append(data)
                time.sleep(0.005)
        finally:
            appender.close()
            appended.set()

    logs: list[str] = []
    server = start_serve(tmp_path, dovecot, mailbox.user)
    servers.append(server)
    server.wait_for("trigger serve ready", timeout=60)
    delivery = threading.Thread(target=deliver, daemon=True)
    delivery.start()
    for kill_after in kills:
        count_lines(server, "imap: stored", kill_after, timeout=120)
        server.process.send_signal(signal.SIGKILL)
        logs.append(server.finish(timeout=WAIT)[1])
        server = start_serve(tmp_path, dovecot, mailbox.user)
        servers.append(server)
        server.wait_for("trigger serve ready", timeout=60)
    assert appended.wait(timeout=120)
    delivery.join(timeout=WAIT)
    wait_until(
        lambda: mailbox.count("INBOX") == 0 and database_rows(database)[0] >= total,
        timeout=180,
        what=f"every message stored and moved (seed {seed})",
    )
    server.process.send_signal(signal.SIGTERM)
    status, log = server.finish(timeout=30)
    assert status == 0, log
    logs.append(log)
    settled = [
        (match.group(1), int(match.group(2)))
        for text in logs
        for match in re.finditer(r"imap: (stored|already had) INBOX uid (\d+) \(", text)
    ]
    stored_uids = [uid for how, uid in settled if how == "stored"]
    # Each UID stored at most once (a kill between the store and its log line leaves it to the
    # restart's "already had"), and every UID settled.
    assert len(stored_uids) == len(set(stored_uids)), f"seed {seed}"
    assert {uid for _, uid in settled} == set(range(1, total + 1)), f"seed {seed}"
    assert database_rows(database) == (total, total, total), f"seed {seed}"
    assert mailbox.count("INBOX") == 0
    assert mailbox.count("Processed") == total
    with sqlite3.connect(database) as connection:
        [(last_uid, paused)] = connection.execute(
            "SELECT last_uid, paused_at FROM mail_folders WHERE folder = 'INBOX'"
        ).fetchall()
    assert last_uid == total and paused is None


def test_serve_when_imap_is_configured_then_an_appended_email_is_drafted(
    dovecot: Dovecot, mailbox: Mailbox, servers: list[Server], tmp_path: Path
) -> None:
    server = start_serve(tmp_path, dovecot, mailbox.user)
    servers.append(server)
    server.wait_for("trigger serve ready", timeout=60)
    mailbox.append(
        message(
            1,
            body=(
                "Last Friday the lads next door smashed my window. I rang 101 straight away.\r\n"
                "On Monday they kicked my door and I reported it to the council the next day."
            ),
        )
    )
    server.wait_for("imap: stored INBOX uid 1", timeout=WAIT)
    server.wait_for("inbound 1 drafted as application 1", timeout=60)
    server.process.send_signal(signal.SIGTERM)
    status, log = server.finish(timeout=30)
    assert status == 0, log
    assert "Traceback" not in log
    assert "email: IMAP 127.0.0.1" in log
    assert "drop folder" not in log
    imap_lines = [line for line in log.splitlines() if "imap:" in line]
    assert imap_lines
    assert not any("ann.lee" in line or "Community Trigger" in line for line in imap_lines)
    assert mailbox.count("Processed") == 1
