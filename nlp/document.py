"""The channel-neutral text the NLP pipeline reads.

Channels (``intake/`` for email, ``bot/`` and the chat-transcript loader for chats) turn what
arrived into a :class:`Document`: the text the system keeps (evidence offsets point into it) cut
into :class:`Segment` s, each with the time its relative dates resolve against and who wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SegmentKind(StrEnum):
    """What a stretch of the text is, so the pipeline knows where to look for what."""

    BODY = "body"  # the sender's own words (an email body, a plain text)
    FORWARDED = "forwarded"  # an original message inside a forward (usually the victim's words)
    CHAT_USER = "chat_user"  # one chat message written by the user
    SIGNATURE = "signature"  # a signature block: contact details, never incidents
    FOOTER = "footer"  # legal/confidentiality footers, never incidents
    QUOTED = "quoted"  # quoted earlier mail unrelated to the account ("On ... wrote:")
    HEADER = "header"  # a forwarded message's header block (From:/Date:/Subject:)


@dataclass(frozen=True)
class Person:
    """A name and/or address as written in a header or signature."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch ``text[start:end]`` of a document.

    ``reference`` is the aware datetime that relative dates in this stretch resolve against (a
    chat message's time; an email's Date:, or a forwarded original's own date). ``depth`` is 0 for
    the outer message, 1 for a forwarded original, 2 for a forward inside a forward, ...
    """

    start: int
    end: int
    kind: SegmentKind
    reference: datetime
    author: Person | None = None
    depth: int = 0
    # For a chat segment: the bot's message just before this user message ("When did that
    # happen?"), so that a short answer ("last night", "yes") can be understood.
    prompt: str | None = None
    # For a forwarded header block: the address its To: line names, lower-cased ("" when the
    # line names none), so "I reported it to you" can be read without parsing headers here.
    addressee: str | None = None


@dataclass(frozen=True)
class Document:
    """One inbound message (or chat conversation) as text with segments.

    ``received_at`` is the application date's datetime (the outer email's Date:, the last user
    chat message). ``sender`` is who sent it to us (the email's From:, the chat user).
    """

    channel: str  # "email", "chat" or "text"
    text: str
    received_at: datetime
    segments: tuple[Segment, ...]
    sender: Person | None = None
    recipient: Person | None = None  # who it was sent to (an email's first To:), if known
    subject: str | None = None
    attachments: tuple[str, ...] = field(default_factory=tuple)

    def segment_text(self, segment: Segment) -> str:
        """The text of one segment."""
        return self.text[segment.start : segment.end]

    def reading_text(self, segment: Segment) -> str:
        """The text of one segment as the recognisers read it, offset for offset the same
        length: lines typed in capitals ("ANSWERS BELOW IN CAPITALS") in lower case, as the
        word lists are written."""
        return unshouted(self.segment_text(segment))


# A line typed in capitals: no lower-case letter, and at least six words of letters (shorter
# ones are names, addresses, headings or acronyms, read as written). Text without three words in
# capitals in a row has none (a cheap gate).
_THREE_CAPITAL_WORDS = re.compile(r"[A-Z]{2,}[^\w\n]+[A-Z]+[^\w\n]+[A-Z]{2,}")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"[^\W\d_]+")


def _lowered(word: re.Match[str]) -> str:
    text = word.group(0)
    if text == "I":  # the pronoun stays as written
        return text
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def unshouted(text: str) -> str:
    """``text`` with each line typed in capitals in lower case (same length, "I" kept)."""
    if not _THREE_CAPITAL_WORDS.search(text):
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.upper() != line or len(_LETTER_WORD.findall(line)) < 6:
            continue
        lines[n] = _WORD.sub(_lowered, line)
    return "\n".join(lines)
