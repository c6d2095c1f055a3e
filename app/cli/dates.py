"""`trigger dates`: show every date phrase in a text and what it resolves to (JSON Lines).

    trigger dates --reference 2026-11-20T10:00+00:00 "last Friday and the 3rd"
    trigger dates --reference 2026-11-20 - < phrases.txt      # one text per line

Each output line is one phrase: its text, character span and inclusive start/end dates; for a
phrase anchored to the incident just described ("the next morning") start/end are null and
``anchor``/``offset_days`` say how it relates. With ``-`` each object also carries the input's
``line`` number (from 1), so a suite of thousands of phrases runs in one process.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def register(subparsers: Any) -> None:
    """Add the `dates` sub-command."""
    parser = subparsers.add_parser(
        "dates",
        help="find and resolve the date phrases in a text",
        description="Print each date phrase in TEXT with its span and resolved dates (JSON Lines).",
    )
    parser.add_argument(
        "--reference",
        required=True,
        help="the message's time, ISO 8601 (e.g. 2026-11-20T10:00+00:00); no offset: Europe/London",
    )
    parser.add_argument(
        "text", metavar="TEXT", help="the text, or - to read one text per line from stdin"
    )
    parser.set_defaults(handler=run)


def parse_reference(value: str) -> datetime:
    """An aware datetime from ISO 8601; a naive one is taken as Europe/London time."""
    reference = datetime.fromisoformat(value.strip())
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=LONDON)
    return reference


def mention_json(mention: Any, line: int | None = None) -> dict[str, Any]:
    """The JSON object printed for one DateMention."""
    from nlp.dates import DateAnchor

    out: dict[str, Any] = {
        "text": mention.text,
        "span": [mention.start, mention.end],
        "start": mention.start_date.isoformat() if mention.start_date else None,
        "end": mention.end_date.isoformat() if mention.end_date else None,
    }
    if mention.anchor is DateAnchor.INCIDENT:
        out["anchor"] = str(mention.anchor)
        out["offset_days"] = mention.offset_days
    if mention.corrects:
        out["corrects"] = True
    if mention.negated:
        out["negated"] = True
    out["explanation"] = mention.explanation
    if line is not None:
        out["line"] = line
    return out


def run(args: argparse.Namespace) -> int:
    """Print the date phrases of the text (or of each stdin line) as JSON Lines."""
    try:
        reference = parse_reference(args.reference)
    except ValueError:
        print(
            f"trigger dates: error: --reference {args.reference!r} is not an ISO 8601 date/time "
            "(e.g. 2026-11-20T10:00+00:00)",
            file=sys.stderr,
        )
        return 2
    from nlp.dates import find_dates

    if args.text == "-":
        for number, raw in enumerate(sys.stdin, start=1):
            text = raw.rstrip("\r\n")
            for mention in find_dates(text, reference):
                print(json.dumps(mention_json(mention, number), ensure_ascii=False))
    else:
        for mention in find_dates(args.text, reference):
            print(json.dumps(mention_json(mention), ensure_ascii=False))
    return 0
