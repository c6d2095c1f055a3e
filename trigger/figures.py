"""The yearly figures a partnership publishes for the Community Trigger (ASB case review).

Counted per financial year (1 April to 31 March, named by the year it starts in: 2026 is
April 2026 to March 2027): applications received, threshold decisions made (met, met on
discretion, not met) and case reviews held and with recommendations (a review counts in the
year its meeting was held). Figures a caller has no record of are ``None`` ("not recorded"),
never a guessed 0. Pure: the dates and outcomes are given.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FinancialYear:
    """1 April ``start_year`` to 31 March the year after."""

    start_year: int

    @property
    def first_day(self) -> date:
        """1 April of the start year."""
        return date(self.start_year, 4, 1)

    @property
    def last_day(self) -> date:
        """31 March of the next year."""
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """How the published tables name it: 2026/27."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day


def financial_year_of(day: date) -> FinancialYear:
    """The financial year ``day`` falls in."""
    return FinancialYear(day.year if day.month >= 4 else day.year - 1)


@dataclass(frozen=True)
class YearFigures:
    """One financial year's figures for one area (or all)."""

    year: FinancialYear
    area: str | None
    received: int
    threshold_met: int
    met_on_discretion: int
    refused: int
    reviews_held: int | None = None
    reviews_with_recommendations: int | None = None

    @property
    def rows(self) -> list[tuple[str, str]]:
        """The published table: label, figure ("not recorded" when unknown)."""

        def shown(value: int | None) -> str:
            return "not recorded" if value is None else str(value)

        return [
            ("Applications received", str(self.received)),
            ("Threshold met", str(self.threshold_met)),
            ("Threshold met on discretion", str(self.met_on_discretion)),
            ("Threshold not met (refused)", str(self.refused)),
            ("Case reviews held", shown(self.reviews_held)),
            ("Case reviews with recommendations", shown(self.reviews_with_recommendations)),
        ]


def count(
    year: FinancialYear,
    area: str | None,
    received: Iterable[date],
    decisions: Iterable[tuple[date, str]],
    reviews: Iterable[tuple[date, bool]] | None = None,
) -> YearFigures:
    """The figures of ``year`` from the days applications were received, the officers'
    decisions (day, outcome: ``met``, ``discretion`` or ``not_met``) and the reviews held
    (day held, whether they made recommendations; None: not recorded); others outside it."""
    outcomes = [outcome for day, outcome in decisions if day in year]
    held = None if reviews is None else [made for day, made in reviews if day in year]
    return YearFigures(
        year=year,
        area=area,
        received=sum(1 for day in received if day in year),
        threshold_met=outcomes.count("met"),
        met_on_discretion=outcomes.count("discretion"),
        refused=outcomes.count("not_met"),
        reviews_held=None if held is None else len(held),
        reviews_with_recommendations=None if held is None else sum(held),
    )


def as_csv(figures: YearFigures) -> str:
    """The figures as CSV: a header, then one row per figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["financial_year", "area", "measure", "value"])
    for label, value in figures.rows:
        writer.writerow([figures.year.label, figures.area or "all areas", label, value])
    return out.getvalue()
