"""intake.replies: which mail is acknowledged (no mail loops) and what the acknowledgement says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intake.replies import (
    ReplyDecision,
    acknowledgement,
    acknowledgement_text,
    reply_subject,
    should_acknowledge,
)
from trigger.draft import Draft, ThresholdResult
from trigger.profiles import get_profile
from trigger.vocabulary import Status

OURS = ["communitysafety@hart.example.org"]
FROM = "Community Safety <communitysafety@hart.example.org>"
# Monday 7 December 2026, 10:00 in London: 5 working days on is Monday 14 December.
RECEIVED = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 7, 10, 5, tzinfo=UTC)


def mail(*headers: str, sender: str = "Ann Resident <ann@example.net>") -> bytes:
    """A small message with these extra header lines."""
    lines = [
        f"From: {sender}",
        "To: communitysafety@hart.example.org",
        "Subject: Noise next door",
        "Message-ID: <abc123@mail.example.net>",
        "Date: Mon, 07 Dec 2026 10:00:00 +0000",
        *headers,
        "",
        "The people at number 12 shout at me every night. Their name is Mr Smith.",
        "",
    ]
    return "\r\n".join(lines).encode()


@pytest.mark.parametrize(
    ("headers", "sender", "expected"),
    [
        ((), "Ann <ann@example.net>", ReplyDecision.ACKNOWLEDGE),
        (("Auto-Submitted: no",), "ann@example.net", ReplyDecision.ACKNOWLEDGE),
        (("Auto-Submitted: auto-replied",), "ann@example.net", ReplyDecision.AUTO_SUBMITTED),
        (("Auto-Submitted: auto-generated",), "ann@example.net", ReplyDecision.AUTO_SUBMITTED),
        (
            ("Auto-Submitted: auto-notified; owner-email=x",),
            "a@b.net",
            ReplyDecision.AUTO_SUBMITTED,
        ),
        (("X-Auto-Response-Suppress: All",), "a@b.net", ReplyDecision.RESPONSE_SUPPRESSED),
        (("X-Auto-Response-Suppress: DR, OOF",), "a@b.net", ReplyDecision.RESPONSE_SUPPRESSED),
        (("X-Auto-Response-Suppress: AutoReply",), "a@b.net", ReplyDecision.RESPONSE_SUPPRESSED),
        (("Precedence: bulk",), "a@b.net", ReplyDecision.PRECEDENCE),
        (("Precedence: junk",), "a@b.net", ReplyDecision.PRECEDENCE),
        (("Precedence: list",), "a@b.net", ReplyDecision.PRECEDENCE),
        (("Precedence: auto_reply",), "a@b.net", ReplyDecision.PRECEDENCE),
        (("Precedence: first-class",), "a@b.net", ReplyDecision.ACKNOWLEDGE),
        (("List-Id: <residents.example.net>",), "a@b.net", ReplyDecision.MAILING_LIST),
        (("List-Unsubscribe: <mailto:u@example.net>",), "a@b.net", ReplyDecision.MAILING_LIST),
        (("list-post: <mailto:l@example.net>",), "a@b.net", ReplyDecision.MAILING_LIST),
        (("X-Autoreply: yes",), "a@b.net", ReplyDecision.AUTO_REPLY),
        (("X-Autorespond: Out of office",), "a@b.net", ReplyDecision.AUTO_REPLY),
        (
            ('Content-Type: multipart/report; report-type=delivery-status; boundary="b"',),
            "a@b.net",
            ReplyDecision.BOUNCE,
        ),
        (("Return-Path: <>",), "a@b.net", ReplyDecision.NULL_SENDER),
        (("Return-Path: <a@b.net>",), "a@b.net", ReplyDecision.ACKNOWLEDGE),
        ((), "", ReplyDecision.NULL_SENDER),
        ((), "<>", ReplyDecision.NULL_SENDER),
        ((), "Mail Delivery System <MAILER-DAEMON@mx.example.net>", ReplyDecision.SYSTEM_SENDER),
        ((), "postmaster@example.net", ReplyDecision.SYSTEM_SENDER),
        (("Return-Path: <mailer-daemon@mx.example.net>",), "a@b.net", ReplyDecision.SYSTEM_SENDER),
        ((), "Us <CommunitySafety@hart.example.org>", ReplyDecision.OUR_OWN_MAIL),
        (("Reply-To: communitysafety@hart.example.org",), "a@b.net", ReplyDecision.OUR_OWN_MAIL),
    ],
)
def test_should_acknowledge_refuses_machines_lists_and_ourselves(
    headers: tuple[str, ...], sender: str, expected: ReplyDecision
) -> None:
    answer, reason = should_acknowledge(mail(*headers, sender=sender), OURS)
    assert reason is expected
    assert answer is (expected is ReplyDecision.ACKNOWLEDGE)


def test_should_acknowledge_when_no_from_header_then_null_sender() -> None:
    raw = b"To: x@example.org\r\nSubject: hi\r\n\r\nbody\r\n"
    assert should_acknowledge(raw, OURS) == (False, ReplyDecision.NULL_SENDER)


def draft(status: Status | None, missing: list[str] | None = None) -> Draft:
    threshold = (
        None
        if status is None
        else ThresholdResult(
            policy="hart",
            status=status,
            missing=missing or [],
            reasons=["Three incidents were reported to the police within one month."],
        )
    )
    return Draft(received_at=RECEIVED, threshold=threshold)


TEXT_MET = """\
Thank you for your email.

We received it on Monday 7 December 2026. This is an automatic reply.

What happens next

An officer will read your email.
They will check if it meets the threshold for an anti-social behaviour case review.
You will hear from us by Monday 14 December 2026.

You do not need to do anything now.

Contact us

Email: communitysafety@hart.gov.uk
Phone: 07816 109682 / 07816 109687

If you or someone else is in immediate danger, call 999.

Hart Community Safety, on behalf of Hart District Council
"""

TEXT_INCOMPLETE = """\
Thank you for your email.

We received it on Monday 7 December 2026. This is an automatic reply.

What happens next

An officer will read your email.
They will check if it meets the threshold for an anti-social behaviour case review.
You will hear from us by Monday 14 December 2026.

We need more information

We cannot decide yet because some facts are missing:

- The date of the second incident is not known.
- Who the first incident was reported to is not known.

Please reply to this email and tell us what you know.

Contact us

Email: communitysafety@hart.gov.uk
Phone: 07816 109682 / 07816 109687

If you or someone else is in immediate danger, call 999.

Hart Community Safety, on behalf of Hart District Council
"""


@pytest.mark.parametrize(
    ("status", "missing", "expected"),
    [
        (Status.MET, [], TEXT_MET),
        (Status.NOT_MET, [], TEXT_MET),
        (None, [], TEXT_MET),
        (
            Status.INCOMPLETE,
            [
                "The date of the second incident is not known.",
                "Who the first incident was reported to is not known.",
            ],
            TEXT_INCOMPLETE,
        ),
    ],
)
def test_acknowledgement_text_for_each_decision(
    status: Status | None, missing: list[str], expected: str
) -> None:
    assert acknowledgement_text(draft(status, missing), get_profile("hart")) == expected


def test_acknowledgement_text_never_quotes_reasons_or_findings() -> None:
    text = acknowledgement_text(draft(Status.MET), get_profile("hart"))
    assert "police within one month" not in text


def test_acknowledgement_headers_thread_on_their_message_and_mark_it_automatic() -> None:
    raw = mail("References: <first@mail.example.net>")
    reply = acknowledgement(raw, draft(Status.MET), get_profile("hart"), from_address=FROM, now=NOW)
    assert reply["To"] == "ann@example.net"
    assert reply["From"] == FROM
    assert reply["Subject"] == "Re: Noise next door"
    assert reply["In-Reply-To"] == "<abc123@mail.example.net>"
    assert reply["References"] == "<first@mail.example.net> <abc123@mail.example.net>"
    assert reply["Auto-Submitted"] == "auto-replied"
    assert str(reply["Message-ID"]).endswith("@hart.example.org>")
    assert reply["Date"] == "Mon, 07 Dec 2026 10:05:00 +0000"
    body = reply.get_content()
    assert "Mr Smith" not in body and "number 12" not in body


def test_acknowledgement_goes_to_reply_to_when_present() -> None:
    raw = mail("Reply-To: Ann at work <ann.work@example.com>")
    reply = acknowledgement(raw, draft(Status.MET), get_profile("hart"), from_address=FROM, now=NOW)
    assert reply["To"] == "ann.work@example.com"


@pytest.mark.parametrize(
    "subject",
    [
        "=?UTF-8?Q?x=0ABcc:_victim@example.org?=",
        "=?UTF-8?Q?x=0D=0ABcc:_victim@example.org?=",
        "=?UTF-8?B?eA1CY2M6IHZpY3RpbUBleGFtcGxlLm9yZw==?=",
    ],
)
def test_no_line_break_from_a_header_reaches_the_reply(subject: str) -> None:
    raw = mail().replace(b"Subject: Noise next door", f"Subject: {subject}".encode())
    raw = raw.replace(
        b"Message-ID: <abc123@mail.example.net>",
        b"Message-ID: =?UTF-8?Q?<a@b>=0ABcc:_x@y?=",
    )
    reply = acknowledgement(raw, draft(Status.MET), get_profile("hart"), from_address=FROM, now=NOW)
    rendered = reply.as_bytes()
    headers = rendered.split(b"\n\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc:") for line in headers.splitlines())
    assert "\n" not in str(reply["Subject"]) and "\r" not in str(reply["Subject"])
    assert reply["Subject"].startswith("Re: x")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Noise next door", "Re: Noise next door"),
        ("Re: Noise next door", "Re: Noise next door"),
        ("RE:  Noise", "Re: Noise"),
        ("", "Re: your email"),
        ("=?unknown-8bit?Q?caf=E9?=", "Re: caf"),
    ],
)
def test_reply_subject(subject: str, expected: str) -> None:
    raw = mail().replace(b"Subject: Noise next door", f"Subject: {subject}".encode())
    assert reply_subject(raw).startswith(expected)
