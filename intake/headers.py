"""What a mail header says, read as mail clients print it: dates, persons, names, telephones.

Used on the outer message's headers (intake/mime.py) and on the headers, reply lines and
signatures of the messages wrapped inside it (intake/segments.py, intake/signatures.py).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from email.utils import parseaddr, parsedate_to_datetime
from zoneinfo import ZoneInfo

from nlp.document import Person

LONDON = ZoneInfo("Europe/London")

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

_MAILTO = re.compile(r"\s*\[mailto:([^\]]*)\]")
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"
)


def parse_person(value: str | None) -> Person | None:
    """A Person from a header value such as ``"Lee, Ann" <ann@example.net>`` or a bare name."""
    if not value:
        return None
    # Outlook 2013 writes "Name [mailto:address]": the address is kept unless another is given.
    mailto = _MAILTO.search(value)
    value = _MAILTO.sub("", value).replace("*", "").strip()
    if mailto and "@" not in value:
        value = f"{value} <{mailto.group(1)}>"
    parsed_name, address = parseaddr(value)
    if "@" not in address:
        found = EMAIL.search(value)
        address = found.group(0) if found else ""
        parsed_name = EMAIL.sub("", value).strip(" <>\"'") if found else value.strip(" \"'")
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


# Every character that may end or break a line somewhere (str.splitlines breaks on all of
# them, mail and CSV on CR and LF) and the other C0/C1 controls.
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str, limit: int = 500) -> str:
    """``text`` as one line without control characters, at most ``limit`` characters: what a
    decoded header or a reason may put into an outgoing mail, a CSV cell or a log line (a
    header ``=?UTF-8?Q?x=0ABcc:...?=`` decodes to a line break)."""
    flat = " ".join(_LINE_BREAKING.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
