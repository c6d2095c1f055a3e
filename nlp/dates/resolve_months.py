"""Resolvers for months, parts of a month, runs of months and years.

Each ``resolve_*`` takes a match's :class:`~nlp.dates.context.Context` and returns what it
resolves to, or None when the words turn out not to be a date after all. Without a year the
past is preferred: "March" is the latest March that has begun by the reference day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from nlp.dates.arithmetic import month_end, year_of_latest_month
from nlp.dates.context import Context, Resolved
from trigger.dates import shift_month


def month_of(c: Context, month: int) -> tuple[int, int]:
    """The (year, month) a named ``month`` means in context: the year written, "next March",
    "last March" in March (a year back), else the latest such month begun by the reference day."""
    year = c.year()
    if year is not None:
        return year, month
    words = set(c.words)
    if "next" in words:
        return (c.ref.year if month > c.ref.month else c.ref.year + 1), month
    if "last" in words and month == c.ref.month:
        return c.ref.year - 1, month
    return year_of_latest_month(c.ref, month), month


def resolve_month(c: Context) -> Resolved | None:
    """A named month ("in March", "March 2025"): the whole calendar month."""
    found = c.find("month")
    if found is None or not c.ambiguous_ok(found[1]):
        return None
    y, m = month_of(c, int(found[0]))
    why = "calendar month of the year given" if c.year() else "calendar month, latest not after"
    return Resolved(date(y, m, 1), month_end(y, m), why)


def resolve_month_range(c: Context) -> Resolved | None:
    """A run of named months ("March to May", "November to February"), first day to last."""
    months = [
        (int(c.lexicon.tables["month"][(w,)]), i)
        for i, w in enumerate(c.words)
        if (w,) in c.lexicon.tables["month"]
    ]
    if len(months) != 2 or not all(c.ambiguous_ok(i) for _, i in months):
        return None
    (first, _), (last, _) = months
    written = c.year()
    year = written or year_of_latest_month(c.ref, first)
    wraps = last < first  # "November to February"
    if written is None and wraps and date(year + 1, last, 1) > c.ref:
        year -= 1  # past-leaning: the latest such range that has begun its last month
    end_year = year + 1 if wraps else year
    return Resolved(date(year, first, 1), month_end(end_year, last), "range of calendar months")


def relative_month(c: Context) -> tuple[int, int]:
    """The (year, month) of "last month", "the month before last", "next month" or this month."""
    words = set(c.words)
    if words & {"last", "previous", "past"}:
        return shift_month(c.ref.year, c.ref.month, -2 if "before" in words else -1)
    if "next" in words:
        return shift_month(c.ref.year, c.ref.month, 1)
    return c.ref.year, c.ref.month


def resolve_month_rel(c: Context) -> Resolved | None:
    """A month relative to the reference one ("last month", "next month", "this month": to the
    reference day)."""
    y, m = relative_month(c)
    end = month_end(y, m)
    if (y, m) == (c.ref.year, c.ref.month):
        end = c.ref
    return Resolved(date(y, m, 1), end, "calendar month relative to the reference month")


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def resolve_month_part(c: Context) -> Resolved | None:
    """A part of a month ("early March", "the end of last month"): days 1-10, 11-20 or 21-end."""
    part = c.find("month_part")
    if part is None:
        return None
    part_word = c.words[part[1]]
    nxt = c.words[part[2]] if part[2] < len(c.words) else ""
    if part_word in ("end", "start", "beginning", "begining", "middle") and nxt not in ("of", "-"):
        return None
    month = c.find("month")
    if month is not None:
        if not c.ambiguous_ok(month[1]):
            return None
        y, m = month_of(c, int(month[0]))
    else:
        y, m = relative_month(c)
    first, last = _PART_DAYS[str(part[0])]
    last = min(last, calendar.monthrange(y, m)[1])
    return Resolved(date(y, m, first), date(y, m, last), f"{part[0]} part of the month")


def resolve_year_only(c: Context) -> Resolved | None:
    """A year on its own ("in 2023", "last year", "this year"): 1 January to 31 December."""
    year = c.year()
    if year is None:
        year = c.ref.year if "this" in c.words else c.ref.year - 1
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year only")


# Thirds of a year, as the parts of a month are thirds of it.
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def resolve_year_part(c: Context) -> Resolved | None:
    """A part of a year ("the end of 2025", "the beginning of the year", "mid-2024", "the end of
    last year"): January-April, May-August or September-December. "The year" is the reference
    one, as "the month" is; "the end of year 10" (a school year) is not a date."""
    part = c.find("month_part")
    if part is None or c.after.isdigit():
        return None
    part_word = c.words[part[1]]
    nxt = c.words[part[2]] if part[2] < len(c.words) else ""
    if part_word in ("end", "start", "beginning", "begining", "middle") and nxt not in ("of", "-"):
        return None
    year = c.year()
    if year is None:
        previous = {"last", "previous", "past"} & set(c.words[part[2] :])
        year = c.ref.year - 1 if previous else c.ref.year
    first, last = _PART_MONTHS[str(part[0])]
    return Resolved(date(year, first, 1), month_end(year, last), f"{part[0]} part of the year")


def resolve_rest_of(c: Context) -> Resolved | None:
    """Resolve "the rest of the week / month / year": from the reference day to the end of that week
    (Sunday), month or year."""
    unit = c.words[-1]
    if unit in ("week", "wk"):
        end = c.ref + timedelta(days=6 - c.ref.weekday())
    elif unit == "month":
        end = month_end(c.ref.year, c.ref.month)
    else:
        end = date(c.ref.year, 12, 31)
    return Resolved(c.ref, end, f"the rest of the {unit}: the reference day to its end")
