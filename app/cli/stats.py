"""`trigger stats --year 2026`: the published Community Trigger figures of a financial year
(April 2026 to March 2027), as a table or, with --csv, as CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``stats`` command."""
    parser = subparsers.add_parser(
        "stats",
        help="the yearly figures (received, decided, refused, reviews) of a financial year",
        description="Print the published figures of a financial year (1 April to 31 March).",
    )
    parser.add_argument(
        "--year", type=int, required=True, help="the year the financial year starts in"
    )
    parser.add_argument("--area", help="one area's policy profile id (default: all areas)")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    parser.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.settings import load_settings
    from storage.database import InvalidDatabaseUrl, connect, failure
    from storage.unit_of_work import SqlUnitOfWork
    from trigger.figures import FinancialYear, as_csv, count

    if not 2000 <= args.year <= 2100:
        print("trigger stats: --year must be a year such as 2026", file=sys.stderr)
        return 2
    year = FinancialYear(args.year)
    url = load_settings().database_url
    try:
        engine = connect(url)
    except InvalidDatabaseUrl as exc:
        print(f"trigger stats: TRIGGER_DATABASE_URL: {exc}", file=sys.stderr)
        return 2
    try:
        with SqlUnitOfWork(engine) as uow:
            areas = [args.area] if args.area else None
            received, decided = uow.cases.figures_input(year.first_day, year.last_day, areas)
            reviews = uow.reviews.figures_input(year.first_day, year.last_day, areas)
    except SQLAlchemyError as exc:
        print(f"trigger stats: {failure(url, exc)}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    figures = count(year, args.area, received, decided, reviews)
    if args.csv:
        sys.stdout.write(as_csv(figures))
        return 0
    print(f"Community Trigger figures {year.label} ({args.area or 'all areas'})")
    for label, value in figures.rows:
        print(f"  {label:<36}{value:>14}")
    return 0
