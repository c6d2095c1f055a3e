"""The yearly figures: financial years run 1 April to 31 March, and nothing is guessed."""

from __future__ import annotations

from datetime import date

from trigger.figures import FinancialYear, as_csv, count, financial_year_of


def test_a_financial_year_runs_from_1_april_to_31_march() -> None:
    year = FinancialYear(2026)
    assert year.label == "2026/27"
    assert date(2026, 4, 1) in year and date(2027, 3, 31) in year
    assert date(2026, 3, 31) not in year and date(2027, 4, 1) not in year
    assert financial_year_of(date(2027, 3, 31)) == year
    assert financial_year_of(date(2027, 4, 1)) == FinancialYear(2027)


def test_count_takes_only_the_years_days_and_leaves_reviews_unrecorded() -> None:
    figures = count(
        FinancialYear(2026),
        "hartlepool",
        [date(2026, 3, 31), date(2026, 4, 1), date(2027, 3, 31)],
        [
            (date(2026, 5, 1), "met"),
            (date(2026, 6, 1), "not_met"),
            (date(2026, 7, 1), "not_met"),
            (date(2026, 8, 1), "discretion"),
            (date(2027, 4, 1), "met"),
        ],
    )
    assert (figures.received, figures.threshold_met, figures.refused) == (2, 1, 2)
    assert figures.met_on_discretion == 1
    assert figures.reviews_held is None
    lines = as_csv(figures).splitlines()
    assert lines[0] == "financial_year,area,measure,value"
    assert "2026/27,hartlepool,Applications received,2" in lines
    assert "2026/27,hartlepool,Case reviews held,not recorded" in lines


def test_count_counts_the_reviews_held_in_the_year_and_those_with_recommendations() -> None:
    figures = count(
        FinancialYear(2026),
        None,
        [],
        [],
        [
            (date(2026, 3, 31), True),  # the year before
            (date(2026, 4, 1), True),
            (date(2026, 9, 30), False),
            (date(2027, 3, 31), True),
            (date(2027, 4, 1), True),  # the year after
        ],
    )
    assert (figures.reviews_held, figures.reviews_with_recommendations) == (3, 2)
    lines = as_csv(figures).splitlines()
    assert "2026/27,all areas,Case reviews held,3" in lines
    assert "2026/27,all areas,Case reviews with recommendations,2" in lines
    none = count(FinancialYear(2026), None, [], [], [])
    assert (none.reviews_held, none.reviews_with_recommendations) == (0, 0)
