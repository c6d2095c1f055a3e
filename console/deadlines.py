"""The deadlines dashboard: every overdue and due-soon step of every open or decided case
(not only each case's next), soonest first, in working days; managers and admins who see every
area may filter by one.

Every case of the officer's areas is weighed, read from the narrow columns (no draft
document), so a new case's acknowledgement is listed however many older cases are open; the
page then shows the first rows of each table and says how many more there are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, signed_in
from console.cases import reference
from console.rendering import render
from storage.repositories.casework import CaseSummary
from storage.tables import ApplicationStatus
from trigger.clock import DUE_SOON, CaseEvents, Step, case_clock, clock_plan
from trigger.profiles import Profile

router = APIRouter()

#: Rows shown in each table (pressing, later); the page counts the rest.
SHOWN = 200

STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.READY, ApplicationStatus.DECIDED)


@dataclass(frozen=True)
class DueStep:
    """One step of one case on the dashboard."""

    case: CaseSummary
    reference: str
    urgent: bool
    step: Step


#: A step of a case, as the dashboard sorts it: due day (none: last), risk first, case, step.
_Sortable = tuple[date, bool, int, str, CaseSummary, Step]


def _open_steps(
    profiles: Mapping[str, Profile],
    cases: list[CaseSummary],
    events: Mapping[int, CaseEvents],
    today: date,
) -> list[_Sortable]:
    """The open steps of ``cases``. Each profile's timescales are looked up once, and cases
    with the same events under the same profile (many undecided cases received on one day)
    share one computed clock: steps are immutable, so the result is as if each had its own."""
    plans = {policy: clock_plan(profile) for policy, profile in profiles.items()}
    clocks: dict[tuple[str, tuple[object, ...]], list[Step]] = {}
    rows: list[_Sortable] = []
    for case in cases:
        found = events.get(case.id)
        if found is None:
            continue
        key = (case.policy, found.key())
        steps = clocks.get(key)
        if steps is None:
            clock = case_clock(found, profiles[case.policy], today, plans[case.policy])
            steps = clocks[key] = [step for step in clock if step.open]
        rows.extend(
            (step.due or date.max, not case.at_risk, case.id, step.id, case, step) for step in steps
        )
    return rows


def _shown(rows: list[_Sortable]) -> list[DueStep]:
    """The first :data:`SHOWN` of ``rows``, soonest first, as the template's rows."""
    rows.sort(key=lambda row: row[:4])
    return [
        DueStep(case, reference(case.id), case.at_risk, step) for *_, case, step in rows[:SHOWN]
    ]


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
    today = config.today()
    with config.unit_of_work() as uow:
        cases = [
            case
            for case in uow.cases.summaries(areas=areas, statuses=STATUSES)
            if case.policy in config.profiles  # an area with no policy loaded has no clock
        ]
        events = uow.reviews.open_case_events(
            areas=areas, statuses=STATUSES, letter_action=ConsoleAction.LETTER_PRODUCED
        )
        steps = _open_steps(config.profiles, cases, events, today)
        pressing = [row for row in steps if row[-1].pressing]
        later = [row for row in steps if not row[-1].pressing]
        uow.audit.append(
            ConsoleAction.DEADLINES_VIEWED,
            actor=officer.actor,
            detail={
                "cases": len(cases),
                "pressing": len(pressing),
                "shown": min(len(pressing), SHOWN) + min(len(later), SHOWN),
            },
        )
    return render(
        request,
        "deadlines.html",
        {
            "officer": officer,
            "pressing": _shown(pressing),
            "pressing_more": max(0, len(pressing) - SHOWN),
            "later": _shown(later),
            "later_more": max(0, len(later) - SHOWN),
            "cases": len(cases),
            "due_soon": DUE_SOON,
            "area": area if officer.area is None else officer.area,
            "areas": sorted(config.profiles) if officer.area is None else [],
        },
    )
