"""A reply-style quote ("On <date>, <name> wrote:" and ``>`` lines) that is an account passed on.

A caseworker, a councillor or a relative often forwards a victim's email with a client that
writes it as a reply quote. When the subject marks a forward ("Fwd:", "FW:") or the writer's
own words announce the mail below ("her email is quoted below", "I am forwarding ...", "see his
message below"), the quote is the victim's account: FORWARDED, its author the quoted sender,
its dates against the quoted date. Under a "Re:" subject, or with no such words, it stays
earlier correspondence (QUOTED).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from intake.mime import parse_email
from intake.segments import segment_message
from nlp.document import Person, SegmentKind

REFERENCE = datetime(2026, 10, 8, 15, 0, tzinfo=UTC)
QUOTE = (
    "On Mon, 5 Oct 2026 at 09:12, Ann Lee <ann.lee@example.net> wrote:\n"
    "> Dear Sir,\n>\n> They kicked my door in last night and I rang 101.\n>\n> Ann Lee\n"
)
WRITER = Person("Priya Shah", "p.shah@example.org")


def kinds(note: str, **flags: bool) -> list[tuple[SegmentKind, str | None]]:
    text = note + "\n\n" + QUOTE
    segments = segment_message(text, reference=REFERENCE, author=WRITER, **flags)
    return [(s.kind, s.author.email if s.author else None) for s in segments if s.depth == 1]


@pytest.mark.parametrize(
    "note",
    [
        "Dear colleagues, my constituent's email to our office is quoted below.",
        "I am forwarding an email from my tenant, Ms Lee.",
        "Please see her email below.",
        "Her message is copied below for your information.",
        "Below is what my neighbour sent me.",
    ],
)
def test_a_quote_the_writer_announces_is_the_account_passed_on(note: str) -> None:
    found = kinds(note)
    assert (SegmentKind.FORWARDED, "ann.lee@example.net") in found
    assert all(kind is not SegmentKind.QUOTED for kind, _ in found)


def test_a_quote_under_a_forward_subject_is_the_account_passed_on() -> None:
    found = kinds("Dear colleagues, for your attention.", in_forward=True)
    assert (SegmentKind.FORWARDED, "ann.lee@example.net") in found


@pytest.mark.parametrize(
    ("note", "flags"),
    [
        # no word that passes it on: earlier correspondence
        ("Thanks for your reply. The noise carried on last night.", {}),
        # a reply, whatever the words
        ("Her email is quoted below.", {"in_reply": True}),
    ],
)
def test_a_reply_quote_otherwise_stays_quoted(note: str, flags: dict[str, bool]) -> None:
    found = kinds(note, **flags)
    assert [kind for kind, _ in found] == [SegmentKind.QUOTED]


def _email(subject: str) -> bytes:
    return (
        "From: Priya Shah <p.shah@example.org>\r\nTo: asb@example.gov.uk\r\n"
        f"Subject: {subject}\r\nDate: Thu, 08 Oct 2026 15:46:02 +0100\r\n"
        "Message-ID: <a1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Dear colleagues, for your attention.\r\n\r\n" + QUOTE.replace("\n", "\r\n")
    ).encode()


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Fwd: Door kicked in", SegmentKind.FORWARDED),
        ("FW: Door kicked in", SegmentKind.FORWARDED),
        ("Re: Door kicked in", SegmentKind.QUOTED),
        ("Door kicked in", SegmentKind.QUOTED),
    ],
)
def test_the_subject_says_whether_a_reply_quote_is_passed_on(
    subject: str, kind: SegmentKind
) -> None:
    document = parse_email(_email(subject))
    wrapped = [s.kind for s in document.segments if s.depth == 1]
    assert kind in wrapped
    assert document.segments[-1].reference.date() == date(2026, 10, 5)
