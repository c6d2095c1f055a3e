"""Calendar arithmetic the threshold rules are written in (threshold-rules.md, "Terms").

"Within one month" means ``R <= I + 1 calendar month`` where a day that does not exist in the
target month falls back to that month's last day (31 January + 1 month = 28/29 February).
"In the last six months" means ``A - 6 calendar months <= R <= A``, with the same fallback.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return the (year, month) ``delta`` calendar months after ``year``/``month`` (negative
    goes back): ``shift_month(2026, 1, -2) == (2025, 11)``."""
    year, month0 = divmod(year * 12 + (month - 1) + delta, 12)
    return year, month0 + 1


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months (negative goes back).

    A day past the end of the target month falls back to its last day:
    ``add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)``.
    """
    year, month = shift_month(day.year, day.month, months)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def window_start(application: date, months: int) -> date:
    """The first report day that is still "in the last ``months`` months" before ``application``."""
    return add_months(application, -months)


def drops_out_on(reported: date, months: int) -> date:
    """The first application day on which a report made on ``reported`` is outside the window.

    The window test is ``A - months <= R``. Because month arithmetic clamps to month ends, the
    last application day that still counts is not always ``R + months`` (a report on 28 February
    still counts for an application on 31 August), so step forward from there.
    """
    candidate = add_months(reported, months)
    while window_start(candidate + timedelta(days=1), months) <= reported:
        candidate += timedelta(days=1)
    return candidate + timedelta(days=1)


def format_day(day: date, reference_year: int | None = None) -> str:
    """Format a day as letters do: "3 March", with the year unless it is ``reference_year``."""
    text = f"{day.day} {calendar.month_name[day.month]}"
    if reference_year is None or day.year != reference_year:
        text += f" {day.year}"
    return text


def format_range(start: date, end: date, reference_year: int | None = None) -> str:
    """Format a range of days compactly: "1-10 October", "28 September-4 October"."""
    if start == end:
        return format_day(start, reference_year)
    if start.year == end.year and start.month == end.month:
        return f"{start.day}-{format_day(end, reference_year)}"
    if start.year == end.year:
        return f"{start.day} {calendar.month_name[start.month]}-{format_day(end, reference_year)}"
    return f"{format_day(start, None)}-{format_day(end, None)}"
