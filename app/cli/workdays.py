"""`trigger workdays`: due dates of the casework timescales, in England and Wales working days."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def register(subparsers: Any) -> None:
    """Add the `workdays` sub-command with its `due`, `add`, `between` and `list` actions."""
    parser = subparsers.add_parser(
        "workdays",
        help="working-day arithmetic and the casework timescales",
        description="Working days exclude weekends and England and Wales bank holidays; "
        "a limit counts from the day after the event.",
    )
    actions = parser.add_subparsers(dest="workdays_action", metavar="ACTION", required=True)
    due = actions.add_parser("due", help="when a step is due, e.g. `due acknowledge 2026-12-23`")
    due.add_argument("step", help="a step id from `trigger workdays list`")
    due.add_argument(
        "start", type=_day, help="the day of the event the limit runs from (YYYY-MM-DD)"
    )
    add = actions.add_parser("add", help="add working days to a date")
    add.add_argument("start", type=_day)
    add.add_argument("days", type=int)
    between = actions.add_parser("between", help="count working days after START up to END")
    between.add_argument("start", type=_day)
    between.add_argument("end", type=_day)
    actions.add_parser("list", help="print the timescales table")
    parser.set_defaults(handler=run)


def _skipped(start: date, end: date) -> str:
    from trigger.workdays import bank_holidays_between

    skipped = [
        f"{name}, {_long(day)}"
        for day, name in bank_holidays_between(start, end)
        if day.weekday() < 5
    ]
    return f" Bank holidays skipped: {'; '.join(skipped)}." if skipped else ""


def run(args: argparse.Namespace) -> int:
    """Run one `workdays` action; exit 2 for an unknown step or a negative count."""
    from trigger.workdays import (
        TimeUnit,
        UnknownStep,
        add_working_days,
        due_date,
        get_timescale,
        load_timescales,
        working_days_between,
    )

    if args.workdays_action == "list":
        for step in load_timescales().values():
            print(f"{step.id:<26} {step.description}: {step.describe_limit()} ({step.source})")
        return 0
    if args.workdays_action == "between":
        print(working_days_between(args.start, args.end))
        return 0
    if args.workdays_action == "add":
        if args.days < 0:
            print("trigger workdays: the number of days must not be negative", file=sys.stderr)
            return 2
        end = add_working_days(args.start, args.days)
        print(f"{end.isoformat()}  {_long(end)}")
        return 0
    try:
        step = get_timescale(args.step)
    except UnknownStep as exc:
        print(f"trigger workdays: {exc}", file=sys.stderr)
        return 2
    due = due_date(step, args.start)
    skipped = _skipped(args.start, due) if step.unit is TimeUnit.WORKING_DAYS else ""
    print(
        f"{due.isoformat()}  {step.description}: due {_long(due)} "
        f"({step.describe_limit()}, {_long(args.start)}; {step.source}).{skipped}"
    )
    return 0
