"""Signatures and legal footers at the end of one writer's words.

Signatures ("Kind regards,\\nName\\nphone", "-- ", "Sent from my iPhone", a closing name line)
and legal or mailing-list footers are split off every writer's own part, so incidents are never
looked for in them (extract contract: "Dates in signatures, legal footers, quoted headers of
unrelated mail ... are not incidents"). Everything here works on line contents (quote prefixes
removed) and returns line indexes.
"""

from __future__ import annotations

import re

from intake.headers import EMAIL, find_phone
from nlp.document import Person

# A signature is short: at most this many non-blank lines after its first line.
MAX_SIGNATURE_LINES = 12
MAX_SIGNATURE_LINE_CHARS = 120

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


def footer_start(contents: list[str]) -> int | None:
    """Index of the first line of a trailing legal or mailing-list footer, if any."""
    first = max(1, len(contents) - _FOOTER_WINDOW)
    for index in range(first, len(contents)):
        content = contents[index]
        if _UNDERSCORES.match(content) and any(
            _LIST_FOOTER.search(line) for line in contents[index + 1 : index + 4]
        ):
            return index
        if any(pattern.match(content) for pattern in _FOOTER_START):
            return index
    return None


def resumes_body(content: str) -> bool:
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


def _blank(content: str) -> bool:
    return not content.strip()


def _signature_tail_ok(contents: list[str], start: int, end: int) -> bool:
    """The lines after a valediction are few and short enough to be a signature."""
    tail = [content for content in contents[start + 1 : end] if not _blank(content)]
    return len(tail) <= MAX_SIGNATURE_LINES and all(
        len(content.strip()) <= MAX_SIGNATURE_LINE_CHARS for content in tail
    )


def _is_author_name(content: str, author: Person | None) -> bool:
    """The line is the author's name, or one of its words ("Whitcombe, Sarah" -> "sarah")."""
    text = content.strip(" -–—,").casefold()
    if not text or author is None or not author.name:
        return False
    name = author.name.replace('"', "").strip()
    if "," in name:  # "Whitcombe, Sarah"
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}"
    parts = name.casefold().split()
    return text == " ".join(parts) or text in parts


def _paragraph_before(contents: list[str], end: int) -> tuple[int, int] | None:
    """(start, end) of the last paragraph ending before ``end`` (blank lines skipped)."""
    stop = end
    while stop > 0 and _blank(contents[stop - 1]):
        stop -= 1
    if stop == 0:
        return None
    start = stop
    while start > 0 and not _blank(contents[start - 1]):
        start -= 1
    return start, stop


def _has_text_before(contents: list[str], index: int) -> bool:
    return any(not _blank(content) for content in contents[:index])


def signature_start(contents: list[str], end: int, author: Person | None) -> int | None:
    """Index of the first signature line in ``contents[:end]``, if a signature closes them.

    ``author`` is the writer as the headers name them: a closing line with their name is a
    signature even with no valediction before it.
    """
    candidates: list[int] = []
    window_start = max(0, end - (MAX_SIGNATURE_LINES + 8))
    for index in range(window_start, end):
        content = contents[index]
        if _DASH_DASH.match(content) or _MOBILE.match(content):
            candidates.append(index)
            break
    for index in range(window_start, end):
        if (
            _VALEDICTION.match(contents[index])
            and _has_text_before(contents, index)
            and _signature_tail_ok(contents, index, end)
        ):
            candidates.append(index)
            break
    start = min(candidates) if candidates else end
    # A closing name paragraph ("Owen Pryce", "paul", "Samuel Mensah\nFlat 4, ...") with no
    # valediction before it is a signature too.
    paragraph = _paragraph_before(contents, start)
    if paragraph is not None:
        first, stop = paragraph
        block = contents[first:stop]
        if (
            len(block) <= 6
            and all(len(content.strip()) <= 80 for content in block)
            and (_NAME_LINE.match(block[0]) or _is_author_name(block[0], author))
            and not _VALEDICTION.match(block[0])
            and _has_text_before(contents, first)
        ):
            start = first
    return start if start < end else None


def signature_author(contents: list[str]) -> Person | None:
    """Who a signature names: the name line, an address, a telephone number."""
    text = "\n".join(contents)
    name: str | None = None
    for line in contents:
        content = line.strip()
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
    email = EMAIL.search(text)
    phone = find_phone(text)
    if name is None and email is None and phone is None:
        return None
    return Person(name=name, email=email.group(0).lower() if email else None, phone=phone)
