"""Duckling's English time corpus as a test of nlp.dates (finding and resolving date phrases).

The rows come from facebook/duckling `Duckling/Time/EN/Corpus.hs` and `EN/GB/Corpus.hs`
@2c226585 (BSD-3-Clause), converted to JSON Lines in ../shared/external (see its README).
Duckling's conventions differ from ours (extract-contract.md, "Date conventions"): it leans to the
future, reads numbers month-first for en_US, resolves to the hour or minute. We keep the rows that
fit our past-leaning, day-first, day-grain conventions, turn Duckling's future readings of bare
phrases into our past readings, and compare on whole days. Every filter is documented below.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from nlp.dates import DateMention, find_dates
from tests.checkout import EXTERNAL, requires_shared

CORPUS = EXTERNAL / "duckling_en_time.jsonl"
LONDON = ZoneInfo("Europe/London")

# Named days we resolve (the contract's list plus the UK church/civic days of the lexicon);
# Duckling's other holidays (Thanksgiving, Diwali, Eid, King's Day, ...) are out of scope.
OUR_HOLIDAYS = {
    "Christmas",
    "Easter Sunday",
    "Easter Monday",
    "St Patrick's Day",
    "Halloween",
    "Maundy Thursday",
    "Pentecost",
    "New Year's Eve",
    "New Year's Day",
    "Valentine's Day",
    "Whit Monday",
    "Palm Sunday",
    "Shrove Tuesday",
    "Mothering Sunday",
    "Guy Fawkes Day",
    "Father's Day",
    "August Bank Holiday",
}
EASTER_BASED = {
    "Easter Sunday",
    "Easter Monday",
    "Maundy Thursday",
    "Pentecost",
    "Whit Monday",
    "Palm Sunday",
    "Shrove Tuesday",
    "Mothering Sunday",
}
# Named days that are the nth weekday of a month: (month, weekday, n).
NTH_WEEKDAY_BASED = {"Father's Day": (6, SU, 3)}

# Phrases that are out of scope for an intake assistant reading about past incidents: future
# offsets and durations ("in 7 days", "3 years from today", "upcoming two weeks", "next 3 days"),
# deadlines ("by EOM"), seasons, quarters, "closest" arithmetic, the nth day or week of a month
# ("last day of October", "first week of October"), and phrases where Duckling's convention
# and the contract's differ (each said below). The nth weekday of a month ("first Tuesday of
# October") is ours, and so are "the end of 2012" and "the end of the year" (the last third).
OUT_OF_SCOPE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(in|within)\s+(a|an|one|two|three|four|five|\d+)\s+(day|week|month|year)",
        r"\bin\s+\d+\s+(months|years)\b",
        r"\bin\s+(a|one|\d+)\s+years?\b",
        r"from (now|today|right now)|\bhence\b|\bupcoming\b|\bnext (\d+|two|three|few)\b",
        r"\b(after|before)\s+(christmas|easter)\b|\bfrom christmas\b",
        r"\b(EOM|EOY|BOM|BOY|EOD)\b|\bby\b",  # abbreviations and deadlines
        # Duckling's beginning of a year is its first quarter; ours is its first third (January
        # to April), as the parts of a month are its thirds. Its end of a year is ours.
        r"\bbeginning of (the )?(year|\d{4})\b",
        # Duckling's "all week" and "rest of the week" end on Saturday (its weekend starts on
        # Friday evening); the contract's weeks run Monday to Sunday. "the week" alone is vague.
        r"\ball week\b|\brest of the week\b|\bthe week\b$",
        # seasons and quarters (a summer bank holiday is a day)
        r"season|summer(?! bank)|winter|spring|autumn|\bquarter|\bqtr\b|\d+q\d|q\d\b",
        r"\bclosest\b|\bides\b",
        r"\b(first|second|third|fourth|fifth|last|\d(st|nd|rd|th))\s+(last\s+)?"
        r"(day|week|weekend|week-end|week end|wkend)\w*\s+(of|in)\b",
        r"\bweek of\b|\bthird day\b",
        r"^\d{1,2}\s*-\s*\d{1,2}$",  # "15-2": a day-month or a range of numbers; we read neither
        # year-scale offsets: Duckling gives the whole month, the contract counts back to the
        # day ("two years ago": the same day two years before, as "two months ago"); durations
        r"\byears? ago\b|\bfor \d+ days\b",
        # "the following week": our contract anchors "the following ..." to the incident
        r"\bfollowing\b",
        r"\b\d{4}-\d\d-\d\d \d|/\d{4}-",
        r"\bthree thousand|\btwo thousand\b",  # years spelt out
    )
]

WEEKDAYS = (
    r"\b(mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|"
    r"sat|saturday|sun|sunday)\b"
)
MONTHS = (
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december)(?=\b|\d)"
)
# Words that make a phrase's time explicit, so that Duckling's reading is ours too ("the end of
# the year" is the reference year's, as "the end of the month" is the reference month's).
FUTURE_CUES = re.compile(
    r"\b(next|tomorrow|tomorrows|after next|coming|from now|hence|in \d|"
    r"(the|this|current) (week|month|year)|of year)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19|20)\d\d\b|'\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@dataclass(frozen=True)
class Row:
    text: str
    reference: datetime
    expected: tuple[date, date] | None  # None: no date may be found
    note: str


def _in_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


# "first Tuesday of October": the nth weekday of a named month, read as the latest not after the
# reference day (computed here with dateutil, independently of nlp.dates).
NTH_WEEKDAY_OF_MONTH = re.compile(
    r"(the )?(first|second|third|fourth|last) (mon|tue|wed|thu|fri|sat|sun)[a-z]* (of|in) "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_MONTH_NUMBERS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_WEEKDAY_OBJECTS = {"mon": MO, "tue": TU, "wed": WE, "thu": TH, "fri": FR, "sat": SA, "sun": SU}


def _latest_nth_weekday(ref: date, month: int, which: weekday) -> tuple[date, date]:
    year = ref.year
    while True:
        first = date(year, month, 1)
        anchor = first if which.n and which.n > 0 else first + relativedelta(day=31)
        day = anchor + relativedelta(weekday=which)
        if day <= ref:
            return day, day
        year -= 1


def _past_reading(
    text: str, holiday: str | None, start: date, end: date, ref: date
) -> tuple[date, date] | None:
    """Our past-leaning reading of a phrase Duckling read as the next occurrence (None: skip)."""
    has_weekday = re.search(WEEKDAYS, text, re.IGNORECASE) is not None
    has_month = (
        re.search(MONTHS, text, re.IGNORECASE) is not None or re.search(r"\d/\d", text) is not None
    )
    if holiday in EASTER_BASED:
        shift = easter(start.year) - easter(start.year - 1)
        return start - shift, end - shift
    if holiday in NTH_WEEKDAY_BASED:
        month, day_of_week, n = NTH_WEEKDAY_BASED[holiday]
        return _latest_nth_weekday(ref, month, day_of_week(n))
    nth = NTH_WEEKDAY_OF_MONTH.fullmatch(text.strip().lower())
    if nth is not None:
        month = _MONTH_NUMBERS[nth.group(5)[:3]]
        n = _NTH[nth.group(2)]
        return _latest_nth_weekday(ref, month, _WEEKDAY_OBJECTS[nth.group(3)[:3]](n))
    if holiday is not None or has_month:
        if has_weekday and has_month:
            return None  # a weekday with a date in the future: no past reading keeps both
        years = 0
        while (
            _in_year(start, start.year - years) is None or _in_year(start, start.year - years) > ref
        ):
            years += 1
        shifted_start, shifted_end = (
            _in_year(start, start.year - years),
            _in_year(end, end.year - years),
        )
        if shifted_start is None or shifted_end is None:
            return None
        return shifted_start, shifted_end
    if has_weekday and re.search(r"\d(st|nd|rd|th)\b", text, re.IGNORECASE):
        return (
            None  # "Thu 15th" / "Tuesday the 19th": a month-by-month search, tested in test_dates
        )
    if has_weekday:
        while start >= ref:
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return start, end
    if re.search(r"\d(st|nd|rd|th)\b|\bfirst\b|\bthe \d+\b", text, re.IGNORECASE):
        shifted = start
        while shifted > ref:
            month = shifted.month - 1 or 12
            shifted = shifted.replace(year=shifted.year - (shifted.month == 1), month=month)
        return shifted, shifted
    return None


def load_rows() -> tuple[list[Row], dict[str, int]]:
    """The kept rows, and how many rows each filter dropped."""
    dropped: dict[str, int] = {}

    def drop(reason: str) -> None:
        dropped[reason] = dropped.get(reason, 0) + 1

    kept = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        raw: dict[str, Any] = json.loads(line)
        meta, expected, text = raw["meta"], raw["expected"], raw["input"]
        reference = datetime.fromisoformat(raw["reference_time"])
        ref_day = reference.astimezone(LONDON).date()
        if not meta.get("uk_applicable", True):
            drop("US month-first numerics (meta.uk_applicable false)")
            continue
        if expected["type"] == "none":  # kept: nothing may be found
            kept.append(Row(text, reference, None, "must find nothing"))
            continue
        if expected["type"] == "open_interval" or not expected.get("date_range"):
            drop("open intervals and dates Duckling cannot place (BC)")
            continue
        if expected.get("grain") in ("year", "quarter"):
            drop("year or quarter grain: not a day")
            continue
        holiday = expected.get("holiday")
        if holiday is not None and holiday not in OUR_HOLIDAYS:
            drop("holidays outside our named days")
            continue
        if re.search(r"week-?\s?end|wkend", text, re.IGNORECASE):
            drop("weekends: Duckling's run Friday 18:00 to Monday, ours are Saturday and Sunday")
            continue
        if any(p.search(text) for p in OUT_OF_SCOPE):
            drop("out of scope: future offsets, durations, deadlines, compositions")
            continue
        start, end = (date.fromisoformat(d) for d in expected["date_range"])
        future_read = meta.get("bare_future_resolution") or (
            meta.get("relative_to_ref") == "future"
            and not FUTURE_CUES.search(text)
            and not YEAR.search(text)
        )
        if future_read and start > ref_day:
            past = _past_reading(text, holiday, start, end, ref_day)
            if past is None:
                drop("bare future reading with no unambiguous past reading")
                continue
            kept.append(Row(text, reference, past, "past reading of a bare phrase"))
            continue
        note = "compared on the day" if meta.get("subday_grain") else "as Duckling"
        kept.append(Row(text, reference, (start, end), note))
    return kept, dropped


def _main_mention(mentions: list[DateMention]) -> DateMention | None:
    return max(mentions, key=lambda m: m.end - m.start, default=None)


def _resolves_right(row: Row) -> tuple[bool, str]:
    mentions = find_dates(row.text, row.reference)
    if row.expected is None:
        return not mentions, f"found {[m.text for m in mentions]}"
    main = _main_mention(mentions)
    if main is None:
        return False, "nothing found"
    got = (main.start_date, main.end_date)
    return got == row.expected, f"{main.text!r} -> {got[0]}..{got[1]} ({main.explanation})"


pytestmark = requires_shared("external/duckling_en_time.jsonl")

# An honest floor: the filters above may not shrink the suite to the easy rows.
MIN_KEPT_ROWS = 385
MIN_ACCURACY = 0.95


def test_duckling_kept_rows_are_at_least_the_floor() -> None:
    kept, dropped = load_rows()
    assert len(kept) >= MIN_KEPT_ROWS, f"only {len(kept)} rows kept; dropped: {dropped}"


def test_duckling_rows_resolve_right_at_least_ninety_five_percent() -> None:
    kept, _ = load_rows()
    misses = []
    for row in kept:
        right, detail = _resolves_right(row)
        if not right:
            misses.append(f"{row.text!r} expected {row.expected} [{row.note}]: {detail}")
    accuracy = 1 - len(misses) / len(kept)
    assert accuracy >= MIN_ACCURACY, f"{accuracy:.1%} right; misses:\n" + "\n".join(misses)
