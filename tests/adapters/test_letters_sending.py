"""Sending letters from the case page, with real parts: the console over a real database, a
real SMTP server (aiosmtpd on loopback) and the local fake of Telegram's Bot API.

An email applicant's letter arrives by email with its PDF attached; a chat applicant's arrives
in their chat as a document; an assisted-intake applicant's waits to be posted or handed over.
A mail server that is down leaves the letter queued until it is back. Nothing sent names the
alleged perpetrator. Signed-out users and other areas' officers can neither send nor download.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterator
from datetime import UTC, timedelta

import pytest
from sqlalchemy import Engine

from app.delivering import LetterDelivery, delivery_services
from app.settings import load_settings
from bot.letters import TelegramLetters
from intake.smtp import SmtpSender
from storage.repositories.letters import LetterSummary
from storage.tables import ApplicationStatus, InboundState, LetterChannel, LetterState
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import (
    RECEIVED,
    Clock,
    TestClient,
    add_account,
    console,
    csrf_of,
    email_bytes,
    seed_case,
    sign_in,
)
from tests.smtp_server import SmtpServer, free_port
from tests.telegram_fake import TOKEN, running_fake
from trigger.draft import Draft
from trigger.inbound import InboundMessage
from trigger.profiles import get_profile
from trigger.threshold import decide
from trigger.vocabulary import Channel

FROM = "Community Safety <asb@council.example>"
CHAT = 424242


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def officer_client(engine: Engine, name: str = "jo", area: str | None = "hartlepool") -> TestClient:
    add_account(engine, name, area=area)
    client = TestClient(console(engine))
    assert sign_in(client, name).status_code == 303  # type: ignore[attr-defined]
    return client


def send(client: TestClient, case_id: int, kind: str, *, again: bool = False) -> object:
    token = csrf_of(client.get(f"/cases/{case_id}").text)
    data = {"csrf_token": token, "kind": kind}
    if again:
        data["again"] = "yes"
    return client.post(f"/cases/{case_id}/correspondence", data=data, follow_redirects=False)


def letters_of(engine: Engine, case_id: int) -> list[LetterSummary]:
    with SqlUnitOfWork(engine) as uow:
        return uow.letters.for_application(case_id)


def actions(engine: Engine, case_id: int) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        return [e.action for e in uow.audit.trail(subject_type="application", subject_id=case_id)]


def mailer(engine: Engine, port: int, clock: Clock | None = None) -> LetterDelivery:
    return LetterDelivery(
        functools.partial(SqlUnitOfWork, engine),
        mail=SmtpSender("127.0.0.1", port, starttls=False, timeout=5),
        from_address=FROM,
        clock=clock or Clock(),
    )


def seed_other_channel(engine: Engine, channel: str, thread_key: str | None) -> int:
    """A ready case whose message came by ``channel`` (a chat, or assisted intake)."""
    draft = Draft(channel=Channel.CHAT, received_at=RECEIVED)
    draft.applicant.name = "Sam Chat"
    draft.threshold = decide(draft, get_profile("hartlepool")).to_result()
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(
            InboundMessage(
                channel=channel,
                external_id=f"{channel}-1",
                received_at=RECEIVED,
                raw=b'{"update_id": 1}' if channel == "telegram" else None,
                text="they shout at me",
                sender=thread_key or "officer:1",
                thread_keys=(thread_key,) if thread_key else (),
            )
        )
        uow.inbound.set_state(inbound_id, InboundState.PROCESSED)
        return uow.applications.save_draft(
            draft, policy="hartlepool", inbound_ids=[inbound_id], status=ApplicationStatus.READY
        )


def stored_pdf(engine: Engine, letter_id: int) -> tuple[bytes, str]:
    with SqlUnitOfWork(engine) as uow:
        letter = uow.letters.get(letter_id)
    assert letter is not None
    return letter.pdf, letter.html


def test_an_email_applicants_letter_arrives_by_email_with_its_pdf(
    engine: Engine, smtp_server: SmtpServer
) -> None:
    case_id = seed_case(engine)
    client = officer_client(engine)
    page = client.get(f"/cases/{case_id}").text
    assert 'id="send-letter-acknowledgement"' in page and "No letters sent yet" in page
    response = send(client, case_id, "acknowledgement")
    assert response.status_code == 303  # type: ignore[attr-defined]
    [letter] = letters_of(engine, case_id)
    assert letter.channel is LetterChannel.EMAIL and letter.recipient == "pat@example.org"
    assert letter.state is LetterState.QUEUED and letter.officer_name == "jo"
    assert 'data-state="queued"' in client.get(f"/cases/{case_id}").text

    assert asyncio.run(mailer(engine, smtp_server.port).deliver_once()) == 1

    [(recipients, message)] = smtp_server.capture.messages
    assert recipients == ["pat@example.org"]
    assert f"CT-{case_id:06d}" in str(message["Subject"])
    assert message["Auto-Submitted"] is None  # an officer sent it: not an automatic message
    body = message.get_body(("plain",))
    assert body is not None and f"CT-{case_id:06d}" in body.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"CT-{case_id:06d}-acknowledgement.pdf"
    pdf, _ = stored_pdf(engine, letter.id)
    assert attachment.get_content() == pdf and pdf.startswith(b"%PDF")

    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.SENT and letter.sent_at is not None
    page = client.get(f"/cases/{case_id}").text
    assert 'data-state="sent"' in page
    download = client.get(f"/cases/{case_id}/correspondence/{letter.id}.pdf")
    assert download.status_code == 200 and download.content == pdf
    assert download.headers["content-disposition"].startswith("attachment;")
    trail = actions(engine, case_id)
    assert "case.letter_sent" in trail and "letter.delivered" in trail
    assert "case.letter_downloaded" in trail


def test_an_email_with_a_reply_to_gets_its_letter_there(engine: Engine) -> None:
    raw = email_bytes().replace(
        b"To: asb@council.example", b"Reply-To: Pat <pat.home@example.net>\nTo: asb@council.example"
    )
    case_id = seed_case(engine, raw=raw)
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    [letter] = letters_of(engine, case_id)
    assert letter.channel is LetterChannel.EMAIL and letter.recipient == "pat.home@example.net"


def test_nothing_sent_names_the_alleged_perpetrator(
    engine: Engine, smtp_server: SmtpServer
) -> None:
    raw = email_bytes(
        body="On 1 October 2026 Darren Pike from number 12 played music all night; "
        "I rang the police that day.\nOn 20 October 2026 Darren Pike shouted at my children; "
        "I rang the police that day.\nOn 5 January 2025 Darren Pike broke my fence.\n"
        "The court hearing is on 2 November 2026.\n",
        subject="Darren Pike at number 12",
    )
    case_id = seed_case(engine, raw=raw)
    client = officer_client(engine)
    token = csrf_of(client.get(f"/cases/{case_id}").text)
    client.post(
        f"/cases/{case_id}/decision",
        data={
            "version": "1",
            "csrf_token": token,
            "outcome": "not_met",
            "reason": "Darren Pike's conduct was reported too long ago",
        },
    )
    assert send(client, case_id, "decision").status_code == 303  # type: ignore[attr-defined]
    assert asyncio.run(mailer(engine, smtp_server.port).deliver_once()) == 1
    [(_, message)] = smtp_server.capture.messages
    [letter] = letters_of(engine, case_id)
    pdf, html = stored_pdf(engine, letter.id)
    assert "does not meet the threshold" in html  # the decision letter it is
    body = message.get_body(("plain",))
    assert body is not None
    # (no PDF text extractor is installed: the PDF is checked through the HTML it was
    # rendered from, and the attachment is that PDF byte for byte)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content() == pdf
    for text in (str(message["Subject"]), body.get_content(), html):
        assert "Darren" not in text and "Pike" not in text and "number 12" not in text


def test_when_the_mail_server_is_down_the_letter_waits_and_goes_when_it_is_back(
    engine: Engine,
) -> None:
    server = SmtpServer(free_port())  # not started: connections are refused
    case_id = seed_case(engine)
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    clock = Clock()
    worker = mailer(engine, server.port, clock)
    assert asyncio.run(worker.deliver_once()) == 0
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.QUEUED and letter.attempts == 1
    assert letter.reason is not None and letter.reason.startswith("smtp_unavailable")
    assert "letter.delayed" in actions(engine, case_id)
    server.start()
    try:
        assert asyncio.run(worker.deliver_once()) == 0  # not before its retry time
        clock.advance(timedelta(seconds=31))
        assert asyncio.run(worker.deliver_once()) == 1
        assert len(server.capture.messages) == 1
    finally:
        server.stop()
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.SENT and letter.attempts == 2


def test_a_letter_the_mail_server_refuses_for_good_is_failed_with_the_reason(
    engine: Engine, smtp_server: SmtpServer
) -> None:
    smtp_server.capture.refuse = True
    case_id = seed_case(engine)
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    assert asyncio.run(mailer(engine, smtp_server.port).deliver_once()) == 0
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.FAILED and letter.reason == "smtp_550"
    assert "letter.failed" in actions(engine, case_id)
    # a failed letter is not "already sent": sending again needs no tick
    assert send(client, case_id, "acknowledgement").headers["location"].endswith("#letters-sent")  # type: ignore[attr-defined]
    assert len(letters_of(engine, case_id)) == 2


async def _deliver_by_chat(engine: Engine, base_url: str) -> int:
    chat = TelegramLetters(TOKEN, base_url)
    worker = LetterDelivery(functools.partial(SqlUnitOfWork, engine), chat=chat)
    try:
        return await worker.deliver_once()
    finally:
        await chat.stop()


def test_a_chat_applicants_letter_arrives_in_their_chat_as_a_document(engine: Engine) -> None:
    case_id = seed_other_channel(engine, "telegram", str(CHAT))
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    [letter] = letters_of(engine, case_id)
    assert letter.channel is LetterChannel.TELEGRAM and letter.recipient == str(CHAT)
    with running_fake() as api:
        assert asyncio.run(_deliver_by_chat(engine, api.base_url)) == 1
        [document] = api.documents
    assert document.chat_id == CHAT
    assert document.filename == f"CT-{case_id:06d}-acknowledgement.pdf"
    pdf, _ = stored_pdf(engine, letter.id)
    assert document.content == pdf
    assert document.caption is not None and f"CT-{case_id:06d}" in document.caption
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.SENT


def test_a_chat_that_blocked_the_bot_fails_the_letter_and_telegram_down_keeps_it(
    engine: Engine,
) -> None:
    case_id = seed_other_channel(engine, "telegram", str(CHAT))
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    with running_fake() as api:
        down_url = api.base_url
    # the fake is gone: Telegram is unreachable, the letter stays queued
    assert asyncio.run(_deliver_by_chat(engine, down_url)) == 0
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.QUEUED and letter.attempts == 1
    with running_fake() as api:
        api.blocked.add(CHAT)
        with SqlUnitOfWork(engine) as uow:  # due again now
            uow.letters.postpone(letter.id, "test", RECEIVED.astimezone(UTC))
        assert asyncio.run(_deliver_by_chat(engine, api.base_url)) == 0
        assert api.documents == []
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.FAILED and letter.reason == "telegram_forbidden"


def test_an_assisted_intake_letter_is_kept_to_post_or_hand_over(engine: Engine) -> None:
    case_id = seed_other_channel(engine, "assisted-phone", None)
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    [letter] = letters_of(engine, case_id)
    assert letter.channel is LetterChannel.POST and letter.recipient is None
    assert letter.state is LetterState.TO_POST
    page = client.get(f"/cases/{case_id}").text
    assert "to be posted or handed over" in page and f'id="handed-over-{letter.id}"' in page
    # no worker takes it, whatever it can send by
    with SqlUnitOfWork(engine) as uow:
        now = RECEIVED + timedelta(days=1)
        channels = frozenset({LetterChannel.EMAIL, LetterChannel.TELEGRAM})
        assert uow.letters.claim_next(now, timedelta(minutes=5), channels=channels) is None
    pdf = client.get(f"/cases/{case_id}/correspondence/{letter.id}.pdf")
    assert pdf.content.startswith(b"%PDF")  # for printing
    response = client.post(
        f"/cases/{case_id}/correspondence/{letter.id}/handed-over",
        data={"csrf_token": csrf_of(page)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    [letter] = letters_of(engine, case_id)
    assert letter.state is LetterState.SENT and letter.sent_at is not None
    with SqlUnitOfWork(engine) as uow:
        trail = uow.audit.trail(subject_type="application", subject_id=case_id)
    handed = [e for e in trail if e.action == "letter.handed_over"]
    assert handed and handed[0].actor.startswith("officer:")


def test_sending_the_same_kind_again_asks_for_a_tick(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = officer_client(engine)
    send(client, case_id, "acknowledgement")
    page = client.get(f"/cases/{case_id}").text
    assert 'id="again-acknowledgement"' in page
    refused = send(client, case_id, "acknowledgement")
    assert "error=" in refused.headers["location"]  # type: ignore[attr-defined]
    assert len(letters_of(engine, case_id)) == 1
    send(client, case_id, "acknowledgement", again=True)
    assert len(letters_of(engine, case_id)) == 2
    with SqlUnitOfWork(engine) as uow:
        trail = uow.audit.trail(subject_type="application", subject_id=case_id)
    sent = [e.detail["again"] for e in trail if e.action == "case.letter_sent"]
    assert sent == [False, True]


def test_a_letter_the_case_cannot_have_yet_is_refused_with_the_reason(engine: Engine) -> None:
    case_id = seed_case(engine)
    client = officer_client(engine)
    response = send(client, case_id, "decision")  # undecided
    assert "error=" in response.headers["location"]  # type: ignore[attr-defined]
    assert letters_of(engine, case_id) == []
    unknown = send(client, case_id, "no_such_kind")
    assert unknown.status_code == 404  # type: ignore[attr-defined]


def test_signed_out_users_and_other_areas_cannot_send_or_download(engine: Engine) -> None:
    theirs = seed_case(engine, policy="durham", external_id="<other@example.org>")
    durham = officer_client(engine, "dee", area="durham")
    send(durham, theirs, "acknowledgement")
    [letter] = letters_of(engine, theirs)
    ours = seed_case(engine)
    client = officer_client(engine)
    token = csrf_of(client.get(f"/cases/{ours}").text)
    response = client.post(
        f"/cases/{theirs}/correspondence",
        data={"csrf_token": token, "kind": "acknowledgement"},
        follow_redirects=False,
    )
    assert response.status_code == 404
    assert client.get(f"/cases/{theirs}/correspondence/{letter.id}.pdf").status_code == 404
    # nor through their own case's address
    assert client.get(f"/cases/{ours}/correspondence/{letter.id}.pdf").status_code == 404
    assert len(letters_of(engine, theirs)) == 1

    anonymous = TestClient(console(engine))
    response = anonymous.post(
        f"/cases/{ours}/correspondence",
        data={"csrf_token": token, "kind": "acknowledgement"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/sign-in"
    download = anonymous.get(
        f"/cases/{theirs}/correspondence/{letter.id}.pdf", follow_redirects=False
    )
    assert download.status_code == 303 and download.headers["location"] == "/sign-in"
    assert letters_of(engine, ours) == []


def test_serve_runs_the_letter_sender_only_when_it_can_send(engine: Engine) -> None:
    unit_of_work = functools.partial(SqlUnitOfWork, engine)
    assert delivery_services(load_settings(smtp_host=None, telegram_token=None), unit_of_work) == []
    services = delivery_services(
        load_settings(smtp_host="127.0.0.1", smtp_from=FROM, telegram_token=None), unit_of_work
    )
    assert [service.name for service in services] == ["letters"]
