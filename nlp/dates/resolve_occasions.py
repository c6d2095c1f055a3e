"""Resolvers for days named by an occasion or by their place in a month.

Named days ("Bonfire Night", "Easter Monday", "Father's Day"), the nth weekday of a month ("the
first Monday of last month", "the last Friday in October") and bank holidays ("the bank holiday
Monday", "the August bank holiday", read from the domain's calendar for England).
Without a year written each is the latest not after the reference day (past-leaning); "last"
makes it strictly before, "next" the first after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from nlp.dates.arithmetic import easter, nth_weekday, safe_date
from nlp.dates.context import HABITUAL, SEASONS, Context, Resolved, one_day
from trigger.dates import shift_month

# How far back (in years) "the latest not after the reference day" looks.
_YEARS_BACK = 3


def _latest(c: Context, on: Callable[[int], date | None], what: str) -> Resolved | None:
    """The day ``on(year)`` gives, in the year written, else the latest not after the reference
    day (strictly before after "last"), or the first after it after "next"."""
    year = c.year()
    if year is not None:
        d = on(year)
        return one_day(d, f"{what} in the year written") if d else None
    words = set(c.words)
    if "next" in words:
        for y in range(c.ref.year, c.ref.year + 2):
            d = on(y)
            if d is not None and d > c.ref:
                return one_day(d, f"{what}: next after the reference day")
        return None
    strictly = "last" in words
    if c.future and not strictly:
        for y in range(c.ref.year, c.ref.year + 2):
            d = on(y)
            if d is not None and d >= c.ref:
                return one_day(
                    d, f"{what} told as still to come: first not before the reference day"
                )
        return None
    for y in range(c.ref.year, c.ref.year - _YEARS_BACK, -1):
        d = on(y)
        if d is not None and (d < c.ref or (d == c.ref and not strictly)):
            return one_day(d, f"{what}: latest not after the reference day")
    return None


# Nouns that, after a feast that also names a season, make it the season or a thing of it
# ("the Christmas market", "the Easter holidays"), not the day itself.
_SEASON_NOUNS = frozenset(
    {
        "period",
        "holiday",
        "holidays",
        "hols",
        "break",
        "week",
        "weekend",
        "weekends",
        "season",
        "time",
        "term",
        "lights",
        "light",
        "market",
        "markets",
        "fair",
        "shopping",
        "party",
        "parties",
        "tree",
        "trees",
        "decorations",
        "dinner",
        "lunch",
        "card",
        "cards",
        "switch",
        "switch-on",
        "closure",
        "rush",
        "run-up",
        "eggs",
        "egg",
        "hunt",
        "trading",
        "opening",
    }
)


def _weekday_beside(c: Context, named_at: int) -> tuple[int, int] | None:
    """(weekday, -1 or +1) of "the Saturday before Easter", "the Monday after Bonfire Night":
    a weekday then "before" / "after" in front of the named day, else None."""
    weekday = c.find("weekday")
    if weekday is None or weekday[2] >= named_at:
        return None
    side = c.words[weekday[2]] if weekday[2] < len(c.words) else ""
    if side not in ("before", "after"):
        return None
    return int(weekday[0]), -1 if side == "before" else 1


def _nearest_weekday(day: date, weekday: int, step: int) -> date:
    """The first ``weekday`` strictly before (step -1) or after (step 1) ``day``."""
    d = day + timedelta(days=step)
    while d.weekday() != weekday:
        d += timedelta(days=step)
    return d


def resolve_named_day(c: Context) -> Resolved | None:
    """A named day ("Bonfire Night", "Easter Monday", "Father's Day"): the latest not after the
    reference day, the first after it when "next", or the one in the year written. "The Saturday
    before Easter", "the Monday after Bonfire Night": that weekday nearest before / after it."""
    found = c.find("named")
    if found is None:
        return None
    if c.words[-1] in SEASONS and c.after in _SEASON_NOUNS:
        return None  # "the Christmas period", "the Easter weekend": a season, not its day
    kind, value = found[0]
    beside = _weekday_beside(c, found[1])

    def named(year: int) -> date | None:
        if kind == "fixed":
            return safe_date(year, value[0], value[1])
        if kind == "weekday":
            return nth_weekday(year, value[0], value[1], value[2])
        return easter(year) + timedelta(days=int(value))

    def on(year: int) -> date | None:
        d = named(year)
        if d is None or beside is None:
            return d
        return _nearest_weekday(d, *beside)

    return _latest(c, on, "named day" if beside is None else "weekday beside a named day")


# The word before the weekday that says which of the month's weekdays is meant.
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}


def _nth(word: str) -> int | None:
    if word in _NTH:
        return _NTH[word]
    m = re.fullmatch(r"([1-5])(st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def resolve_nth_weekday(c: Context) -> Resolved | None:
    """The nth weekday of a month ("the first Monday of last month", "the last Friday in
    October", "the 2nd Tuesday of September 2025"). A named month without a year: the latest
    such day not after the reference day; "this / last / next month" as written."""
    found = c.find("weekday")
    if found is None or found[1] == 0 or c.before in HABITUAL:
        return None
    n = _nth(c.words[found[1] - 1])
    if n is None:
        return None
    weekday = int(found[0])
    tail = c.words[found[2] :]
    if "month" in tail:
        shift = -1 if {"last", "previous", "past"} & set(tail) else 1 if "next" in tail else 0
        y, m = shift_month(c.ref.year, c.ref.month, shift)
        d = nth_weekday(y, m, weekday, n)
        if d is not None and d > c.ref and tail[-2] == "the":  # "of the month": past-leaning
            y, m = shift_month(y, m, -1)
            d = nth_weekday(y, m, weekday, n)
            return one_day(d, "nth weekday of the latest month where it is past") if d else None
        return one_day(d, "nth weekday of the month named") if d else None
    month = c.find("month")
    if month is None or not c.ambiguous_ok(month[1]):
        return None
    year = c.year()
    if year is not None:
        d = nth_weekday(year, int(month[0]), weekday, n)
        return one_day(d, "nth weekday of the month, in the year written") if d else None
    for y in range(c.ref.year, c.ref.year - _YEARS_BACK, -1):
        d = nth_weekday(y, int(month[0]), weekday, n)
        if d is not None and d <= c.ref:
            return one_day(d, "nth weekday of the month: latest not after the reference day")
    return None


@lru_cache(maxsize=16)
def bank_holidays(year: int) -> tuple[date, ...]:
    """England's bank holidays in ``year`` (substitute days included), in order: the domain's
    calendar (:mod:`trigger.workdays`, the holidays package), imported when first needed."""
    from trigger.workdays import bank_holidays_between

    return tuple(d for d, _ in bank_holidays_between(date(year - 1, 12, 31), date(year, 12, 31)))


def resolve_bank_holiday(c: Context) -> Resolved | None:
    """A bank holiday ("the bank holiday Monday", "the August bank holiday", "the spring bank
    holiday", "the bank holiday weekend"): the latest not after the reference day (strictly
    before after "last"), the first after it after "next", or the one in the year written. A
    bank holiday weekend is the Saturday to the bank holiday Monday."""
    found = c.find("bank_holiday")
    if found is None or c.before in HABITUAL:
        return None
    month, which = int(found[0][0]), str(found[0][1])
    named_month = c.find("month")
    if named_month is not None and named_month[2] <= found[1]:
        month = int(named_month[0])
    weekday = c.find("weekday")
    wanted = int(weekday[0]) if weekday is not None and weekday[1] >= found[2] else None

    def candidates(year: int) -> list[date]:
        days = [
            d
            for d in bank_holidays(year)
            if (month == 0 or d.month == month) and (wanted is None or d.weekday() == wanted)
        ]
        if which == "first":
            return days[:1]
        if which == "last":
            return days[-1:]
        return days

    year = c.year()
    words = set(c.words)
    if year is not None:
        days = candidates(year)
        chosen = days[0] if len(days) == 1 else None  # "bank holiday 2025": which one?
        why = "bank holiday in the year written"
    elif "next" in words or (c.future and c.words[0] != "last"):
        later = [d for y in (c.ref.year, c.ref.year + 1) for d in candidates(y) if d > c.ref]
        chosen, why = (later[0] if later else None), "bank holiday: next after the reference day"
    else:
        strictly = c.words[0] == "last"
        earlier = [
            d
            for y in range(c.ref.year - _YEARS_BACK + 1, c.ref.year + 1)
            for d in candidates(y)
            if d < c.ref or (d == c.ref and not strictly)
        ]
        chosen = earlier[-1] if earlier else None
        why = "bank holiday: latest not after the reference day"
    if chosen is None:
        return None
    if c.find("weekend") is not None and chosen.weekday() == 0:
        return Resolved(chosen - timedelta(days=2), chosen, f"{why}, Saturday to the Monday")
    return one_day(chosen, why)
