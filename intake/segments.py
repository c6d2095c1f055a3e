"""Cut a decoded mail body into segments: own words, forwarded originals, quotes, signatures.

The same text the console shows is cut, never rewritten: segments are offsets into it, in order,
without overlap, with only whitespace between them.

- The wrapped message (a forward, a reply's quote) is found by intake/forwards.py. A forwarded
  original's own ``From:`` becomes the segment author and its own ``Date:`` the segment
  reference (relative dates in it resolve against that, extract contract "Chat transcript");
  forwards inside forwards recurse with depth 2, 3, ...
- Signatures and legal footers (intake/signatures.py) are split off every own part.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parseaddr

from intake.forwards import MAX_SCAN_LINES, Wrapped, find_wrapped, inline_reply
from intake.headers import parse_header_date, parse_person
from intake.signatures import footer_start, resumes_body, signature_author, signature_start
from nlp.document import Person, Segment, SegmentKind

logger = logging.getLogger(__name__)

# Forwards nest rarely more than three deep; the limit keeps hostile input bounded.
MAX_DEPTH = 6
# Interleaved replies alternate own text and quotes; past this many blocks the rest is kept as
# one writer's text (bounded work on hostile input).
MAX_WRAPPED_BLOCKS = 50
# A writer announcing the mail below as an account passed on ("her email is quoted below", "I am
# forwarding ...", "see below"): an "On ..., X wrote:" block after it is X's account.
_ANNOUNCED = re.compile(
    r"\b(?:(?:quoted|copied|pasted|forwarded|set out|included|attached|is|are) below|below is"
    r"|see (?:her|his|their|the)? ?(?:email|e-mail|message|account)? ?below|forward(?:ing|ed)"
    r"|passing (?:this |it )?on)\b",
    re.I,
)


@dataclass(frozen=True)
class _Line:
    """One line of the document: raw offsets plus its content with quote prefixes removed."""

    start: int
    end: int
    content: str


def _lines_of(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        lines.append(_Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def _split_inline_reply(lines: list[_Line]) -> list[_Line]:
    """Split "reply On Wed, ... wrote:" into two lines (same offsets, nothing rewritten)."""
    for index, line in enumerate(lines[:MAX_SCAN_LINES]):
        match = inline_reply(line.content)
        if match:
            cut = line.start + (len(line.content) - len(line.content[match.start("line") :]))
            own_end = line.start + len(match.group("own"))
            first = _Line(line.start, own_end, match.group("own"))
            second = _Line(cut, line.end, match.group("line"))
            return [*lines[:index], first, second, *lines[index + 1 :]]
    return lines


def _unindent(line: _Line) -> _Line:
    """The line with one level of ``>`` quoting removed from its content (offsets kept)."""
    content = line.content
    if content.startswith("> "):
        content = content[2:]
    elif content.startswith(">"):
        content = content[1:]
    return _Line(line.start, line.end, content)


def _trimmed(lines: list[_Line]) -> list[_Line]:
    """``lines`` without the blank lines around them."""
    start, end = 0, len(lines)
    while end > start and _raw_blank(lines[end - 1]):
        end -= 1
    while start < end and _raw_blank(lines[start]):
        start += 1
    return lines[start:end]


def _raw_blank(line: _Line) -> bool:
    # A line is whitespace in the document only if its content is blank and no quote prefix
    # was stripped from it (a lone ">" line is text the segment must cover).
    return not line.content.strip() and (line.end - line.start) == len(line.content)


def _emit(
    out: list[Segment],
    lines: list[_Line],
    kind: SegmentKind,
    reference: datetime,
    author: Person | None,
    depth: int,
) -> None:
    """Append a segment over ``lines`` without their surrounding blank lines (none if empty)."""
    kept = _trimmed(lines)
    if not kept:
        return
    out.append(Segment(kept[0].start, kept[-1].end, kind, reference, author, depth))


def _own_segments(
    lines: list[_Line],
    kind: SegmentKind,
    reference: datetime,
    author: Person | None,
    depth: int,
    out: list[Segment],
) -> None:
    """Own words of one writer: body, then signature, then footer."""
    contents = [line.content for line in lines]
    end = len(lines)
    while end > 0 and _raw_blank(lines[end - 1]):
        end -= 1
    footer = footer_start(contents[:end])
    body_end = footer if footer is not None else end
    signature = signature_start(contents, body_end, author)
    body_stop = signature if signature is not None else body_end
    _emit(out, lines[:body_stop], kind, reference, author, depth)
    if signature is not None:
        # A postscript after the signature is the writer's own words again ("P.S. they came
        # back last night"): it must stay where incidents are looked for.
        postscript = next(
            (i for i in range(signature + 1, body_end) if resumes_body(contents[i])),
            body_end,
        )
        signed = signature_author(contents[signature:postscript])
        _emit(out, lines[signature:postscript], SegmentKind.SIGNATURE, reference, signed, depth)
        _emit(out, lines[postscript:body_end], kind, reference, author, depth)
    if footer is not None:
        _emit(out, lines[footer:end], SegmentKind.FOOTER, reference, None, depth)


def _segment_region(
    lines: list[_Line],
    *,
    kind: SegmentKind,
    reference: datetime,
    author: Person | None,
    depth: int,
    in_reply: bool,
    out: list[Segment],
    in_forward: bool = False,
) -> None:
    """Segments of one writer's region: own words, then each wrapped message in turn."""
    for _ in range(MAX_WRAPPED_BLOCKS):
        if depth >= MAX_DEPTH:
            break
        lines = _split_inline_reply(lines)
        # Indented header blocks ("  *From:* ...") are common in replies: detect on stripped
        # lines.
        wrapped = find_wrapped([line.content.lstrip() for line in lines])
        if wrapped is None:
            break
        _own_segments(lines[: wrapped.marker_start], kind, reference, author, depth, out)
        passed_on = in_forward or _ANNOUNCED.search(
            " ".join(line.content for line in lines[: wrapped.marker_start])
        )
        _wrapped_segments(lines, wrapped, reference, author, depth, in_reply, out, bool(passed_on))
        lines = lines[wrapped.main_end :]
        if all(_raw_blank(line) for line in lines):
            return
    _own_segments(lines, kind, reference, author, depth, out)


def _wrapped_segments(
    lines: list[_Line],
    wrapped: Wrapped,
    reference: datetime,
    author: Person | None,
    depth: int,
    in_reply: bool,
    out: list[Segment],
    passed_on: bool = False,
) -> None:
    """HEADER + FORWARDED (recursively) for a forward, one QUOTED segment for a quote.

    ``passed_on``: the subject marks a forward ("Fwd:") or the writer's own words announce the
    mail below ("His email to our office is quoted below"), so a reply-style "On ..., X wrote:"
    block is an account passed on (FORWARDED, X its author), not earlier correspondence.
    """
    original = parse_person(wrapped.headers.get("from"))
    original_date = parse_header_date(wrapped.headers.get("date", ""))
    original_reference = original_date or reference
    if original_date is None and wrapped.headers.get("date"):
        logger.debug("unparsed date in a wrapped message's headers")
    # A reply's quote, or an Outlook "Original Message" block in a reply ("Re:" subject), is
    # earlier correspondence, not an account being passed on.
    passed_on = passed_on and wrapped.kind == "reply" and not in_reply
    quoted = (wrapped.kind in ("reply", "quote") and not passed_on) or (
        in_reply and not wrapped.explicit_forward
    )
    main_lines = lines[wrapped.main_start : wrapped.main_end]
    # Quoting or forwarding one's own earlier mail ("On 14 Sep, Grace wrote: > ...") repeats
    # one's own account: it is BODY again (the sender's words), one level down, with its own
    # date as reference, never a third party's FORWARDED original.
    own_words = (
        bool(original and original.email and author and author.email == original.email)
        and wrapped.main_start > wrapped.marker_start
    )
    if quoted and not own_words and answered_inline([line.content for line in main_lines]):
        # "my answers are under each question": the quoted mail's questions keep their ">" and
        # the writer's answers typed under them are the writer's own words, written now.
        header = lines[wrapped.marker_start : wrapped.main_start]
        _emit(out, header, SegmentKind.QUOTED, original_reference, original, depth + 1)
        _segment_region(
            main_lines,
            kind=SegmentKind.BODY,
            reference=reference,
            author=author,
            depth=depth,
            in_reply=in_reply,
            out=out,
        )
        return
    if quoted and not own_words:
        # Deeper down the quoted chain, the sender's own earlier mail ("Ms Garner, I reported
        # the party on ...") is the sender's account again: quoted above it, own words from it.
        own_start = _own_mail_below(main_lines, author)
        block_end = wrapped.main_end if own_start is None else wrapped.main_start + own_start
        block = lines[wrapped.marker_start : block_end]
        _emit(out, block, SegmentKind.QUOTED, original_reference, original, depth + 1)
        if own_start is not None:
            _segment_region(
                lines[block_end : wrapped.main_end],
                kind=SegmentKind.BODY,
                reference=reference,
                author=author,
                depth=depth + 1,
                in_reply=in_reply,
                out=out,
            )
        return
    header = lines[wrapped.marker_start : wrapped.main_start]
    _emit(out, header, SegmentKind.HEADER, original_reference, original, depth + 1)
    main = lines[wrapped.main_start : wrapped.main_end]
    quoted_main = passed_on and all(
        line.content.startswith(">") or not line.content.strip() for line in main
    )
    if wrapped.unindent or quoted_main:  # a passed-on reply's "> " lines are the account
        main = [_unindent(line) for line in main]
    _segment_region(
        main,
        kind=SegmentKind.BODY if own_words else SegmentKind.FORWARDED,
        reference=original_reference,
        author=original,
        depth=depth + 1,
        in_reply=False,
        out=out,
    )


def _own_mail_below(lines: list[_Line], author: Person | None) -> int | None:
    """The line where ``author``'s own earlier mail starts inside a quoted message's lines
    (looked for through a chain of quoted mail), or None."""
    if author is None or not author.email:
        return None
    offset = 0
    contents = [line.content.lstrip() for line in lines]
    for _ in range(MAX_DEPTH):
        wrapped = find_wrapped(contents[offset:])
        if wrapped is None:
            return None
        sender = parse_person(wrapped.headers.get("from"))
        if sender is not None and sender.email and sender.email.lower() == author.email.lower():
            return offset + wrapped.marker_start
        offset += wrapped.main_start
    return None


def answered_inline(contents: list[str]) -> bool:
    """Whether a quoted message's lines are questions answered inline: it opens with a
    ``>``-quoted line, and at least two ``>``-quoted runs end in a question or a prompt
    ("> Dates of each incident:") that unquoted text (the answer) follows."""
    first = next((line for line in contents if line.strip()), "")
    if not first.startswith(">"):
        return False
    answered = 0
    for n, line in enumerate(contents[:-1]):
        if not (line.startswith(">") and line.rstrip().endswith(("?", ":"))):
            continue
        after = next((later for later in contents[n + 1 :] if later.strip()), ">")
        if not after.startswith(">"):
            answered += 1
            if answered >= 2:
                return True
    return False


def segment_message(
    text: str,
    *,
    reference: datetime,
    author: Person | None,
    kind: SegmentKind = SegmentKind.BODY,
    in_reply: bool = False,
    in_forward: bool = False,
) -> tuple[Segment, ...]:
    """Cut a message's text into ordered, non-overlapping segments.

    ``reference`` and ``author`` are the outer message's (its Date: and From:); ``in_reply``
    says the subject marks a reply ("Re:"), so an ambiguous "Original Message" block is taken as
    quoted correspondence rather than a forwarded account; ``in_forward`` says it marks a forward
    ("Fwd:"), so a reply-style "On ..., X wrote:" quote is the account passed on.
    """
    out: list[Segment] = []
    _segment_region(
        _lines_of(text),
        kind=kind,
        reference=reference,
        author=author,
        depth=0,
        in_reply=in_reply,
        out=out,
        in_forward=in_forward,
    )
    return tuple(
        replace(s, addressee=header_addressee(text[s.start : s.end]))
        if s.kind is SegmentKind.HEADER
        else s
        for s in out
    )


# A forwarded header block's To: line (Danish/Norwegian "Til:", Welsh "I:"), possibly quoted
# or bold.
_HEADER_TO = re.compile(r"^[\s>*]*(?:To|Til|I)\s*:\*?\s*(.+)$", re.M)


def header_addressee(header: str) -> str:
    """The address a forwarded header block's To: line names, lower-cased; "" when none.

    Outlook writes ``Name [mailto:a@b]``: read as ``Name <a@b>``.
    """
    to_line = _HEADER_TO.search(header)
    if not to_line:
        return ""
    return parseaddr(to_line.group(1).replace("[mailto:", "<").replace("]", ">"))[1].lower()


def segment_own_text(
    text: str,
    *,
    reference: datetime,
    author: Person | None,
    kind: SegmentKind = SegmentKind.BODY,
) -> tuple[Segment, ...]:
    """Segments of a text written by one person: the body, then signature and footer, if any.

    No unwrapping of forwards or quotes (a plain ``.txt`` account is taken as written).
    """
    out: list[Segment] = []
    _own_segments(_lines_of(text), kind, reference, author, 0, out)
    return tuple(out)
