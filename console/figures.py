"""The yearly figures page and its CSV download (managers and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, manager
from console.rendering import render
from trigger.figures import FinancialYear, YearFigures, as_csv, count, financial_year_of

router = APIRouter()

Year = Annotated[int | None, Query(ge=2000, le=2100)]


def _figures(request: Request, officer: Officer, year: int | None) -> YearFigures:
    config = config_of(request)
    wanted = FinancialYear(year) if year else financial_year_of(config.today())
    areas = [officer.area] if officer.area else None
    with config.unit_of_work() as uow:
        received, decided = uow.cases.figures_input(wanted.first_day, wanted.last_day, areas)
        reviews = uow.reviews.figures_input(wanted.first_day, wanted.last_day, areas)
        uow.audit.append(
            ConsoleAction.FIGURES_VIEWED, actor=officer.actor, detail={"year": wanted.start_year}
        )
    return count(wanted, officer.area, received, decided, reviews)


@router.get("/figures")
def figures_page(
    request: Request, officer: Annotated[Officer, Depends(manager)], year: Year = None
) -> Response:
    """The published table for a financial year."""
    figures = _figures(request, officer, year)
    return render(request, "figures.html", {"officer": officer, "figures": figures})


@router.get("/figures.csv")
def figures_csv(
    request: Request, officer: Annotated[Officer, Depends(manager)], year: Year = None
) -> Response:
    """The same table as a CSV download."""
    figures = _figures(request, officer, year)
    name = f"community-trigger-{figures.year.start_year}.csv"
    return Response(
        as_csv(figures),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
