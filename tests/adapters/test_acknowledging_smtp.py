"""Acknowledgements sent to a real SMTP server (aiosmtpd in a thread, on a loopback port).

Each drafted email's sender gets one acknowledgement, threaded on their message and marked
``Auto-Submitted``; auto-replies and list mail get none; a second worker (a restart, a second
``trigger serve``) sends nothing again; a mail server that is down is waited out and the
acknowledgement sent once it is back. No real network: everything is on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from functools import partial

import pytest
from sqlalchemy import Engine

from app.acknowledging import AcknowledgingWorker, ReplyAction
from app.drafting import DraftingWorker
from console.audit import ConsoleAction
from intake.drop_folder import inbound_from_eml
from intake.smtp import MailUnavailable, SmtpSender
from nlp.extract import Extractor
from storage.transient import Backoff
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import TestClient, add_account, console, sign_in
from tests.smtp_server import SmtpServer, free_port
from trigger.clock import LetterKind
from trigger.profiles import get_profile

OURS = "communitysafety@example.org"
TODAY = datetime(2026, 10, 15, 12, 0, tzinfo=UTC)  # the day after EMAIL was sent
FROM = f"Community Safety <{OURS}>"
EMAIL = b"""From: Ann Lee <ann.lee@example.net>\r
To: communitysafety@example.org\r
Subject: Community Trigger\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <one@example.net>\r
Content-Type: text/plain; charset=utf-8\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
On Monday they kicked my door and I reported it to the council the next day.\r
Yesterday they threw eggs at the house and I rang the police that night.\r
"""


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def drafted(engine: Engine, extractor: Extractor, *raws: bytes) -> list[int]:
    """Store ``raws`` and draft them as `trigger serve` would; return their inbound ids."""
    ids = []
    for raw in raws:
        with SqlUnitOfWork(engine) as uow:
            inbound_id, _ = uow.inbound.save(inbound_from_eml(raw))
        ids.append(inbound_id)
    worker = DraftingWorker(partial(SqlUnitOfWork, engine), get_profile("hart"), extractor)
    while worker.process_once():
        pass
    return ids


def acknowledger(engine: Engine, port: int) -> AcknowledgingWorker:
    sender = SmtpSender("127.0.0.1", port, starttls=False, timeout=5)
    return AcknowledgingWorker(
        partial(SqlUnitOfWork, engine),
        get_profile("hart"),
        sender,
        FROM,
        [OURS],
        backoff=Backoff(initial=0.0, cap=0.0),
        clock=lambda: TODAY,
    )


def replies(engine: Engine, inbound_id: int) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        return [
            entry.action
            for entry in uow.audit.trail(subject_type="inbound", subject_id=inbound_id)
            if entry.action.startswith("reply.")
        ]


def test_drafted_email_is_acknowledged_threaded_and_marked_automatic(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    worker = acknowledger(engine, smtp_server.port)
    assert worker.process_once() == 1
    [(recipients, message)] = smtp_server.capture.messages
    assert recipients == ["ann.lee@example.net"]
    assert message["To"] == "ann.lee@example.net"
    assert message["Subject"] == "Re: Community Trigger"
    assert message["In-Reply-To"] == "<one@example.net>"
    assert message["References"] == "<one@example.net>"
    assert message["Auto-Submitted"] == "auto-replied"
    assert str(message["Message-ID"]).endswith("@example.org>")
    body = message.get_content()
    assert "We received it on Wednesday 14 October 2026." in body
    assert "You will hear from us by Wednesday 21 October 2026." in body
    assert "eggs" not in body and "window" not in body
    assert replies(engine, inbound_id) == [ReplyAction.SENT]


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Auto-Submitted: auto-replied", "auto_submitted"),
        ("List-Id: <residents.example.net>", "mailing_list"),
        ("Precedence: bulk", "precedence"),
    ],
)
def test_auto_reply_or_list_mail_gets_no_acknowledgement(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer, header: str, reason: str
) -> None:
    raw = EMAIL.replace(b"Message-ID:", header.encode() + b"\r\nMessage-ID:")
    [inbound_id] = drafted(engine, extractor, raw)
    assert acknowledger(engine, smtp_server.port).process_once() == 1
    assert smtp_server.capture.messages == []
    assert replies(engine, inbound_id) == [ReplyAction.SKIPPED]
    with SqlUnitOfWork(engine) as uow:
        [entry] = [
            e
            for e in uow.audit.trail(subject_type="inbound", subject_id=inbound_id)
            if e.action == ReplyAction.SKIPPED
        ]
        assert entry.detail["reason"] == reason


def test_our_own_mail_gets_no_acknowledgement(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    raw = EMAIL.replace(b"From: Ann Lee <ann.lee@example.net>", f"From: {FROM}".encode())
    [inbound_id] = drafted(engine, extractor, raw)
    acknowledger(engine, smtp_server.port).process_once()
    assert smtp_server.capture.messages == []
    assert replies(engine, inbound_id) == [ReplyAction.SKIPPED]


def test_acknowledged_once_when_the_service_runs_twice(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    first = acknowledger(engine, smtp_server.port)
    first.process_once()
    first.process_once()
    acknowledger(engine, smtp_server.port).process_once()  # a restart, or a second process
    assert len(smtp_server.capture.messages) == 1
    assert replies(engine, inbound_id) == [ReplyAction.SENT]


def test_acknowledged_once_by_the_running_service(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)

    async def serve_twice() -> None:
        stop = asyncio.Event()
        workers = [acknowledger(engine, smtp_server.port) for _ in range(2)]
        tasks = [asyncio.create_task(w.run(stop, interval=0.05)) for w in workers]
        for _ in range(200):
            if replies(engine, inbound_id) and all(not w.pending for w in workers):
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.gather(*tasks)

    asyncio.run(serve_twice())
    assert len(smtp_server.capture.messages) == 1
    assert replies(engine, inbound_id) == [ReplyAction.SENT]


def test_smtp_down_then_up_sends_once_after_recovery(engine: Engine, extractor: Extractor) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    server = SmtpServer(free_port())  # not started: connections are refused
    worker = acknowledger(engine, server.port)
    assert worker.process_once() == 0
    assert worker.process_once() == 0
    assert inbound_id in worker.pending and replies(engine, inbound_id) == []
    server.start()
    try:
        assert worker.process_once() == 1
        assert worker.process_once() == 0
        assert len(server.capture.messages) == 1
        assert replies(engine, inbound_id) == [ReplyAction.SENT]
    finally:
        server.stop()


def test_message_refused_for_good_is_recorded_not_retried(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    smtp_server.capture.refuse = True
    worker = acknowledger(engine, smtp_server.port)
    assert worker.process_once() == 1
    assert worker.pending == {}
    assert replies(engine, inbound_id) == [ReplyAction.REFUSED]


def test_sender_translates_a_dead_server_into_mail_unavailable() -> None:
    sender = SmtpSender("127.0.0.1", free_port(), starttls=False, timeout=2)
    message = EmailMessage()
    message["From"] = OURS
    message["To"] = "ann@example.net"
    message.set_content("hello")
    with pytest.raises(MailUnavailable):
        sender.send(message)


def test_sender_with_starttls_against_a_server_without_it_is_unavailable(
    smtp_server: SmtpServer,
) -> None:
    sender = SmtpSender("127.0.0.1", smtp_server.port, starttls=True, timeout=5)
    message = EmailMessage()
    message["From"] = OURS
    message["To"] = "ann@example.net"
    message.set_content("hello")
    with pytest.raises(MailUnavailable):
        sender.send(message)
    assert smtp_server.capture.messages == []


def test_old_draft_whose_promised_day_has_passed_gets_no_acknowledgement(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    worker = acknowledger(engine, smtp_server.port)
    worker.clock = lambda: datetime(2026, 10, 22, 9, 0, tzinfo=UTC)  # due 21 October
    assert worker.process_once() == 1
    assert smtp_server.capture.messages == []
    assert replies(engine, inbound_id) == [ReplyAction.SKIPPED]


def acknowledge_state(engine: Engine) -> str:
    """Where the acknowledge step of the one drafted case stands on its case page's clock."""
    with SqlUnitOfWork(engine) as uow:
        [case] = uow.applications.list_drafts()
        known = uow.accounts.find("jo") is not None
    if not known:
        add_account(engine, "jo", area=case.policy)
    client = TestClient(console(engine))
    sign_in(client, "jo")
    page = client.get(f"/cases/{case.id}").text
    found = re.search(r'id="clock-acknowledge" data-state="(\w+)"', page)
    assert found is not None, "no acknowledge step on the case page"
    return found.group(1)


def test_a_sent_acknowledgement_marks_the_clock_step_done(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    drafted(engine, extractor, EMAIL)
    assert acknowledge_state(engine) != "done"
    assert acknowledger(engine, smtp_server.port).process_once() == 1
    assert acknowledge_state(engine) == "done"
    with SqlUnitOfWork(engine) as uow:
        [case] = uow.applications.list_drafts()
        events = uow.reviews.case_events([case.id], ConsoleAction.LETTER_PRODUCED)[case.id]
    assert list(events.letters) == [LetterKind.ACKNOWLEDGEMENT]


def test_an_acknowledgement_not_sent_or_refused_leaves_the_clock_step_open(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    [inbound_id] = drafted(engine, extractor, EMAIL)
    down = SmtpServer(free_port())  # not started: connections are refused
    assert acknowledger(engine, down.port).process_once() == 0
    assert replies(engine, inbound_id) == [] and acknowledge_state(engine) != "done"
    smtp_server.capture.refuse = True
    assert acknowledger(engine, smtp_server.port).process_once() == 1
    assert replies(engine, inbound_id) == [ReplyAction.REFUSED]
    assert acknowledge_state(engine) != "done"


def test_a_skipped_acknowledgement_leaves_the_clock_step_open(
    engine: Engine, extractor: Extractor, smtp_server: SmtpServer
) -> None:
    raw = EMAIL.replace(b"Message-ID:", b"Auto-Submitted: auto-replied\r\nMessage-ID:")
    [inbound_id] = drafted(engine, extractor, raw)
    assert acknowledger(engine, smtp_server.port).process_once() == 1
    assert replies(engine, inbound_id) == [ReplyAction.SKIPPED]
    assert acknowledge_state(engine) != "done"
