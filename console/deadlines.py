"""The deadlines dashboard: each open or decided case's next statutory step, overdue and
due-soon first (soonest first), in working days."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, signed_in
from console.cases import QueueRow, deadline_of, reference
from console.casework import urgent
from console.rendering import render
from storage.tables import ApplicationStatus

router = APIRouter()

DUE_SOON = 3  # working days
SHOWN = 500


@router.get("/deadlines")
def deadlines(request: Request, officer: Annotated[Officer, Depends(signed_in)]) -> Response:
    """Overdue and due-soon steps first, soonest first; then the rest."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        cases, total = uow.cases.find(
            areas=[officer.area] if officer.area else None,
            statuses=[ApplicationStatus.DRAFT, ApplicationStatus.READY, ApplicationStatus.DECIDED],
            limit=SHOWN,
        )
        uow.audit.append(
            ConsoleAction.DEADLINES_VIEWED, actor=officer.actor, detail={"shown": len(cases)}
        )
    rows = [
        QueueRow(case, reference(case.id), urgent(case.draft), deadline_of(config, case))
        for case in cases
    ]
    rows.sort(key=lambda row: (row.deadline.due, row.case.id))
    pressing = [row for row in rows if row.deadline.working_days_left <= DUE_SOON]
    later = [row for row in rows if row.deadline.working_days_left > DUE_SOON]
    return render(
        request,
        "deadlines.html",
        {
            "officer": officer,
            "pressing": pressing,
            "later": later,
            "total": total,
            "shown": len(rows),
            "due_soon": DUE_SOON,
        },
    )
