"""Working days (England and Wales bank holidays) and the casework timescales as data.

A limit of N working days "from" an event counts from the day after it: the event's own day is
day 0, so an application received on Wednesday 23 December 2026 is acknowledged by the fifth
working day after it (Christmas Day, the Boxing Day substitute on Monday 28 December and New
Year's Day are skipped): Monday 4 January 2027.
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from importlib import resources

import holidays
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trigger.dates import add_months


class TimeUnit(StrEnum):
    """How a timescale's limit is counted."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    CALENDAR_MONTHS = "calendar_months"


class Timescale(BaseModel):
    """One step of the casework with its limit (threshold-rules.md, "Timescales")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = Field(min_length=1)
    limit: int = Field(ge=1)
    unit: TimeUnit
    runs_from: str = Field(min_length=1)
    source: str = Field(min_length=1)
    #: On every case's clock unless an area's policy says otherwise (some steps are one area's
    #: way of saying when the outcome reaches the victim; an area picks the one it publishes).
    tracked: bool = True

    def describe_limit(self) -> str:
        """Plain words: "5 working days from receipt of the application"."""
        words = {
            TimeUnit.WORKING_DAYS: "working day",
            TimeUnit.CALENDAR_DAYS: "day",
            TimeUnit.CALENDAR_MONTHS: "calendar month",
        }[self.unit]
        plural = "s" if self.limit != 1 else ""
        return f"{self.limit} {words}{plural} from {self.runs_from}"


class _TimescaleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    step: list[Timescale]


class UnknownStep(LookupError):
    """A timescale id that the table does not define."""

    def __init__(self, step: str, known: list[str]) -> None:
        self.step = step
        self.known = known
        super().__init__(f"unknown step {step!r}; known steps: {', '.join(known)}")


@lru_cache(maxsize=8)
def _bank_holidays(year: int) -> dict[date, str]:
    # England and Wales share one list; the package adds substitute days ("(observed)").
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {day: str(name) for day, name in calendar.items()}


def bank_holiday(day: date) -> str | None:
    """The name of the England and Wales bank holiday on ``day``, or None."""
    return _bank_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not an England and Wales bank holiday."""
    return day.weekday() < 5 and bank_holiday(day) is None


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is day 0; ``count`` >= 0)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier).

    The inverse of :func:`add_working_days`:
    ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    if end < start:
        return -working_days_between(end, start)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(days=offset))
    )


def bank_holidays_between(start: date, end: date) -> list[tuple[date, str]]:
    """The bank holidays after ``start`` up to and including ``end``, in date order."""
    found = []
    day = start + timedelta(days=1)
    while day <= end:
        name = bank_holiday(day)
        if name is not None:
            found.append((day, name))
        day += timedelta(days=1)
    return found


def parse_timescales(text: str, source: str) -> dict[str, Timescale]:
    """Parse a timescales table (TOML ``[[step]]`` rows); errors name ``source`` and the field."""
    # Imported here: profiles.py reads this module's table to check an area's own timescales.
    from trigger.profiles import field_errors

    try:
        table = _TimescaleFile.model_validate(tomllib.loads(text))
    except ValidationError as exc:
        raise ValueError(f"{source}: {'; '.join(field_errors(exc))}") from exc
    return {step.id: step for step in table.step}


@lru_cache(maxsize=1)
def load_timescales() -> dict[str, Timescale]:
    """The packaged timescales table (``trigger/timescales.toml``), by step id."""
    text = (resources.files("trigger") / "timescales.toml").read_text(encoding="utf-8")
    return parse_timescales(text, "trigger/timescales.toml")


def get_timescale(step: str) -> Timescale:
    """The timescale called ``step``; raise :class:`UnknownStep` listing the known ones."""
    table = load_timescales()
    try:
        return table[step]
    except KeyError:
        raise UnknownStep(step, list(table)) from None


def due_date(step: Timescale | str, start: date) -> date:
    """When ``step`` is due for an event on ``start`` (e.g. acknowledging an application)."""
    timescale = get_timescale(step) if isinstance(step, str) else step
    if timescale.unit is TimeUnit.WORKING_DAYS:
        return add_working_days(start, timescale.limit)
    if timescale.unit is TimeUnit.CALENDAR_DAYS:
        return start + timedelta(days=timescale.limit)
    return add_months(start, timescale.limit)
