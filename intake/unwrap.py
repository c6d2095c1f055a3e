"""Cut a decoded mail body into segments: own words, forwarded originals, quotes, signatures.

The same text the console shows is cut, never rewritten: segments are offsets into it, in order,
without overlap, with only whitespace between them.

- Forwarded and replied mail is found with quotequail (closeio/quotequail 0.5.4, MIT): its
  line-range API ``quotequail._internal.unwrap`` gives where the wrapped message's marker,
  headers and text start and end, which we need as offsets (its public ``unwrap`` only returns
  strings). Where it falls short we extend it (see ``_EXTRA_*`` patterns): "---- X wrote ----"
  (Android), "On DATE, X sent:", a reply line sharing the line with the reply's own text
  ("reply On ... wrote:"), "DATE X <address>:" attributions, and forwarded headers indented with
  tabs or bold (``*From:*``) that quotequail does not see.
- A forwarded original's own ``From:`` becomes the segment author and its own ``Date:`` the
  segment reference (relative dates in it resolve against that, extract contract "Chat
  transcript"); forwards inside forwards recurse with depth 2, 3, ...
- Signatures ("Kind regards,\\nName\\nphone", "-- ", "Sent from my iPhone", a closing name
  line) and legal footers are split off every own part, so incidents are never looked for in
  them (extract contract: "Dates in signatures, legal footers, quoted headers of unrelated mail
  ... are not incidents").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timezone
from email.utils import parseaddr, parsedate_to_datetime
from zoneinfo import ZoneInfo

from quotequail import _internal as quotequail_internal
from quotequail import _patterns as quotequail_patterns

from nlp.document import Document, Person, Segment, SegmentKind

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")

# Forwards nest rarely more than three deep; the limit keeps hostile input bounded.
MAX_DEPTH = 6
# Markers are looked for in the first lines only: quotequail's header scan is quadratic in the
# number of "Word: text" lines, and a real forward's marker is never thousands of lines down.
MAX_SCAN_LINES = 1500
MAX_MARKER_CHARS = 400
# Interleaved replies alternate own text and quotes; past this many blocks the rest is kept as
# one writer's text (bounded work on hostile input).
MAX_WRAPPED_BLOCKS = 50
# A signature is short: at most this many non-blank lines after its first line.
MAX_SIGNATURE_LINES = 12
MAX_SIGNATURE_LINE_CHARS = 120


@dataclass(frozen=True)
class _Line:
    """One line of the document: raw offsets plus its content with quote prefixes removed."""

    start: int
    end: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content.strip()


def _lines_of(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        lines.append(_Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


# --- dates in forwarded headers and reply lines -----------------------------------------------

_RFC5322_DATE = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*(?:[+-]\d{4}|GMT|UTC?|[ECMP][SD]T|Z)?(?:\s*\([^)]*\))?\s*$"
)
_ZONE_IN_BRACKETS = re.compile(r"\(((?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?)\)")
_TZ_ABBREVIATIONS = {"BST": "+0100", "GMT": "+0000", "UTC": "+0000", "CET": "+0100"}
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b")
_DAY_DOT = re.compile(r"\b(\d{1,2})\.\s+(?=[A-Za-z])")
_AT_WORD = re.compile(r"\s+(?:at|@|à|um|a las|kl\.?|om)\s+(?=\d)")
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "Europe/London",
    "PREFER_DAY_OF_MONTH": "first",
}


def naive_zone(value: str) -> ZoneInfo | timezone:
    """The zone of an RFC 5322 date that ``parsedate_to_datetime`` returned naive: "-0000"
    (RFC 5322 s.3.3: UTC, local offset unknown) is UTC; a missing zone is Europe/London."""
    return UTC if "-0000" in value else LONDON


def parse_header_date(value: str) -> datetime | None:
    """Parse a date as mail clients print it in forwarded headers and reply lines.

    RFC 5322 dates keep their offset; the clients' own forms ("Fri, 2 Oct 2026 at 10:26",
    "Wednesday, 19 August 2026 21:37", "11 September 2026 at 19:42:10 BST", "Monday, September
    14, 2026 8:47 PM", "14/09/2026 20:47") go through dateparser with UK day-first order. A
    date without a timezone is taken as Europe/London. Returns None when nothing parses.
    """
    value = " ".join(value.replace("\u202f", " ").split())
    if not value or len(value) > 120:
        return None
    value = _ZONE_IN_BRACKETS.sub(r"\1", value)  # "20:47 (GMT+01:00)" -> "20:47 GMT+01:00"
    if _RFC5322_DATE.match(value):
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=naive_zone(value))
    cleaned = _AT_WORD.sub(" ", value)
    cleaned = _DAY_DOT.sub(r"\1 ", cleaned)
    cleaned = _GMT_OFFSET.sub(lambda m: f"{m[1]}{int(m[2]):02d}{m[3] or '00'}", cleaned)
    for abbreviation, offset in _TZ_ABBREVIATIONS.items():
        cleaned = re.sub(rf"\b{abbreviation}\b", offset, cleaned)
    import dateparser  # heavy import kept out of module import time

    try:
        found: datetime | None = dateparser.parse(cleaned, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None:
        return None
    return found if found.tzinfo else found.replace(tzinfo=LONDON)


# --- people in forwarded headers and signatures ---------------------------------------------

_MAILTO = re.compile(r"\s*\[mailto:[^\]]*\]")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"
)


def parse_person(value: str | None) -> Person | None:
    """A Person from a header value such as ``"Lee, Ann" <ann@example.net>`` or a bare name."""
    if not value:
        return None
    value = _MAILTO.sub("", value).replace("*", "").strip()
    parsed_name, address = parseaddr(value)
    if "@" not in address:
        found = _EMAIL.search(value)
        address = found.group(0) if found else ""
        parsed_name = _EMAIL.sub("", value).strip(" <>\"'") if found else value.strip(" \"'")
    name: str | None = display_name(parsed_name.strip(" \"'")) or None
    if name and "@" in name and name.strip("<>") == address:
        name = None
    return Person(name=name, email=address.lower() or None)


_ORGANISATION = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")


def display_name(name: str) -> str:
    """A person's name as written in prose: "NWOSU, Precious (Hospital)" -> "Precious Nwosu".

    Directory-style display names put the surname first and the organisation in brackets;
    officers (and the scorer) expect the name as it is said.
    """
    name = _ORGANISATION.sub(" ", name).strip()
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and " " not in parts[0]:
        surname, given = parts
        if surname.isupper():
            surname = surname.title()
        name = f"{given} {surname}"
    return name


def find_phone(text: str) -> str | None:
    """The first UK-looking telephone number in ``text``, as written (spaces normalised)."""
    found = _PHONE.search(text)
    return " ".join(found.group(0).split()) if found else None


# --- finding the wrapped (forwarded / replied / quoted) message -------------------------------


@dataclass(frozen=True)
class _Wrapped:
    """Where a wrapped message sits in a list of lines (line indexes, end exclusive)."""

    kind: str  # "forward", "reply" or "quote"
    marker_start: int  # first line of the marker/headers (= end of the own text above)
    main_start: int
    main_end: int
    headers: dict[str, str]
    unindent: bool
    explicit_forward: bool  # the marker itself says "forwarded"


_FORWARD_WORDS = re.compile(r"forward|weitergeleitet|réexpédié|transféré|reenviado", re.I)
# Extensions to quotequail's reply patterns (talon's suite shows them in real mail).
_EXTRA_REPLY_LINES = [
    re.compile(r"^-{2,}\s*(?P<from>.+?)\s+wrote\s*-{2,}$"),  # Android: ---- X wrote ----
    re.compile(r"^On (?P<date>.+?\d{1,2}:\d{2}.*?),\s*(?P<from>[^,]+?)\s+(?:wrote|sent):$"),
    re.compile(r"^On (?P<date>.+?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)\s+(?P<from>.+?)\s+wrote:$"),
    re.compile(
        r"^(?P<date>\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?:\s*GMT[+-]\d{2}:\d{2})?)\s+"
        r"(?P<from>.+?<[^>]+>):$"
    ),
    re.compile(r"^Sent from (?:Samsung )?Mobile.*?(?P<from>\S+ <[^>]+>)\s+wrote:$"),
]
# "DATE, NAME <address> wrote:" in the languages talon's suite shows; the line must carry a
# digit (a date) or an address so that an ordinary sentence ending in "wrote:" is not taken.
_GENERIC_REPLY = re.compile(
    r"^(?P<head>.{4,300}?)\s*(?:wrote|написал\S*|skrev|a écrit|napisał|đã viết|schrieb|"
    r"escribió|ha scritto|kirjoitti|ysgrifennodd)\s*:$",
    re.I,
)
_ON_LINE = re.compile(r"^On\s.*\d")
_WROTE_END = re.compile(r"\bwrote:\s*$")
_REPLY_HEAD_DATE = re.compile(r"^(?:On|Le|Den|På|W dniu|Vào|Am|El|Ar)\s+", re.I)
# Forwarded header names quotequail does not know (Danish/Norwegian, Welsh Outlook) and any
# indentation or bold around them.
_EXTRA_HEADER = re.compile(
    r"^\s*\*?(?P<name>from|fra|oddi wrth|sent|sendt|anfonwyd|date|dato|dyddiad|to|til|at|"
    r"subject|emne|pwnc|cc)\*?\s*:\*?\s*(?P<value>.*)$",
    re.I,
)
_EXTRA_HEADER_MAP = {
    "from": "from", "fra": "from", "oddi wrth": "from",
    "sent": "date", "sendt": "date", "anfonwyd": "date", "date": "date", "dato": "date",
    "dyddiad": "date",
    "to": "to", "til": "to", "at": "to",
    "subject": "subject", "emne": "subject", "pwnc": "subject", "cc": "cc",
}  # fmt: skip
# A separator line, or a client's forward banner in a language quotequail does not know
# ("---------- Neges wedi'i hanfon ymlaen ---------", Gmail in Welsh).
_SEPARATOR = re.compile(r"^\s*(?:[-_=]\s*){5,}$|^\s*-{3,}\s*\S.{0,60}?\s*-{3,}\s*$")
# A reply line written on the same line as the reply's own last words.
_INLINE_REPLY = re.compile(r"(?P<own>\S.*?)\s*-*\s*(?P<line>On \w{3}, .+? wrote:)\s*$")
_HEADER_LINE = re.compile(r"^\s*\*?(from|sent|date|to|cc|subject)\s*:\*?\s*(.*)$", re.I)


def _join(lines: list[str]) -> str:
    return " ".join(part.strip() for part in lines if part.strip())


def _quoted_block_end(contents: list[str], start: int) -> int:
    """First line index after the ``>``-quoted block starting at or after ``start``."""
    index = start
    while index < len(contents) and not contents[index].strip():
        index += 1
    if index >= len(contents) or not contents[index].startswith(">"):
        return start
    while index < len(contents) and (
        contents[index].startswith(">") or not contents[index].strip()
    ):
        index += 1
    while index > start and not contents[index - 1].strip():
        index -= 1
    return index


def _reply_headers(head: str) -> dict[str, str]:
    """Split a generic attribution ("On DATE, NAME <address>") into date and from."""
    head = _REPLY_HEAD_DATE.sub("", head.strip()).strip(" ,")
    address = re.search(r"[\w\s.\"'()-]*[<(\[]?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+[>)\]]?\S*$", head)
    if address:
        return {"date": head[: address.start()].strip(" ,"), "from": address.group(0).strip(" ,")}
    date, _, sender = head.rpartition(",")
    return {"date": date.strip(), "from": sender.strip()} if date else {"from": head}


def _reply_at(
    contents: list[str], index: int, attribution_end: int, headers: dict[str, str]
) -> _Wrapped:
    main_end = _quoted_block_end(contents, attribution_end)
    if main_end == attribution_end:
        main_end = len(contents)
    return _Wrapped("reply", index, attribution_end, main_end, headers, False, False)


def _find_extra_reply(contents: list[str], limit: int) -> _Wrapped | None:
    """Reply attributions quotequail does not know (see module docstring), before ``limit``."""
    for index, line in enumerate(contents[:limit]):
        if not line.strip() or line.startswith(">"):
            continue
        if _ON_LINE.match(line.strip()):
            # "On DATE NAME\n\n<\nmailto:NAME <address>\n> wrote:" (Polymail): up to 6 lines.
            for stop in range(index, min(len(contents), index + 6)):
                if _WROTE_END.search(contents[stop]):
                    head = _join(contents[index : stop + 1])
                    head = _WROTE_END.sub("", head).lstrip("> ")
                    return _reply_at(contents, index, stop + 1, _reply_headers(head))
        # The attribution's first line carries the date or the address itself, so that the
        # reply's own last line ("Test reply") is never swallowed by a wrapped attribution.
        for wrap in range(3 if re.search(r"\d|@", line) else 0):
            if any(not part.strip() for part in contents[index : index + 1 + wrap]):
                break
            joined = _join(contents[index : index + 1 + wrap])
            if len(joined) > MAX_MARKER_CHARS:
                break
            generic = _GENERIC_REPLY.match(joined) if joined.endswith(":") else None
            if generic and ("@" in joined or re.search(r"\d{1,2}[:.]\d{2}", joined)):
                return _reply_at(contents, index, index + 1 + wrap, _reply_headers(generic["head"]))
        for wrap in range(3):
            joined = _join(contents[index : index + 1 + wrap])
            if len(joined) > MAX_MARKER_CHARS:
                break
            if not joined.endswith((":", "-")):
                continue
            for pattern in _EXTRA_REPLY_LINES:
                match = pattern.match(joined)
                if match:
                    headers = {k: v for k, v in match.groupdict().items() if v}
                    return _reply_at(contents, index, index + 1 + wrap, headers)
    return None


def _find_extra_headers(contents: list[str], limit: int) -> _Wrapped | None:
    """A forwarded header block quotequail misses (other header names, bold, indentation)."""
    for index, line in enumerate(contents[:limit]):
        first = _EXTRA_HEADER.match(line)
        if not first or _EXTRA_HEADER_MAP[first["name"].lower()] != "from":
            continue
        headers: dict[str, str] = {"from": first["value"].strip()}
        stop = index + 1
        last_name = "from"
        while stop < len(contents) and stop < index + 12:
            match = _EXTRA_HEADER.match(contents[stop])
            if match:
                last_name = _EXTRA_HEADER_MAP[match["name"].lower()]
                headers.setdefault(last_name, match["value"].strip())
            elif contents[stop].strip() and stop == index + 1 and last_name == "from":
                headers["from"] += " " + contents[stop].strip()  # a wrapped From: line
            else:
                break
            stop += 1
        if len(headers) >= 3 and "date" in headers:
            return _Wrapped("forward", index, stop, len(contents), headers, False, False)
    return None


def _find_wrapped(contents: list[str]) -> _Wrapped | None:
    """Locate the first wrapped message in ``contents`` with quotequail, then our extensions."""
    # Only the first characters of a line matter for markers; capping them keeps the regexes
    # (ours and quotequail's) linear on hostile one-line messages.
    contents = [content[:MAX_MARKER_CHARS] for content in contents]
    scanned = contents[:MAX_SCAN_LINES]
    result = quotequail_internal.unwrap(
        scanned,
        quotequail_patterns.MAX_WRAP_LINES,
        quotequail_patterns.MIN_HEADER_LINES,
        quotequail_patterns.MIN_QUOTED_LINES,
    )
    found: _Wrapped | None = None
    if result is not None:
        kind, top_range, headers, main_range, _bottom, unindent = result
        marker_start = top_range[1] if top_range and top_range[1] is not None else 0
        main_start = main_range[0] if main_range and main_range[0] is not None else marker_start
        main_end = main_range[1] if main_range and main_range[1] is not None else len(contents)
        if unindent and main_end == len(scanned) < len(contents):
            # The quoted block runs past the scanned lines: follow it to its end.
            while main_end < len(contents) and contents[main_end].startswith(">"):
                main_end += 1
        marker_text = _join(contents[marker_start : min(main_start, marker_start + 2)])
        found = _Wrapped(
            kind=kind,
            marker_start=marker_start,
            main_start=main_start,
            main_end=main_end,
            headers=dict(headers or {}),
            unindent=unindent,
            explicit_forward=bool(_FORWARD_WORDS.search(marker_text)),
        )
    limit = found.marker_start if found else len(scanned)
    candidates = [
        candidate
        for candidate in (
            _find_extra_reply(contents, limit),
            _find_extra_headers(contents, limit),
            found,
        )
        if candidate is not None
    ]
    if not candidates:
        return None
    chosen = min(candidates, key=lambda candidate: candidate.marker_start)
    # A separator line ("-----", "_____") just above the marker belongs to the header block.
    start = chosen.marker_start
    while start > 0 and not contents[start - 1].strip():
        start -= 1
    if start > 0 and _SEPARATOR.match(contents[start - 1]):
        chosen = replace(chosen, marker_start=start - 1)
    return chosen


def _split_inline_reply(lines: list[_Line]) -> list[_Line]:
    """Split "reply On Wed, ... wrote:" into two lines (same offsets, nothing rewritten)."""
    for index, line in enumerate(lines[:MAX_SCAN_LINES]):
        if len(line.content) > MAX_MARKER_CHARS or not line.content.rstrip().endswith("wrote:"):
            continue
        match = _INLINE_REPLY.match(line.content)
        if match and match.start("line") > 0:
            cut = line.start + (len(line.content) - len(line.content[match.start("line") :]))
            own_end = line.start + len(match.group("own"))
            first = _Line(line.start, own_end, match.group("own"))
            second = _Line(cut, line.end, match.group("line"))
            return [*lines[:index], first, second, *lines[index + 1 :]]
    return lines


def _unindent(line: _Line) -> _Line:
    content = line.content
    if content.startswith("> "):
        content = content[2:]
    elif content.startswith(">"):
        content = content[1:]
    return _Line(line.start, line.end, content)


# --- signatures and footers -----------------------------------------------------------------

_VALEDICTION = re.compile(
    r"^\s*(?i:(?:(?:kind|kindest|best|warm|warmest|many|with|with best|with kind)\s+"
    r"(?:regards|wishes|thanks)|regards|best|cheers|thanks|thank you|many thanks|thanks again|"
    r"love|lots of love|all the best|take care|yours(?:\s+(?:sincerely|faithfully|truly))?|"
    r"sincerely|respectfully|warmly))"
    r"[\s,.!-]*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*$"
)
_NAME_LINE = re.compile(
    r"^[-–—\s]*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Rev|Sir|Dame)\.?\s+)?"
    r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){0,3}\s*$"
)
_DASH_DASH = re.compile(r"^--\s?$")
_SIGNATURE_CUE = re.compile(
    r"@|www\.|https?:|\d{3}|\b(?:tel|mob|mobile|phone|fax|leave|office|hours|working|"
    r"available|registered|company|charity|confidential|note|address|ext|team|manager|"
    r"officer|councillor|caseworker|director|limited|ltd|plc|council|services?)\b",
    re.I,
)
_POSTSCRIPT = re.compile(r"^\s*P\.?\s?S\.?(?:[\s:,-]|$)")
_MOBILE = re.compile(
    r"^\s*(?:Sent from (?:my|a|an)\b.{0,50}$|Sent from (?:Mail|Outlook|Yahoo|Samsung|Gmail)\b|"
    r"Get Outlook for \w+|Sent via \w+|Sent using \w+)",
    re.I,
)
_FOOTER_START = [
    re.compile(p, re.I)
    for p in (
        r"^\s*(?:this|the information in this|the contents of this|the content of this)\s+"
        r"(?:e-?mail|message|communication|transmission)\b.*"
        r"\b(?:confidential|intended|privileged|private)",
        r"^\s*(?:confidentiality(?: notice)?|disclaimer|legal disclaimer|privacy notice)\b",
        r"^\s*if you (?:are not the intended|have received this (?:e-?mail|message) in error)",
        r"^.{0,80}\bis a registered (?:provider|charity|company|society)\b",
        r"^\s*registered (?:office|in england|company|charity|society)\b",
        r"^\s*this (?:e-?mail|message) has been (?:scanned|checked)",
        r"^\s*please consider the environment",
        r"^\s*to unsubscribe\b",
    )
]
_UNDERSCORES = re.compile(r"^\s*_{5,}\s*$")
_LIST_FOOTER = re.compile(r"mailing list|unsubscribe|listinfo", re.I)
_FOOTER_WINDOW = 40


def _footer_start(lines: list[_Line]) -> int | None:
    """Index of the first line of a trailing legal or mailing-list footer, if any."""
    first = max(1, len(lines) - _FOOTER_WINDOW)
    for index in range(first, len(lines)):
        content = lines[index].content
        if _UNDERSCORES.match(content) and any(
            _LIST_FOOTER.search(line.content) for line in lines[index + 1 : index + 4]
        ):
            return index
        if any(pattern.match(content) for pattern in _FOOTER_START):
            return index
    return None


def _resumes_body(content: str) -> bool:
    """A line after a signature's start that is the writer's own words again: a postscript,
    or a full sentence with none of a signature's usual contents (an afterthought such as
    "Also, last night they threw eggs at the window.")."""
    if _POSTSCRIPT.match(content):
        return True
    words = content.split()
    return (
        len(words) >= 8
        and content.rstrip().endswith((".", "!", "?"))
        and not _SIGNATURE_CUE.search(content)
    )


def _signature_tail_ok(lines: list[_Line], start: int, end: int) -> bool:
    tail = [line for line in lines[start + 1 : end] if not line.blank]
    return len(tail) <= MAX_SIGNATURE_LINES and all(
        len(line.content.strip()) <= MAX_SIGNATURE_LINE_CHARS for line in tail
    )


def _is_author_name(content: str, author: Person | None) -> bool:
    text = content.strip(" -–—,").casefold()
    if not text or author is None or not author.name:
        return False
    name = author.name.replace('"', "").strip()
    if "," in name:  # "Whitcombe, Sarah"
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}"
    parts = name.casefold().split()
    return text == " ".join(parts) or text in parts


def _paragraph_before(lines: list[_Line], end: int) -> tuple[int, int] | None:
    """(start, end) of the last paragraph ending before ``end`` (blank lines skipped)."""
    stop = end
    while stop > 0 and lines[stop - 1].blank:
        stop -= 1
    if stop == 0:
        return None
    start = stop
    while start > 0 and not lines[start - 1].blank:
        start -= 1
    return start, stop


def _has_text_before(lines: list[_Line], index: int) -> bool:
    return any(not line.blank for line in lines[:index])


def _signature_start(lines: list[_Line], end: int, author: Person | None) -> int | None:
    """Index of the first signature line in ``lines[:end]``, if a signature closes them."""
    candidates: list[int] = []
    window_start = max(0, end - (MAX_SIGNATURE_LINES + 8))
    for index in range(window_start, end):
        content = lines[index].content
        if _DASH_DASH.match(content) or _MOBILE.match(content):
            candidates.append(index)
            break
    for index in range(window_start, end):
        if (
            _VALEDICTION.match(lines[index].content)
            and _has_text_before(lines, index)
            and _signature_tail_ok(lines, index, end)
        ):
            candidates.append(index)
            break
    start = min(candidates) if candidates else end
    # A closing name paragraph ("Owen Pryce", "paul", "Samuel Mensah\nFlat 4, ...") with no
    # valediction before it is a signature too.
    paragraph = _paragraph_before(lines, start)
    if paragraph is not None:
        first, stop = paragraph
        block = lines[first:stop]
        if (
            len(block) <= 6
            and all(len(line.content.strip()) <= 80 for line in block)
            and (_NAME_LINE.match(block[0].content) or _is_author_name(block[0].content, author))
            and not _VALEDICTION.match(block[0].content)
            and _has_text_before(lines, first)
        ):
            start = first
    return start if start < end else None


def _signature_author(lines: list[_Line]) -> Person | None:
    """Who a signature names: the name line, an address, a telephone number."""
    text = "\n".join(line.content for line in lines)
    name: str | None = None
    for line in lines:
        content = line.content.strip()
        if not content or _DASH_DASH.match(content) or _MOBILE.match(content):
            continue
        valediction = _VALEDICTION.match(content)
        if valediction:
            if valediction.group("name"):
                name = valediction.group("name")
                break
            continue
        if _NAME_LINE.match(content) or (len(content.split()) <= 4 and content.isalpha()):
            name = content.strip(" -–—")
        break
    email = _EMAIL.search(text)
    phone = find_phone(text)
    if name is None and email is None and phone is None:
        return None
    return Person(name=name, email=email.group(0).lower() if email else None, phone=phone)


# --- building segments ----------------------------------------------------------------------


def _trimmed(lines: list[_Line]) -> list[_Line]:
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
    end = len(lines)
    while end > 0 and _raw_blank(lines[end - 1]):
        end -= 1
    footer = _footer_start(lines[:end])
    body_end = footer if footer is not None else end
    signature = _signature_start(lines, body_end, author)
    body_stop = signature if signature is not None else body_end
    _emit(out, lines[:body_stop], kind, reference, author, depth)
    if signature is not None:
        # A postscript after the signature is the writer's own words again ("P.S. they came
        # back last night"): it must stay where incidents are looked for.
        postscript = next(
            (i for i in range(signature + 1, body_end) if _resumes_body(lines[i].content)),
            body_end,
        )
        signed = _signature_author(lines[signature:postscript])
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
) -> None:
    """Segments of one writer's region: own words, then each wrapped message in turn."""
    for _ in range(MAX_WRAPPED_BLOCKS):
        if depth >= MAX_DEPTH:
            break
        lines = _split_inline_reply(lines)
        # Indented header blocks ("  *From:* ...") are common in replies: detect on stripped
        # lines.
        wrapped = _find_wrapped([line.content.lstrip() for line in lines])
        if wrapped is None:
            break
        _own_segments(lines[: wrapped.marker_start], kind, reference, author, depth, out)
        _wrapped_segments(lines, wrapped, reference, author, depth, in_reply, out)
        lines = lines[wrapped.main_end :]
        if all(_raw_blank(line) for line in lines):
            return
    _own_segments(lines, kind, reference, author, depth, out)


def _wrapped_segments(
    lines: list[_Line],
    wrapped: _Wrapped,
    reference: datetime,
    author: Person | None,
    depth: int,
    in_reply: bool,
    out: list[Segment],
) -> None:
    """HEADER + FORWARDED (recursively) for a forward, one QUOTED segment for a quote."""
    original = parse_person(wrapped.headers.get("from"))
    original_date = parse_header_date(wrapped.headers.get("date", ""))
    original_reference = original_date or reference
    if original_date is None and wrapped.headers.get("date"):
        logger.debug("unparsed date in a wrapped message's headers")
    # A reply's quote, or an Outlook "Original Message" block in a reply ("Re:" subject), is
    # earlier correspondence, not an account being passed on.
    quoted = wrapped.kind in ("reply", "quote") or (in_reply and not wrapped.explicit_forward)
    # Quoting or forwarding one's own earlier mail ("On 14 Sep, Grace wrote: > ...") repeats
    # one's own account: it is BODY again (the sender's words), one level down, with its own
    # date as reference, never a third party's FORWARDED original.
    own_words = (
        bool(original and original.email and author and author.email == original.email)
        and wrapped.main_start > wrapped.marker_start
    )
    if quoted and not own_words:
        block = lines[wrapped.marker_start : wrapped.main_end]
        _emit(out, block, SegmentKind.QUOTED, original_reference, original, depth + 1)
        return
    header = lines[wrapped.marker_start : wrapped.main_start]
    _emit(out, header, SegmentKind.HEADER, original_reference, original, depth + 1)
    main = lines[wrapped.main_start : wrapped.main_end]
    if wrapped.unindent:
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


def segment_message(
    text: str,
    *,
    reference: datetime,
    author: Person | None,
    kind: SegmentKind = SegmentKind.BODY,
    in_reply: bool = False,
) -> tuple[Segment, ...]:
    """Cut a message's text into ordered, non-overlapping segments.

    ``reference`` and ``author`` are the outer message's (its Date: and From:); ``in_reply``
    says the subject marks a reply ("Re:"), so an ambiguous "Original Message" block is taken as
    quoted correspondence rather than a forwarded account.
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


# --- helpers for the pipeline ---------------------------------------------------------------


def author_contact(document: Document, segment: Segment) -> Person | None:
    """Who wrote ``segment``, completed from the signature that closes it.

    The segment's own author (a header's name and address) wins; the signature at the same
    depth just after it adds what the header lacks (a telephone number, a name).
    """
    signature: Person | None = None
    if segment in document.segments:
        index = document.segments.index(segment)
        for following in document.segments[index + 1 :]:
            if following.depth != segment.depth:
                break
            if following.kind is SegmentKind.SIGNATURE:
                signature = following.author
                break
    own = segment.author
    if own is None:
        return signature
    if signature is None:
        return own
    return replace(
        own,
        name=own.name or signature.name,
        email=own.email or signature.email,
        phone=own.phone or signature.phone,
    )


def author_phone(document: Document, segment: Segment) -> str | None:
    """The telephone number of ``segment``'s writer, when their signature gives one."""
    contact = author_contact(document, segment)
    return contact.phone if contact else None
