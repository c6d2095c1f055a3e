"""Calendar-month arithmetic behind the threshold rules (threshold-rules.md, "Terms")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trigger.dates import add_months, drops_out_on, format_day, format_range, window_start


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # 31 Jan + 1 month = 28 Feb
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 9, 30), 1, date(2026, 10, 30)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2026, 11, 10), -6, date(2026, 5, 10)),
        (date(2026, 3, 15), -15, date(2024, 12, 15)),
        (date(2026, 3, 15), 0, date(2026, 3, 15)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_window_start_is_six_calendar_months_back() -> None:
    assert window_start(date(2026, 8, 31), 6) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        (date(2026, 7, 14), date(2027, 1, 15)),
        # A report on 28 February still counts for an application on 31 August.
        (date(2026, 2, 28), date(2026, 9, 1)),
        (date(2026, 8, 31), date(2027, 3, 1)),
    ],
)
def test_drops_out_on_is_the_first_application_day_outside_the_window(
    reported: date, expected: date
) -> None:
    assert drops_out_on(reported, 6) == expected


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_a_report_counts_until_the_day_before_it_drops_out(reported: date) -> None:
    out = drops_out_on(reported, 6)
    assert window_start(out - timedelta(days=1), 6) <= reported < window_start(out, 6)


@pytest.mark.parametrize(
    ("start", "end", "year", "expected"),
    [
        (date(2026, 3, 3), date(2026, 3, 3), 2026, "3 March"),
        (date(2026, 3, 3), date(2026, 3, 3), 2027, "3 March 2026"),
        (date(2026, 3, 3), date(2026, 3, 3), None, "3 March 2026"),
        (date(2026, 10, 1), date(2026, 10, 10), 2026, "1-10 October"),
        (date(2026, 9, 28), date(2026, 10, 4), 2026, "28 September-4 October"),
        (date(2025, 12, 29), date(2026, 1, 4), 2026, "29 December 2025-4 January 2026"),
    ],
)
def test_dates_are_written_as_letters_write_them(
    start: date, end: date, year: int | None, expected: str
) -> None:
    assert format_range(start, end, year) == expected
    if start == end:
        assert format_day(start, year) == expected
