"""Properties of the input parsers over generated inputs (hypothesis)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.errors import RejectedMessage
from intake.load import load_document
from intake.mime import parse_email
from intake.transcript import parse_chat, parse_text
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


# --- chat transcripts, plain texts and loading by suffix: tables --------------------------------

VALID_CHAT: dict[str, Any] = {
    "channel": "chat",
    "platform": "telegram",
    "user": {"id": 48151623, "name": "Sam"},
    "messages": [
        {"at": "2026-10-01T19:02:00+01:00", "from": "user", "text": "They smashed my window"},
        {"at": "2026-10-01T19:02:05+01:00", "from": "bot", "text": "When did that happen?"},
        {"at": "2026-10-01T19:03:10", "from": "user", "text": "last night"},
    ],
}


def _chat(**changes: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(VALID_CHAT)), **changes}


def test_parse_chat_joins_user_messages_and_keeps_bot_prompts() -> None:
    document = parse_chat(json.dumps(VALID_CHAT).encode())
    assert document.text == "They smashed my window\nlast night"
    london = ZoneInfo("Europe/London")
    assert [(s.start, s.end, s.prompt, s.reference) for s in document.segments] == [
        (0, 22, None, datetime(2026, 10, 1, 19, 2, tzinfo=timezone(timedelta(hours=1)))),
        (23, 33, "When did that happen?", datetime(2026, 10, 1, 19, 3, 10, tzinfo=london)),
    ]
    assert document.received_at == datetime(2026, 10, 1, 19, 3, 10, tzinfo=london)
    assert document.sender is not None and document.sender.name == "Sam"


@pytest.mark.parametrize(
    ("transcript", "field"),
    [
        ("not json", "not valid JSON"),
        ([1, 2], "top level"),
        (_chat(channel="email"), "channel"),
        ({k: v for k, v in VALID_CHAT.items() if k != "platform"}, "platform"),
        (_chat(user="Sam"), "user"),
        (_chat(user={"id": 1, "name": 7}), "user.name"),
        (_chat(messages={"at": "x"}), "messages"),
        (_chat(messages=["hello"]), "messages[0]"),
        (_chat(messages=[{"from": "user", "text": "x"}]), "messages[0].at"),
        (_chat(messages=[{"at": "yesterday", "from": "user", "text": "x"}]), "messages[0].at"),
        (_chat(messages=[{"at": "2026-10-01T19:02:00", "from": "agent", "text": "x"}]), "from"),
        (_chat(messages=[{"at": "2026-10-01T19:02:00", "from": "user", "text": 5}]), "text"),
        (
            _chat(messages=[{"at": "2026-10-01T19:02:00", "from": "bot", "text": "hi"}]),
            "no messages",
        ),
    ],
)
def test_parse_chat_rejects_wrong_shape_naming_the_field(transcript: Any, field: str) -> None:
    data = transcript if isinstance(transcript, str) else json.dumps(transcript)
    with pytest.raises(RejectedMessage, match=re.escape(field)):
        parse_chat(data)


def test_parse_text_splits_signature_and_localises_naive_time() -> None:
    text = "They kicked the door last night.\r\n\r\nThanks,\r\nAnn\r\n07700 900 123\r\n"
    document = parse_text(text, datetime(2026, 10, 1, 9, 0))  # noqa: DTZ001 (naive on purpose)
    assert document.channel == "text"
    assert document.text == text.replace("\r\n", "\n")
    assert [(s.kind.value, document.segment_text(s)) for s in document.segments] == [
        ("body", "They kicked the door last night."),
        ("signature", "Thanks,\nAnn\n07700 900 123"),
    ]
    assert document.received_at == datetime(2026, 10, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    assert document.segments[1].author is not None
    assert document.segments[1].author.phone == "07700 900 123"


@pytest.mark.parametrize(
    ("name", "content", "received", "outcome"),
    [
        ("case.chat.json", json.dumps(VALID_CHAT).encode(), None, "chat"),
        ("case.txt", b"They came back.\n", datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "text"),
        ("case.txt", b"Caf\xe9 window\n", datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "text"),
        ("case.eml", HEADERS + b"They came back.\r\n", None, "email"),
        ("case.txt", b"They came back.\n", None, "--received"),
        ("case.json", b"{}", None, "unknown input type"),
        ("case.pdf", b"%PDF", None, "unknown input type"),
    ],
)
def test_load_document_dispatches_on_suffix(
    tmp_path: Path, name: str, content: bytes, received: datetime | None, outcome: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    if outcome in ("chat", "text", "email"):
        assert load_document(path, received).channel == outcome
    else:
        with pytest.raises(RejectedMessage, match=re.escape(outcome)):
            load_document(path, received)


def test_load_document_reads_windows_1252_text(tmp_path: Path) -> None:
    path = tmp_path / "case.txt"
    path.write_bytes(b"Caf\xe9 window \x96 smashed\n")
    document = load_document(path, datetime(2026, 10, 1, 9, 0, tzinfo=UTC))
    assert document.text == "Caf\u00e9 window \u2013 smashed\n"
