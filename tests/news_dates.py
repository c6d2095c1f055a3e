"""Score the date finder on dated news prose: ``python -m tests.news_dates FILE [--details]``.

FILE is JSON Lines, one news item per line::

    {"id": "n01", "dateline": "2026-03-14T09:30:00+00:00", "text": "...",
     "dates": [{"phrase": "last Friday", "start": 57, "date": "2026-03-06"},
               {"phrase": "March", "start": 120, "date": null, "kind": "not_day"}]}

Each gold phrase with a ``date`` names one calendar day read against the dateline by the
contract's conventions; phrases marked ``not_day`` (a month, a year, a season, a time) are not
days. :func:`find_dates` reads each text against its dateline, and:

- a gold day is **found** when a mention overlapping its phrase resolves to that day (a range's
  first or last day counts, so "between 2 and 5 May" can be one mention); a mention told relative
  to the event before it ("the next day") is resolved against the last single day found before it;
- a **false find** is a single-day mention overlapping no gold phrase, or overlapping only a
  ``not_day`` one (a month read as one day); ranges over not-day phrases are neither.

Prints precision, recall and F1 over day phrases as JSON (``--details`` lists every miss).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from nlp.dates import DateMention, find_dates
from nlp.dates.mention import DateAnchor


@dataclass
class NewsScore:
    """Counts over a set of news items, and the misses that explain them."""

    gold_days: int = 0
    found: int = 0
    false_finds: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        finds = self.found + self.false_finds
        return self.found / finds if finds else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold_days if self.gold_days else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold_days": self.gold_days,
            "found": self.found,
            "false_finds": self.false_finds,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _days(mentions: list[DateMention]) -> list[tuple[DateMention, date | None, date | None]]:
    """Each mention with its first and last day; event-relative ones read from the day before."""
    out: list[tuple[DateMention, date | None, date | None]] = []
    last_day: date | None = None
    for m in mentions:
        first, last = m.start_date, m.end_date
        if m.anchor is DateAnchor.INCIDENT and last_day is not None and m.offset_days is not None:
            first = last = last_day + timedelta(days=m.offset_days)
        if first is not None and first == last:
            last_day = first
        out.append((m, first, last))
    return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_item(item: dict[str, Any], into: NewsScore) -> None:
    """Add one news item's counts (and misses) to ``into``."""
    text: str = item["text"]
    dateline = datetime.fromisoformat(item["dateline"])
    resolved = _days(find_dates(text, dateline))
    gold = item["dates"]
    for g in gold:
        if g.get("date") is None:
            continue
        into.gold_days += 1
        g_start, g_end = g["start"], g["start"] + len(g["phrase"])
        want = date.fromisoformat(g["date"])
        got = [
            (m, first, last)
            for m, first, last in resolved
            if _overlaps(m.start, m.end, g_start, g_end)
        ]
        if any(want in (first, last) for _, first, last in got):
            into.found += 1
        else:
            seen = ", ".join(f"{m.text!r}->{first}..{last}" for m, first, last in got) or "nothing"
            into.misses.append(f"{item['id']}: {g['phrase']!r} want {want}, got {seen}")
    for m, first, last in resolved:
        if first is None or first != last:
            continue
        over = [
            g for g in gold if _overlaps(m.start, m.end, g["start"], g["start"] + len(g["phrase"]))
        ]
        if not over or all(g.get("date") is None for g in over):
            into.false_finds += 1
            into.misses.append(f"{item['id']}: false find {m.text!r} -> {first}")


def score_file(path: Path) -> NewsScore:
    """Score every item of a JSON Lines file."""
    score = NewsScore()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            score_item(json.loads(line), score)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file", type=Path)
    parser.add_argument("--details", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    score = score_file(args.file)
    if args.details:
        for miss in score.misses:
            print(miss)
    print(json.dumps(score.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
