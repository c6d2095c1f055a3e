"""Hostile mail: bombs end in quarantine fast, headers never inject lines, odd charsets degrade,
and no generated-then-mutated MIME makes the parser raise anything but RejectedMessage."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.errors import RejectedMessage
from intake.headers import one_line
from intake.limits import MAX_ADDRESSES, MAX_MIME_DEPTH
from intake.mime import parse_email, structure_problem, unreadable
from intake.replies import acknowledgement
from trigger.draft import Draft
from trigger.profiles import get_profile

HEAD = (
    b"From: Ann Lee <ann@example.net>\r\nDate: Wed, 14 Oct 2026 09:00:00 +0100\r\n"
    b"Message-ID: <h@example.net>\r\n"
)


def nested(depth: int) -> bytes:
    """A multipart ``depth`` containers deep with one text part at the bottom."""
    out = HEAD + b'Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b0"'
    out += b"\r\n\r\n"
    for level in range(1, depth):
        out += b'--b%d\r\nContent-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % (
            level - 1,
            level,
        )
    out += b"--b%d\r\nContent-Type: text/plain\r\n\r\nThey kicked my door.\r\n" % (depth - 1)
    for level in range(depth - 1, -1, -1):
        out += b"--b%d--\r\n" % level
    return out


def many_recipients(count: int) -> bytes:
    recipients = ",\r\n ".join(f"u{n}@x.org" for n in range(count)).encode()
    return HEAD + b"To: " + recipients + b"\r\nSubject: x\r\n\r\nThey kicked my door.\r\n"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (nested(2000), "too many MIME parts"),
        (nested(MAX_MIME_DEPTH + 5), "MIME nested too deep"),
        (many_recipients(16_000), "too many addresses"),
        (many_recipients(MAX_ADDRESSES + 1), "too many addresses"),
        (HEAD + b"Subject: " + b"x" * 300_000 + b"\r\n\r\nhello\r\n", "headers too large"),
    ],
    ids=["2000-deep", "deep", "16000-addresses", "addresses", "long-header"],
)
def test_a_bomb_is_refused_before_any_parser_runs(raw: bytes, reason: str) -> None:
    started = time.process_time()
    problem = unreadable(raw)
    assert problem is not None and problem.startswith(reason)
    with pytest.raises(RejectedMessage, match=reason):
        parse_email(raw)
    # Not a speed test: a guard that the scan is linear, not a parser recursing (seconds).
    assert time.process_time() - started < 5


def test_ordinary_nesting_and_recipients_are_read() -> None:
    assert structure_problem(nested(5)) is None
    assert structure_problem(many_recipients(50)) is None
    assert parse_email(nested(5)).text.strip() == "They kicked my door."


INJECTED = b"=?UTF-8?Q?Noise=0D=0ABcc:_victim@example.org=0A=0AHello?="


def test_no_line_break_from_a_decoded_header_reaches_an_outgoing_mail() -> None:
    raw = HEAD + b"Subject: " + INJECTED + b"\r\nTo: us@example.org\r\n\r\nHello\r\n"
    draft = Draft(received_at=datetime(2026, 10, 14, tzinfo=UTC))
    reply = acknowledgement(
        raw,
        draft,
        get_profile("hart"),
        from_address="Us <us@example.org>",
        now=datetime(2026, 10, 14, 9, tzinfo=UTC),
    )
    assert reply["Bcc"] is None
    assert "\n" not in str(reply["Subject"]) and "\r" not in str(reply["Subject"])
    headers = reply.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc:") for line in headers.splitlines())


@pytest.mark.parametrize("text", ["a\r\nb", "a\nBcc: x", "a\u2028b", "a\x85b", "a\x00\x1bb"])
def test_one_line_leaves_no_line_break_or_control(text: str) -> None:
    flat = one_line(text)
    assert len(flat.splitlines()) == 1
    assert all(ch.isprintable() for ch in flat)


def test_an_unknown_charset_degrades_to_replacement_characters() -> None:
    raw = (
        HEAD + b"Subject: =?x-no-such-charset?Q?caf=E9?=\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
        b"They kicked my door \xe9\xff again.\r\n"
    )
    document = parse_email(raw)
    assert "They kicked my door" in document.text


# --- generated, then mutated, MIME -------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60
)
_CHARSETS = st.sampled_from(["utf-8", "latin-1", "windows-1252", "x-unknown", "utf-16", ""])


@st.composite
def mime_messages(draw: st.DrawFn, depth: int = 0) -> EmailMessage:
    message = EmailMessage()
    if depth == 0:
        message["From"] = draw(st.sampled_from(["a@b.org", "Ann <ann@x.org>", "", "<>"]))
        message["Date"] = draw(st.sampled_from(["Wed, 14 Oct 2026 09:00:00 +0100", "", "junk"]))
        message["Subject"] = draw(_TEXT)
    if depth < 3 and draw(st.booleans()):
        message.make_mixed()
        message.set_boundary(f"b{depth}-{draw(st.integers(0, 99))}")  # not the random module's
        for _ in range(draw(st.integers(0, 3))):
            message.attach(draw(mime_messages(depth + 1)))
        return message
    kind = draw(st.sampled_from(["plain", "html", "bytes"]))
    if kind == "bytes":
        message.set_content(draw(st.binary(max_size=80)), "application", "octet-stream")
    else:
        message.set_content(draw(_TEXT) or "x", subtype=kind)
        charset = draw(_CHARSETS)
        if charset:
            message.set_param("charset", charset)
    return message


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(mime_messages()).as_bytes())
    for _ in range(draw(st.integers(0, 6))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup"]))
        if action == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif action == "insert":
            raw[at:at] = draw(st.sampled_from([b"\r\n", b"--", b"=?", b"\x00", b"boundary=z"]))
        elif action == "delete":
            del raw[at : at + draw(st.integers(1, 20))]
        elif action == "truncate":
            del raw[at:]
        else:
            raw[at:at] = raw[max(0, at - 40) : at]
    return bytes(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_parser_takes_any_mutated_mime_or_rejects_it_cleanly(raw: bytes) -> None:
    assert unreadable(raw) is None or isinstance(unreadable(raw), str)
    try:
        document = parse_email(raw)
    except RejectedMessage as exc:
        assert len(str(exc).splitlines()) <= 1
        return
    assert isinstance(document.text, str) and document.text.strip()
