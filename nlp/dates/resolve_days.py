"""Resolvers for relative days, weekdays, weeks, weekends, named days and days of the month.

Each ``resolve_*`` takes a match's :class:`~nlp.dates.context.Context` and returns what it
resolves to, or None when the words turn out not to be a date after all (extract-contract.md,
"Date conventions"; the choices it leaves open are listed in :mod:`nlp.dates`).
"""

from __future__ import annotations

from datetime import date, timedelta

from nlp.dates.arithmetic import month_end, safe_date, week_start, weekday_before
from nlp.dates.context import HABITUAL, SEASONS, Context, Resolved, one_day
from nlp.dates.mention import DateAnchor
from nlp.dates.resolve_months import relative_month
from trigger.dates import add_months, shift_month

# Words before an ordinal that make it a rank or a count, not a day ("my 3rd", "a 2nd").
_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your", "its", "a", "an", "every"})


def resolve_rel_day(c: Context) -> Resolved | None:
    """A day named relative to the reference day ("yesterday", "the day before yesterday")."""
    found = c.find("relative_day")
    if found is None:
        return None
    offset = int(found[0])
    return one_day(
        c.ref + timedelta(days=offset), f"relative day ({offset:+d} from the reference day)"
    )


def _count(c: Context) -> int | None:
    for w in c.words:
        if w.isdigit():
            return int(w)
    found = c.find("count")
    return int(found[0]) if found else None


# Words after "the night before" that start the event it is counted from.
_EVENT_AFTER = frozenset(
    {"the", "my", "our", "his", "her", "their", "that", "a", "an", "your", "its", "this"}
)


def resolve_incident(c: Context) -> Resolved | None:
    """Days after the incident just described ("the next day", "two days later")."""
    found = c.find("incident_relative")
    if found is not None and found[2] - found[1] == len(c.words):
        offset = int(found[0])
        if offset < 0 and c.after in _EVENT_AFTER:
            return None  # "the night before my son's match": before that event, told with it
    else:
        n, unit = _count(c), c.find("unit_days")
        if n is None or unit is None:
            return None
        offset = n * int(unit[0])
    return Resolved(
        None,
        None,
        f"relative to the incident just described ({offset:+d} days)",
        DateAnchor.INCIDENT,
        offset,
    )


def resolve_ago(c: Context) -> Resolved | None:
    """One day counted back from the reference day ("3 days ago", "two months ago")."""
    n = _count(c)
    if n is None or n > 400:
        return None
    unit = c.find("unit_days")
    if unit is not None:
        days = n * int(unit[0])
        return one_day(c.ref - timedelta(days=days), f"{days} days before the reference day")
    if c.find("unit_months") is not None:
        return one_day(add_months(c.ref, -n), f"{n} months before the reference day")
    if c.find("unit_years") is not None:  # 29 February back to a common year: 28 February
        return one_day(add_months(c.ref, -12 * n), f"{n} years before the reference day")
    weekday = c.find("weekday_plural")
    if weekday is not None:
        d = weekday_before(c.ref, int(weekday[0])) - timedelta(days=7 * (n - 1))
        return one_day(d, f"{n} weekdays of that name back")
    return None


def resolve_last_n(c: Context) -> Resolved | None:
    """Whole days, weeks or months before the reference one ("the last 3 days", "past 2 weeks")."""
    n = _count(c) if c.words[-1] != "fortnight" else 1
    if n is None or n == 0 or n > 400:
        return None
    unit = c.find("unit_days")
    if unit is not None:
        if int(unit[0]) == 1:
            return Resolved(
                c.ref - timedelta(days=n),
                c.ref - timedelta(days=1),
                f"the {n} days before the reference day",
            )
        weeks = n * int(unit[0]) // 7
        monday = week_start(c.ref)
        return Resolved(
            monday - timedelta(days=7 * weeks),
            monday - timedelta(days=1),
            f"the {weeks} whole weeks before the reference week",
        )
    y, m = shift_month(c.ref.year, c.ref.month, -n)
    py, pm = shift_month(c.ref.year, c.ref.month, -1)
    return Resolved(
        date(y, m, 1), month_end(py, pm), f"the {n} whole months before the reference month"
    )


# Words right before a weekday that make it any such day, not a particular one.
# ("a Tuesday" stays the latest Tuesday: "it was a Tuesday and they smashed the window"; the
# incident rules set "on a Friday" aside as a habit when the clause says so.)
_GENERIC = frozenset({"any", "ordinary", "typical", "normal", "usual", "average"})
_WEEKDAY_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

_NOT_NAME_BEFORE = frozenset(
    {"on", "last", "this", "next", "past", "previous", "since", "by", "until", "till", "from"}
    | {"before", "after", "every", "each", "the", "of", "and", "or", "to", "til", "in", "at"}
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "pc", "sgt", "insp"})


def _is_surname(c: Context, index: int) -> bool:
    """A weekday read only through a typo or short form ("Munday", "Sundy"), capitalised after a
    capitalised word inside a sentence: a name ("Carla Munday", "Mr Munday"), not a day."""
    token = [t for t in c.span if not t.is_space][index]
    if token.lower_ in _WEEKDAY_NAMES or not token.text.istitle() or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    if previous.lower_.rstrip(".") in _HONORIFICS:
        return True
    if previous.lower_ in _NOT_NAME_BEFORE:
        return False  # "On Tue", "Last Fri"
    return previous.is_alpha and previous.text.istitle() and not previous.is_sent_start


def resolve_weekday(c: Context) -> Resolved | None:
    """A weekday ("Friday", "last Friday", "this Friday", "next Friday", "Friday of last week")."""
    found = c.find("weekday")
    if found is None or not c.ambiguous_ok(found[1]):
        return None
    if c.before in _GENERIC or _is_surname(c, found[1]):
        return None  # "an ordinary Saturday": no particular day; "Carla Munday": a name
    weekday = int(found[0])
    words = set(c.words)
    monday = week_start(c.ref)
    if "week" in words or "wk" in words:
        shift = -7 if words & {"last", "past", "previous"} else 7 if "next" in words else 0
        return one_day(monday + timedelta(days=shift + weekday), "weekday of the named week")
    if "after" in words:  # "Friday after next": the Friday of next week
        return one_day(monday + timedelta(days=7 + weekday), "weekday of next week")
    if "before" in words:  # "the Friday before last"
        return one_day(
            weekday_before(c.ref, weekday) - timedelta(days=7), "the weekday before last"
        )
    if "next" in words:
        return one_day(monday + timedelta(days=7 + weekday), "next: that weekday of next week")
    if "this" in words:
        d = monday + timedelta(days=weekday)
        if d <= c.ref:
            return one_day(d, "this: that weekday of the reference week")
    if c.future and not words & {"last", "past", "previous", "this"}:
        d = c.ref + timedelta(days=(weekday - c.ref.weekday() - 1) % 7 + 1)
        return one_day(d, "told as still to come: first such weekday after the reference day")
    return one_day(
        weekday_before(c.ref, weekday), "latest such weekday strictly before the reference day"
    )


def resolve_weekday_date(c: Context) -> Resolved | None:
    """A weekday and day number ("Friday the 13th"): the latest month where they coincide."""
    found, day = c.find("weekday"), c.day_number()
    if found is None or day is None:
        return None
    weekday = int(found[0])
    y, m = c.ref.year, c.ref.month
    for _ in range(28):
        d = safe_date(y, m, day)
        if d is not None and d <= c.ref and d.weekday() == weekday:
            return one_day(d, "latest month whose day of that number falls on that weekday")
        y, m = shift_month(y, m, -1)
    return resolve_ordinal_day(c)


def resolve_week(c: Context) -> Resolved | None:
    """A week, Monday to Sunday ("this week", "the week before last", "early next week")."""
    words = set(c.words)
    monday = week_start(c.ref)
    if words & {"last", "past", "previous"}:
        monday -= timedelta(days=14 if "before" in words else 7)
    elif words & {"next", "coming"}:
        monday += timedelta(days=7)
    part = c.find("month_part")
    if part is not None:
        first, last = {"early": (0, 2), "mid": (1, 3), "late": (4, 6)}[str(part[0])]
        return Resolved(
            monday + timedelta(days=first),
            monday + timedelta(days=last),
            f"{part[0]} part of the week",
        )
    end = monday + timedelta(days=6)
    if monday <= c.ref <= end:
        end = c.ref
    return Resolved(monday, end, "week (Monday to Sunday)")


def resolve_weekend(c: Context) -> Resolved | None:
    """A weekend, Saturday and Sunday ("last weekend", "at the weekend", "the weekend before")."""
    if c.before in HABITUAL or c.before in SEASONS:
        return None  # "most weekends"; "the Easter weekend" is a season's, not the last one
    words = set(c.words)
    saturday = week_start(c.ref) - timedelta(days=2)
    completed = bool(words & {"last", "past", "previous"}) or "before" in words
    if not completed and c.ref.weekday() >= 5:
        current = week_start(c.ref) + timedelta(days=5)
        return Resolved(current, c.ref, "the current weekend (reference day is a weekend day)")
    if "before" in words:
        saturday -= timedelta(days=7)
    return Resolved(
        saturday, saturday + timedelta(days=1), "the weekend just before (Saturday and Sunday)"
    )


def _dash_separator(c: Context) -> bool:
    """Whether a spaced dash follows the day ("the 9th - drinking on my wall"): a diary line's
    separator, not a hyphen joining a compound ("the 3rd-floor flat") nor a range of days ("the
    2nd - 3rd")."""
    doc, end = c.span.doc, c.span.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and bool(doc[end - 1].whitespace_)
        and bool(doc[end].whitespace_)
        and not doc[end + 1].text[:1].isdigit()
    )


def resolve_ordinal_day(c: Context) -> Resolved | None:
    """A day of the month ("on the 3rd", "the 3rd of last month"): of the reference month, else
    of the month before; "the 3rd one" (a rank) and "my 3rd" give nothing."""
    day = c.day_number()
    if day is None:
        return None
    words = set(c.words)
    if "month" in words:
        y, m = relative_month(c)
        d = safe_date(y, m, day)
        return one_day(d, "day of the named month") if d else None
    # "the 3rd one" is a rank, but "the 19th one of them threw ..." is a day.
    blocked_after = (
        c.after in c.lexicon.ordinal_blockers
        and not (c.after == "one" and c.after2 == "of")
        and not _dash_separator(c)
    )
    if blocked_after or (
        c.words[0] not in ("on", "the", "by")
        and (c.before in _POSSESSIVES or c.before in c.lexicon.ordinal_blockers)
    ):
        return None
    y, m = c.ref.year, c.ref.month
    if c.future:
        for _ in range(3):
            d = safe_date(y, m, day)
            if d is not None and d >= c.ref:
                return one_day(d, "told as still to come: that day of this month, else the next")
            y, m = shift_month(y, m, 1)
        return None
    for _ in range(4):
        d = safe_date(y, m, day)
        if d is not None and d <= c.ref:
            return one_day(d, "day of the reference month, else of the month before")
        y, m = shift_month(y, m, -1)
    return None
