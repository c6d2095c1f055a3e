"""Calendar arithmetic the date resolvers are written in (days, weeks, months, named days).

Month steps are the domain's (:func:`trigger.dates.shift_month`); this module adds what only
the language side needs: the reference day in Europe/London, "latest not after" searches and
Easter.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def reference_day(reference: datetime) -> date:
    """The reference datetime's day in Europe/London (a naive datetime is taken as London time)."""
    if reference.tzinfo is None:
        return reference.date()
    return reference.astimezone(LONDON).date()


def month_end(year: int, month: int) -> date:
    """The last day of ``year``/``month``."""
    return date(year, month, calendar.monthrange(year, month)[1])


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def weekday_before(ref: date, weekday: int) -> date:
    """The latest ``weekday`` strictly before ``ref``."""
    return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def easter(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm, as in dateutil.easter)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``th ``weekday`` (0 Monday) of ``year``/``month``; ``n`` -1 is the last one.
    None when the month has no such day (a fifth Monday)."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return day if day.month == month else None


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def latest_day_month(ref: date, month: int, day: int, weekday: int | None = None) -> date | None:
    """The latest ``day month`` not after ``ref`` (matching ``weekday`` within 7 years if given)."""
    first: date | None = None
    for year in range(ref.year, ref.year - 8, -1):
        candidate = safe_date(year, month, day)
        if candidate is None or candidate > ref:
            continue
        if first is None:
            first = candidate
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return first


def first_day_month(ref: date, month: int, day: int) -> date | None:
    """The first ``day month`` not before ``ref`` (a day told as still to come)."""
    for year in (ref.year, ref.year + 1, ref.year + 4):  # 29 February: the next leap year
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate >= ref:
            return candidate
    return None


def nearest_day_month_on(ref: date, month: int, day: int, weekday: int) -> date | None:
    """The ``day month`` falling on ``weekday`` nearest ``ref`` (seven years back, one ahead):
    "Saturday 12 December" written a week before it is this year's, not one six years back."""
    agreeing = [
        d
        for year in range(ref.year + 1, ref.year - 8, -1)
        if (d := safe_date(year, month, day)) is not None and d.weekday() == weekday
    ]
    return min(agreeing, key=lambda d: (abs((d - ref).days), d > ref), default=None)


def year_of_latest_month(ref: date, month: int) -> int:
    """The year of the latest ``month`` that has begun by ``ref`` (past-leaning)."""
    return ref.year if month <= ref.month else ref.year - 1


def two_digit_year(text: str) -> int:
    """A written year as a number: "74" is 1974, "26" is 2026 (00-69: 2000s), "1974" as is."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= 69 else 1900
    return year
