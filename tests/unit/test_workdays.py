"""Working days with England and Wales bank holidays, and the timescales table."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trigger.workdays import (
    TimeUnit,
    UnknownStep,
    add_working_days,
    bank_holiday,
    bank_holidays_between,
    due_date,
    get_timescale,
    is_working_day,
    load_timescales,
    parse_timescales,
    working_days_between,
)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Wed 23 Dec 2026: 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan 2027 are skipped.
        (date(2026, 12, 23), 5, date(2027, 1, 4)),
        (date(2026, 12, 23), 1, date(2026, 12, 24)),
        (date(2026, 12, 23), 2, date(2026, 12, 29)),
        (date(2026, 12, 23), 4, date(2026, 12, 31)),
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday -> Monday
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # received on a Saturday
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday and Easter Monday 2026
        (date(2026, 8, 28), 1, date(2026, 9, 1)),  # Late Summer Bank Holiday, 31 August
        (date(2026, 12, 23), 0, date(2026, 12, 23)),
        (date(2026, 9, 14), 30, date(2026, 10, 26)),
    ],
)
def test_add_working_days_skips_weekends_and_bank_holidays(
    start: date, count: int, expected: date
) -> None:
    assert add_working_days(start, count) == expected


def test_add_working_days_refuses_a_negative_count() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 12, 23), date(2027, 1, 4), 5),
        (date(2027, 1, 4), date(2026, 12, 23), -5),
        (date(2026, 11, 23), date(2026, 11, 23), 0),
        (date(2026, 11, 20), date(2026, 11, 22), 0),  # Friday to Sunday
    ],
)
def test_working_days_between_counts_days_after_start_up_to_end(
    start: date, end: date, expected: int
) -> None:
    assert working_days_between(start, end) == expected


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    count=st.integers(min_value=0, max_value=40),
)
def test_working_days_between_inverts_add_working_days(start: date, count: int) -> None:
    end = add_working_days(start, count)
    assert working_days_between(start, end) == count
    assert count == 0 or is_working_day(end)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (observed)"),
        (date(2027, 12, 27), "Christmas Day (observed)"),
        (date(2026, 12, 24), None),
    ],
)
def test_bank_holidays_are_england_and_wales_with_substitute_days(
    day: date, name: str | None
) -> None:
    assert bank_holiday(day) == name


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 11, 21))
    assert is_working_day(date(2026, 11, 23))


def test_bank_holidays_between_lists_them_in_order() -> None:
    found = bank_holidays_between(date(2026, 12, 23), date(2027, 1, 4))
    assert [day for day, _ in found] == [
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 28),
        date(2027, 1, 1),
    ]


EXPECTED_STEPS = [
    "acknowledge",
    "not_met_letter",
    "next_steps_letter",
    "spoc_contact",
    "partner_information",
    "review_meeting",
    "outcome_to_victim",
    "minutes_to_panel",
    "action_plan_to_victim",
    "findings_to_applicant",
    "appeal_window",
    "escalate_line_manager",
    "escalate_head_of_service",
]


def test_timescales_table_has_every_step_of_the_rules_page() -> None:
    assert list(load_timescales()) == EXPECTED_STEPS


@pytest.mark.parametrize(
    ("step", "limit", "unit", "source"),
    [
        ("acknowledge", 5, TimeUnit.WORKING_DAYS, "Hart s.11, Leicestershire"),
        ("partner_information", 10, TimeUnit.WORKING_DAYS, "Hart s.11"),
        ("review_meeting", 10, TimeUnit.WORKING_DAYS, "Durham"),
        ("findings_to_applicant", 30, TimeUnit.WORKING_DAYS, "Dartford"),
        ("appeal_window", 14, TimeUnit.CALENDAR_DAYS, "Durham"),
        ("escalate_head_of_service", 2, TimeUnit.CALENDAR_MONTHS, "Hart s.13"),
    ],
)
def test_timescale_rows(step: str, limit: int, unit: TimeUnit, source: str) -> None:
    timescale = get_timescale(step)
    assert (timescale.limit, timescale.unit, timescale.source) == (limit, unit, source)


@pytest.mark.parametrize(
    ("step", "start", "expected"),
    [
        ("acknowledge", date(2026, 12, 23), date(2027, 1, 4)),
        ("appeal_window", date(2026, 12, 23), date(2027, 1, 6)),
        ("escalate_line_manager", date(2026, 12, 1), date(2026, 12, 22)),
        ("escalate_head_of_service", date(2026, 12, 31), date(2027, 2, 28)),
    ],
)
def test_due_date_counts_in_the_steps_unit(step: str, start: date, expected: date) -> None:
    assert due_date(step, start) == expected
    assert due_date(get_timescale(step), start) == expected


def test_describe_limit_reads_as_a_sentence() -> None:
    assert (
        get_timescale("acknowledge").describe_limit()
        == "5 working days from receipt of the application"
    )
    assert (
        get_timescale("escalate_head_of_service")
        .describe_limit()
        .startswith("2 calendar months from")
    )


def test_unknown_step_lists_the_known_ones() -> None:
    with pytest.raises(UnknownStep) as raised:
        get_timescale("acknowledgement")
    assert raised.value.known == EXPECTED_STEPS
    assert "acknowledge" in str(raised.value)


def test_a_bad_timescales_row_names_the_field() -> None:
    text = (
        '[[step]]\nid = "x"\ndescription = "d"\nlimit = 0\nunit = "weeks"\n'
        'runs_from = "r"\nsource = "s"\n'
    )
    with pytest.raises(ValueError) as raised:
        parse_timescales(text, "local.toml")
    assert "local.toml: field step.0.limit:" in str(raised.value)
    assert "field step.0.unit:" in str(raised.value)
