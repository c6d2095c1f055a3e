"""Resolvers for dates written out: a day and a month, numeric dates, runs of days.

Each ``resolve_*`` takes a match's :class:`~nlp.dates.context.Context` and returns what it
resolves to, or None when the words turn out not to be a date after all. Without a year the
latest such day not after the reference day is meant; a year is taken as written. Forms with the
month spelled inside one token ("31/Oct/1974", "14april") go to dateparser (cached); the common
numeric and spelled forms are parsed here, which is faster and exact.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Doc, Span

from nlp.dates.arithmetic import (
    first_day_month,
    latest_day_month,
    month_end,
    nearest_day_month_on,
    safe_date,
    two_digit_year,
)
from nlp.dates.context import Context, Resolved, one_day
from nlp.dates.lexicon import Lexicon


def resolve_day_month(c: Context) -> Resolved | None:
    """A day and a month ("23 May", "Tuesday 3rd March 2026"), with a year if written."""
    month, day = c.find("month"), c.day_number()
    if month is None or day is None or not c.ambiguous_ok(month[1]):
        return None
    weekday = c.find("weekday")
    if weekday is not None and not c.ambiguous_ok(weekday[1]):
        weekday = None
    year = c.year()
    if year is not None:
        d = safe_date(year, int(month[0]), day)
        return one_day(d, "day and month with a year, as written") if d else None
    if c.future:
        d = first_day_month(c.ref, int(month[0]), day)
        if d is not None and (weekday is None or d.weekday() == int(weekday[0])):
            why = "day and month told as still to come: first not before the reference day"
            return one_day(d, why)
    if weekday is not None:
        d = nearest_day_month_on(c.ref, int(month[0]), day, int(weekday[0]))
        if d is not None and d > c.ref:
            return one_day(d, "weekday, day and month: the agreeing year nearest the reference day")
        if d is not None:
            return one_day(d, "day and month: latest not after the reference day")
    d = latest_day_month(c.ref, int(month[0]), day)
    return one_day(d, "day and month: latest not after the reference day") if d else None


def _day_numbers(words: list[str], lexicon: Lexicon) -> list[int]:
    """The day numbers in ``words`` in order ("13th", "15", "first", "5th-6th")."""
    numbers = []
    for word in words:
        for part in word.split("-"):
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", part)
            if m and 1 <= int(m.group(1)) <= 31:
                numbers.append(int(m.group(1)))
            elif (part,) in lexicon.tables["ordinal_word"]:
                numbers.append(int(lexicon.tables["ordinal_word"][(part,)]))
    return numbers


def resolve_day_range(c: Context) -> Resolved | None:
    """A run of days in a named month ("5th-6th March", "13 to 15 May")."""
    days = _day_numbers(c.words, c.lexicon)
    months = [
        (int(c.lexicon.tables["month"][(w,)]), i)
        for i, w in enumerate(c.words)
        if (w,) in c.lexicon.tables["month"]
    ]
    if len(days) != 2 or not months or not all(c.ambiguous_ok(i) for _, i in months):
        return None
    first_month, last_month = months[0][0], months[-1][0]
    year = c.year()
    if year is None:
        start = latest_day_month(c.ref, first_month, days[0])
        if start is None:
            return None
        year = start.year
    start, end = safe_date(year, first_month, days[0]), safe_date(year, last_month, days[1])
    if start is None or end is None or end < start:
        return None
    return Resolved(start, end, "range of days in the month named")


def resolve_numeric(c: Context) -> Resolved | None:
    """A numeric date in one token, day first ("3/11", "03.11.25") or year first ("2026/10/05");
    not a fraction ("3/4 of them") or an address ("flat 3/12")."""
    token = c.span[-1].text
    if token in c.lexicon.numeric_not_dates or c.before == "/" or c.after == "/":
        return None
    if c.before in c.lexicon.numeric_after_words:
        return None
    parts = re.split(r"[/.]", token)
    if len(parts[0]) == 4:  # 2026/10/05: year first
        d = safe_date(int(parts[0]), int(parts[1]), int(parts[2]))
        return one_day(d, "numeric date, year first") if d else None
    if len(parts) == 2 and c.after in c.lexicon.numeric_blockers:
        return None  # "3/4 of them", "1/2 an hour": a fraction
    return _numeric(c, int(parts[0]), int(parts[1]), parts[2] if len(parts) > 2 else None)


def _numeric(c: Context, day: int, month: int, year_text: str | None) -> Resolved | None:
    if not 1 <= month <= 12:
        return None
    if year_text is not None:
        d = safe_date(two_digit_year(year_text), month, day)
        return one_day(d, "numeric date (day first) with a year, as written") if d else None
    d = latest_day_month(c.ref, month, day)
    return one_day(d, "numeric day/month: latest not after the reference day") if d else None


def _no_spaces(span: Span) -> bool:
    return all(not t.whitespace_ for t in span[:-1])


def resolve_numeric_hyphen(c: Context) -> Resolved | None:
    """A numeric date with hyphens, day first ("3-11-25"), written without spaces."""
    if not _no_spaces(c.span):
        return None
    return _numeric(c, int(c.words[0]), int(c.words[2]), c.words[4])


def resolve_numeric_iso(c: Context) -> Resolved | None:
    """An ISO 8601 date ("2026-10-05"), written without spaces."""
    if not _no_spaces(c.span):
        return None
    d = safe_date(int(c.words[0]), int(c.words[2]), int(c.words[4]))
    return one_day(d, "ISO date") if d else None


def resolve_month_numeric(c: Context) -> Resolved | None:
    """A numeric month and year ("10/2025", "2025-10"): the whole calendar month."""
    if not _no_spaces(c.span):
        return None
    numbers = [int(n) for n in re.findall(r"\d+", c.span.text)]
    if len(numbers) != 2:
        return None
    year, month = (numbers[1], numbers[0]) if numbers[1] > 31 else (numbers[0], numbers[1])
    if not 1 <= month <= 12:
        return None
    return Resolved(date(year, month, 1), month_end(year, month), "numeric month and year")


@lru_cache(maxsize=4096)
def _dateparser_day_month_year(text: str) -> tuple[int, int, int] | None:
    """dateparser on one absolute phrase (cached; imported lazily: it is slow to import)."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past",
            # Only day and month are taken from dateparser (the year rule is ours), so a fixed
            # naive base keeps the cache key the phrase alone.
            "RELATIVE_BASE": datetime(2000, 1, 1),  # noqa: DTZ001
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return (parsed.day, parsed.month, parsed.year) if parsed is not None else None


def resolve_absolute(c: Context) -> Resolved | None:
    """A date with the month spelt inside a token ("31/Oct/1974", "14april"), by dateparser."""
    letters = re.findall(r"[a-z]+", c.span.text.lower())
    months = [w for w in letters if (w,) in c.lexicon.tables["month"]]
    if not months:
        return None
    parsed = _dateparser_day_month_year(c.span.text)
    if parsed is None:
        return None
    day, month, _ = parsed
    year_match = re.search(r"[a-zA-Z][/-](\d{2}|\d{4})$|(?:^|\s)((?:19|20)\d{2})$", c.span.text)
    if year_match:
        year = two_digit_year(year_match.group(1) or year_match.group(2))
        d = safe_date(year, month, day)
        return one_day(d, "dateparser: absolute date with a year") if d else None
    d = latest_day_month(c.ref, month, day)
    return (
        one_day(d, "dateparser: day and month, latest not after the reference day") if d else None
    )


def _words_follow(doc: Doc, bracket: int) -> bool:
    """Whether the token after the bracket at ``bracket`` is a word, not a number."""
    return bracket + 1 < len(doc) and doc[bracket + 1].is_alpha


def resolve_numeric_spaced(c: Context) -> Resolved | None:
    """A numeric date with single spaces, day first, the year in full ("31 10 2025"); not part
    of a longer run of numbers (a phone number), nor after a currency sign or soon after a word
    that introduces a number ("ref 12 10 2025", "the ref is 12 10 2025", "tel 01 02 2003")."""
    span, doc = c.span, c.span.doc
    if any(t.whitespace_ != " " for t in span[:-1]):
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    for neighbour, step in ((before, -1), (after, 1)):
        if neighbour is not None and (
            neighbour.like_num or neighbour.is_currency or neighbour.text in ("+", "(", ")")
        ):
            # an aside in words after it is the writer's ("31 10 2025 (last year, not this)");
            # a bracket next to a number runs on a phone number
            if not (step == 1 and neighbour.text == "(" and _words_follow(doc, neighbour.i)):
                return None
        # a dash joining another number runs on a phone number ("0161 - 31 10 2025"); a dash
        # setting the date off a log line's text ("- 31 10 2025 - eggs thrown") does not
        beyond = neighbour.i + step if neighbour is not None else -1
        if neighbour is not None and neighbour.text == "-" and 0 <= beyond < len(doc):
            if doc[beyond].like_num:
                return None
    # a word that introduces a number names it only on the same line: a table's header row
    # ending in "Ref" does not make the next row's leading date a reference
    line = list(doc[max(0, span.start - 3) : span.start])
    breaks = [k for k, t in enumerate(line) if "\n" in t.text_with_ws]
    if breaks:
        line = line[breaks[-1] + 1 :]
    if c.before in c.lexicon.numeric_after_words or any(
        t.lower_ in c.lexicon.numeric_spaced_blockers for t in line
    ):
        return None
    day, month, year = (int(t.text) for t in span)
    if not 1 <= month <= 12:
        return None
    d = safe_date(year, month, day)
    return one_day(d, "numeric date with spaces (day first), as written") if d else None
