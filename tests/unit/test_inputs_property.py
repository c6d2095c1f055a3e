"""Properties of the input parsers over generated inputs (hypothesis)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from email.mime.text import MIMEText
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.errors import RejectedMessage
from intake.mime import parse_email
from intake.transcript import parse_chat
from nlp.document import Document, SegmentKind

HEADERS = (
    b"From: A <a@example.net>\r\nDate: Mon, 14 Sep 2026 20:47:12 +0100\r\n"
    b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
)


def _check_segments(document: Document) -> None:
    position = 0
    for segment in document.segments:
        assert position <= segment.start < segment.end <= len(document.text)
        assert document.text[position : segment.start].strip() == ""
        position = segment.end


def _parse_or_reject(raw: bytes) -> None:
    try:
        document = parse_email(raw)
    except RejectedMessage:
        return
    assert document.received_at.tzinfo is not None
    _check_segments(document)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_document_or_a_rejection(raw: bytes) -> None:
    _parse_or_reject(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_body_after_valid_headers_gives_a_document_or_a_rejection(body: bytes) -> None:
    _parse_or_reject(HEADERS + body)


MAIL_LINES = st.sampled_from(
    [
        "They kicked the door again last night.",
        "",
        "> quoted line",
        ">",
        "On Mon, 14 Sep 2026 at 10:02, X <x@example.net> wrote:",
        "---------- Forwarded message ---------",
        "-----Original Message-----",
        "Begin forwarded message:",
        "From: Someone <someone@example.net>",
        "Sent: Monday, September 14, 2026 8:47 PM",
        "Date: Fri, 2 Oct 2026 at 10:26",
        "To: Other <other@example.org>",
        "Subject: FW: again",
        "Kind regards,",
        "Grace Adeyemi",
        "07700 900 311",
        "-- ",
        "Sent from my iPhone",
        "This email and any attachments are confidential.",
        "________________________________",
        "  *From:* bob@example.com [mailto:",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MAIL_LINES, st.text(max_size=40)), max_size=40))
def test_any_mail_text_gives_ordered_segments(lines: list[str]) -> None:
    message = MIMEText("\n".join(lines) + "\n", "plain", "utf-8")
    message["From"] = "A <a@example.net>"
    message["Date"] = "Mon, 14 Sep 2026 20:47:12 +0100"
    _parse_or_reject(message.as_bytes())


def test_one_megabyte_email_is_parsed() -> None:
    paragraph = (
        "On the 3rd they threw eggs at my door. Note: I reported it.\n"
        "From: nobody\n> a quoted line\n\n"
    )
    body = paragraph * (1_000_000 // len(paragraph))
    message = MIMEText(body, "plain", "utf-8")
    message["From"] = "A <a@example.net>"
    message["Date"] = "Mon, 14 Sep 2026 20:47:12 +0100"
    document = parse_email(message.as_bytes())
    assert len(document.text) >= 1_000_000 - len(paragraph)
    _check_segments(document)


ZONES = [None, UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))]
# hypothesis wants naive bounds; the generated datetimes get one of ZONES (None: naive, which
# the contract takes as Europe/London).
AT = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from(ZONES),
)
MESSAGE = st.fixed_dictionaries(
    {"at": AT.map(datetime.isoformat), "from": st.sampled_from(["user", "bot"]), "text": st.text()}
)


@settings(max_examples=200, deadline=None)
@given(
    name=st.one_of(st.none(), st.text(max_size=20)),
    messages=st.lists(MESSAGE, max_size=12),
)
def test_any_chat_in_the_contract_format_gives_a_document(
    name: str | None, messages: list[dict[str, Any]]
) -> None:
    transcript = {
        "channel": "chat",
        "platform": "telegram",
        "user": {"id": 1, "name": name},
        "messages": messages,
    }
    users = [m for m in messages if m["from"] == "user"]
    try:
        document = parse_chat(json.dumps(transcript))
    except RejectedMessage:
        assert not users or not "\n".join(m["text"] for m in users).strip()
        return
    texts = [m["text"].replace("\r\n", "\n").replace("\r", "\n") for m in users]
    assert document.text == "\n".join(texts)
    assert document.received_at.tzinfo is not None
    assert all(s.kind is SegmentKind.CHAT_USER for s in document.segments)
    _check_segments(document)
