"""The deadlines dashboard: every overdue and due-soon step of every open or decided case
(not only each case's next), soonest first, in working days; managers and admins who see every
area may filter by one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, signed_in
from console.cases import clocks, reference
from console.casework import urgent
from console.rendering import render
from storage.repositories.applications import StoredDraft
from storage.tables import ApplicationStatus
from trigger.clock import DUE_SOON, Step

router = APIRouter()

SHOWN = 500  # cases read


@dataclass(frozen=True)
class DueStep:
    """One step of one case on the dashboard."""

    case: StoredDraft
    reference: str
    urgent: bool
    step: Step


@router.get("/deadlines")
def deadlines(
    request: Request, officer: Annotated[Officer, Depends(signed_in)], area: str = ""
) -> Response:
    """Overdue and due-soon steps first, soonest first; then the other open steps."""
    config = config_of(request)
    if officer.area is not None:
        areas: list[str] | None = [officer.area]
    else:
        areas = [area] if area else None
    with config.unit_of_work() as uow:
        cases, total = uow.cases.find(
            areas=areas,
            statuses=[ApplicationStatus.DRAFT, ApplicationStatus.READY, ApplicationStatus.DECIDED],
            limit=SHOWN,
        )
        found = clocks(config, uow, cases)
        uow.audit.append(
            ConsoleAction.DEADLINES_VIEWED, actor=officer.actor, detail={"shown": len(cases)}
        )
    steps = [
        DueStep(case, reference(case.id), urgent(case.draft), step)
        for case in cases
        for step in found.get(case.id, [])
        if step.open
    ]
    steps.sort(key=lambda row: (row.step.due or date.max, not row.urgent, row.case.id, row.step.id))
    return render(
        request,
        "deadlines.html",
        {
            "officer": officer,
            "pressing": [row for row in steps if row.step.pressing],
            "later": [row for row in steps if not row.step.pressing],
            "total": total,
            "shown": len(cases),
            "due_soon": DUE_SOON,
            "area": area if officer.area is None else officer.area,
            "areas": sorted(config.profiles) if officer.area is None else [],
        },
    )
