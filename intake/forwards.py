"""Find the wrapped message in a mail body: a forward, a reply's quote, a ``>`` quote.

quotequail's rules (reproduced in intake/markers.py) find it first; where they fall short we
extend them: "---- X wrote ----" (Android), "On DATE, X sent:", "DATE X <address>:"
attributions and the generic "DATE, NAME <address> wrote:" in the languages talon's suite shows,
a reply line sharing the line with the reply's own text ("reply On ... wrote:"), and forwarded
headers in other languages, indented with tabs or bold (``*From:*``), that quotequail does not
see. Everything here works on line contents (quote prefixes kept) and returns line indexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from intake.markers import EXTENSIONS, find_unwrapped

# Markers are looked for in the first lines only: the header scan is quadratic in the number of
# "Word: text" lines, and a real forward's marker is never thousands of lines down.
MAX_SCAN_LINES = 1500
MAX_MARKER_CHARS = 400


@dataclass(frozen=True)
class Wrapped:
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
_EXTRA_REPLY_LINES = [re.compile(pattern) for pattern in EXTENSIONS["reply_lines"]]
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
_EXTRA_HEADER_MAP: dict[str, str] = EXTENSIONS["header_names"]
_EXTRA_HEADER = re.compile(
    rf"^\s*\*?(?P<name>{'|'.join(_EXTRA_HEADER_MAP)})\*?\s*:\*?\s*(?P<value>.*)$", re.I
)
# A separator line, or a client's forward banner in a language quotequail does not know
# ("---------- Neges wedi'i hanfon ymlaen ---------", Gmail in Welsh).
_SEPARATOR = re.compile(r"^\s*(?:[-_=]\s*){5,}$|^\s*-{3,}\s*\S.{0,60}?\s*-{3,}\s*$")
# A header block run together on its forward banner's line (Yahoo), cut into lines.
_RUN_TOGETHER_BANNER = re.compile(EXTENSIONS["run_together_banner"], re.M)
_RUN_TOGETHER_LABEL = re.compile(
    rf"(?<=\S)\s*(?=(?:{'|'.join(EXTENSIONS['run_together_labels'])}):\s)"
)


def unrun_headers(text: str) -> str:
    """``text`` with each forward banner line that carries its whole header block cut into a
    banner line and one line per header; other text is left as it is."""
    if not _RUN_TOGETHER_BANNER.search(text):
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        banner = _RUN_TOGETHER_BANNER.match(line)
        if banner is None:
            continue
        block = _RUN_TOGETHER_LABEL.sub("\n", line[banner.end() :])
        lines[n] = banner.group(0).rstrip() + "\n" + block + "\n"
    return "\n".join(lines)


# A reply line written on the same line as the reply's own last words.
_INLINE_REPLY = re.compile(r"(?P<own>\S.*?)\s*-*\s*(?P<line>On \w{3}, .+? wrote:)\s*$")


def _join(lines: list[str]) -> str:
    """The non-blank lines joined with single spaces."""
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
) -> Wrapped:
    """A reply whose attribution takes lines ``index`` to ``attribution_end``: its quote, or
    all below it when no ``>`` block follows."""
    main_end = _quoted_block_end(contents, attribution_end)
    if main_end == attribution_end:
        main_end = len(contents)
    return Wrapped("reply", index, attribution_end, main_end, headers, False, False)


def _find_extra_reply(contents: list[str], limit: int) -> Wrapped | None:
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


def _find_extra_headers(contents: list[str], limit: int) -> Wrapped | None:
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
            return Wrapped("forward", index, stop, len(contents), headers, False, False)
    return None


def find_wrapped(contents: list[str]) -> Wrapped | None:
    """The first wrapped message in ``contents`` (line contents), or None.

    quotequail's rules find one first; our extensions may find one that starts earlier, above
    it. The earliest wins.
    """
    # Only the first characters of a line matter for markers; capping them keeps the regexes
    # (ours and quotequail's) linear on hostile one-line messages.
    contents = [content[:MAX_MARKER_CHARS] for content in contents]
    scanned = contents[:MAX_SCAN_LINES]
    result = find_unwrapped(scanned)
    found: Wrapped | None = None
    if result is not None:
        marker_start, main_start = result.marker_start, result.main_start
        main_end = result.main_end if result.main_end is not None else len(contents)
        if result.unindent and main_end == len(scanned) < len(contents):
            # The quoted block runs past the scanned lines: follow it to its end.
            while main_end < len(contents) and contents[main_end].startswith(">"):
                main_end += 1
        marker_text = _join(contents[marker_start : min(main_start, marker_start + 2)])
        found = Wrapped(
            kind=result.kind,
            marker_start=marker_start,
            main_start=main_start,
            main_end=main_end,
            headers=dict(result.headers),
            unindent=result.unindent,
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


def inline_reply(content: str) -> re.Match[str] | None:
    """A reply line written on the same line as the reply's own last words
    ("reply On Wed, ... wrote:"): the match's ``own`` and ``line`` groups, or None."""
    if len(content) > MAX_MARKER_CHARS or not content.rstrip().endswith("wrote:"):
        return None
    match = _INLINE_REPLY.match(content)
    return match if match and match.start("line") > 0 else None
