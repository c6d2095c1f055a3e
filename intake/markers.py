"""Where a wrapped (forwarded, replied, quoted) message sits in plain text, as line ranges.

This reproduces the plain-text logic of quotequail 0.5.4 (closeio/quotequail, MIT licence,
Copyright (c) 2015 Elastic Inc. (Close.io)): ``quotequail._internal.unwrap`` and the helpers it
calls, with the patterns of ``quotequail/_patterns.py`` kept as data in ``markers.toml``.
quotequail's public ``unwrap`` returns only strings, and segments need offsets; its private
modules are not an API we may lean on. The behaviour is quotequail's, quirks included (each is
noted where it is kept), so that the figures measured against it hold.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

# quotequail's limits (_patterns.py): lines joined when a marker wraps, headers needed to
# recognise a header block, ">" lines needed to recognise a quote.
MAX_WRAP_LINES = 2
MIN_HEADER_LINES = 2
MIN_QUOTED_LINES = 3


def _load() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(
        resources.files("intake").joinpath("markers.toml").read_text(encoding="utf-8")
    )
    return data


_DATA = _load()
_QUOTEQUAIL: dict[str, Any] = _DATA["quotequail"]
_FORWARD_PATTERNS = [
    f"^{_QUOTEQUAIL['forward_line']}$",
    *(f"^---+ ?{message} ?---+$" for message in _QUOTEQUAIL["forward_messages"]),
    *(f"^{message}:$" for message in _QUOTEQUAIL["forward_messages"]),
]
# Reply patterns are tried before forward patterns (quotequail's COMPILED_PATTERN_MAP order).
_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "reply": [re.compile(pattern) for pattern in _QUOTEQUAIL["reply_patterns"]],
    "forward": [re.compile(pattern) for pattern in _FORWARD_PATTERNS],
}
_REPLY_DATE_SPLIT = re.compile(_QUOTEQUAIL["reply_date_split"])
_HEADER = re.compile(_QUOTEQUAIL["header_re"])
_HEADER_NAMES: dict[str, str] = _QUOTEQUAIL["header_names"]
_STRIP_SPACE_CHARS: str = _QUOTEQUAIL["strip_space_chars"]

# Our own patterns for what quotequail misses (read by intake/forwards.py).
EXTENSIONS: dict[str, Any] = _DATA["extensions"]


@dataclass(frozen=True)
class Unwrapped:
    """A wrapped message found by quotequail's rules (line indexes, end exclusive).

    ``kind`` is "forward", "reply" or "quote"; ``marker_start`` is the first line of the
    marker, headers or quote (the end of the text above it); ``main_start``/``main_end`` bound
    the wrapped message's own text (``main_end`` None: to the end); ``unindent`` says that text
    is ``>``-quoted.
    """

    kind: str
    marker_start: int
    headers: dict[str, str]
    main_start: int
    main_end: int | None
    unindent: bool


def _join_wrapped_lines(lines: list[str]) -> str:
    """One line from lines that wrapped, joined with a space unless the break follows an
    opening bracket or quote ("John <\\njohn@example>" -> "John <john@example>")."""
    if len(lines) == 1:
        return lines[0]
    joined = lines[0]
    for line in lines[1:]:
        if joined and joined[-1] in _STRIP_SPACE_CHARS:
            joined += line
        else:
            joined += " "
            joined += line
    return joined


def _pattern_on_line(lines: list[str], n: int) -> tuple[int, str] | None:
    """(last line of the marker, "reply" or "forward") when a marker starts on line ``n``."""
    for kind, regexes in _PATTERNS.items():
        for regex in regexes:
            for m in range(MAX_WRAP_LINES):
                match_line = _join_wrapped_lines(lines[n : n + 1 + m])
                if match_line.startswith(">"):
                    match_line = match_line[1:].strip()
                # A blank line stops the joining, so a quote starting on the next line is
                # found at its own line.
                if not match_line:
                    break
                if regex.match(match_line.strip()):
                    return n + m, kind
    return None


def _extract_headers(lines: list[str]) -> tuple[dict[str, str], int]:
    """The headers at the top of ``lines`` and how many lines they took."""
    headers: dict[str, str] = {}
    header_name: str | None = None
    extend_lines = 0  # continuation lines of an overlong header
    lines_processed = 0
    for n, line in enumerate(lines):
        if not line.strip():
            header_name = None
            continue
        match = _HEADER.match(line)
        if match:
            header_name = match.group(1).strip().lower()
            extend_lines = 0
            if header_name in _HEADER_NAMES:
                headers[_HEADER_NAMES[header_name]] = match.group(2).strip()
            lines_processed = n + 1
        else:
            extend_lines += 1
            if (
                extend_lines < MAX_WRAP_LINES
                and header_name is not None
                and (header_name in _HEADER_NAMES)
            ):
                name = _HEADER_NAMES[header_name]
                headers[name] = _join_wrapped_lines([headers[name], line.strip()])
                lines_processed = n + 1
            else:
                break
    return headers, lines_processed


def _parse_reply(line: str) -> dict[str, str] | None:
    """Date and sender of a reply line ("On DATE, USER wrote:"), or None."""
    if line.startswith(">"):
        line = line[1:].strip()
    date: str | None = None
    user: str | None = None
    # Every pattern is tried and the last match wins (quotequail's loop does not stop).
    for pattern in _PATTERNS["reply"]:
        match = pattern.match(line)
        if not match:
            continue
        groups = match.groups()
        if len(groups) == 2:
            date, user = groups
        else:
            split_match = _REPLY_DATE_SPLIT.match(groups[0])
            if split_match:
                split_groups = split_match.groups()
                date = split_groups[0]
                user = split_groups[-1]
            else:
                split = groups[0].rsplit(",", 1)
                if len(split) == 2:
                    date, user = split
    if date:
        date = date.strip()
    if user:
        user = user.strip()
    if date and user:
        return {"date": date.strip(), "from": user.strip()}
    return None


def _find_start(lines: list[str], min_quoted_lines: int) -> tuple[int, int, str] | None:
    """(first line, last marker line, type) of the first wrapping in ``lines``.

    The type is "forward" or "reply" (a marker line), "headers" (a header block) or "quoted"
    (``>`` lines); None when there is none.
    """
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        result = _pattern_on_line(lines, n)
        if result:
            end, kind = result
            return n, end, kind
        if line.startswith(">"):
            matched_lines = 1
            if matched_lines >= min_quoted_lines:
                return n, n, "quoted"
            for peek_line in lines[n + 1 :]:
                if not peek_line.strip():
                    continue
                if not peek_line.startswith(">"):
                    break
                matched_lines += 1
                if matched_lines >= min_quoted_lines:
                    return n, n, "quoted"
        if _HEADER.match(line) and len(_extract_headers(lines[n:])[0]) >= MIN_HEADER_LINES:
            return n, n, "headers"
    return None


def _unindent_lines(lines: list[str]) -> list[str]:
    """The leading ``>``-quoted lines with one level of quoting removed."""
    unquoted = []
    for line in lines:
        if line.startswith("> "):
            unquoted.append(line[2:])
        elif line.startswith(">"):
            unquoted.append(line[1:])
        else:
            break
    return unquoted


def find_unwrapped(lines: list[str]) -> Unwrapped | None:
    """The first wrapped message in ``lines`` by quotequail's rules, or None.

    quotequail's ``_internal.unwrap`` with its default limits, returning only the ranges we use.
    """
    found = _find_start(lines, MIN_QUOTED_LINES)
    if not found:
        return None
    start, end, kind = found
    headers: dict[str, str] = {}

    if kind in ("forward", "reply"):
        if kind == "reply":
            reply_headers = _parse_reply(_join_wrapped_lines(lines[start : end + 1]))
            if reply_headers:
                headers.update(reply_headers)
        # The headers or quote after the marker (one quoted line is enough here).
        after = _find_start(lines[end + 1 :], 1)
        start2 = after[0] if after else 0
        kind2 = after[2] if after else None
        if kind2 == "quoted":
            quoted_start = end + 1 + start2
            unquoted = _unindent_lines(lines[quoted_start:])
            rest_start = quoted_start + len(unquoted)
            inner = _find_start(unquoted, MIN_QUOTED_LINES)
            start3 = inner[0] if inner else 0
            if inner and inner[2] == "headers":
                quoted_headers, headers_length = _extract_headers(unquoted[start3:])
                headers.update(quoted_headers)
                main_start = quoted_start + start3 + headers_length
                return Unwrapped(kind, start, headers, main_start, rest_start, True)
            return Unwrapped(kind, start, headers, quoted_start, rest_start, True)
        if kind2 == "headers":
            # quotequail reads the headers from the line after the marker's first line (not
            # after its last, nor where the header block was found): kept as it is.
            block_headers, headers_length = _extract_headers(lines[start + 1 :])
            headers.update(block_headers)
            return Unwrapped(kind, start, headers, start + 1 + headers_length, None, False)
        # Neither headers nor a quote: everything below the marker is the wrapped text.
        return Unwrapped(kind, start, headers, start + start2 + 1, None, False)

    if kind == "headers":
        block_headers, headers_length = _extract_headers(lines[start:])
        return Unwrapped("forward", start, block_headers, start + headers_length, None, False)

    # kind == "quoted": headers may be inside the quote.
    unquoted = _unindent_lines(lines[start:])
    rest_start = start + len(unquoted)
    inner = _find_start(unquoted, MIN_QUOTED_LINES)
    start2 = inner[0] if inner else 0
    if inner and inner[2] == "headers":
        quoted_headers, headers_length = _extract_headers(unquoted[start2:])
        # quotequail leaves out start2 here (the headers' own offset in the quote): kept.
        return Unwrapped("forward", start, quoted_headers, start + headers_length, rest_start, True)
    return Unwrapped("quote", start, {}, start, rest_start, True)
