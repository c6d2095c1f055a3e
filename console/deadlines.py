"""The deadlines dashboard: every overdue and due-soon step of every open or decided case
(not only each case's next), soonest first, in working days; managers and admins who see every
area may filter by one.

Every case of the officer's areas is weighed, read from the narrow columns (no draft
document), so a new case's acknowledgement is listed however many older cases are open; the
page then shows the first rows of each table and says how many more there are. Cases alike
(one area, status and risk flag, the same events: most open cases have only their day of
arrival) share one clock, and only the rows shown are made one by one."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, signed_in
from console.cases import reference
from console.rendering import render
from storage.repositories.casework import CaseSummary
from storage.repositories.reviews import CasesAlike
from storage.tables import ApplicationStatus
from trigger.clock import DUE_SOON, Step, case_clock, clock_plan
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


@dataclass(frozen=True)
class _Open:
    """One open step shared by a group of cases alike."""

    step: Step
    group: CasesAlike

    def rows(self, place: int) -> Iterator[tuple[date, bool, int, str, int]]:
        """Its cases' rows as the dashboard sorts them (due day, risk first, case, step), in
        that order, each with ``place`` (where it is in its table)."""
        due, later = self.step.due or date.max, not self.group.at_risk
        return ((due, later, case_id, self.step.id, place) for case_id in self.group.ids)


@dataclass
class _Table:
    """The open steps of one table of the dashboard (pressing, or later)."""

    steps: list[_Open] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many steps of cases the table holds."""
        return sum(len(one.group.ids) for one in self.steps)

    def shown(self, limit: int | None = None) -> list[DueStep]:
        """The first ``limit`` (default :data:`SHOWN`) of its steps of cases, soonest first
        (then risk first, then by case and step), as the template's rows: each group's cases
        are in id order, so merging them gives the order sorting every step of every case
        would."""
        ordered = heapq.merge(*(one.rows(place) for place, one in enumerate(self.steps)))
        rows = []
        for *_, case_id, _step, place in itertools.islice(
            ordered, SHOWN if limit is None else limit
        ):
            group, step = self.steps[place].group, self.steps[place].step
            case = CaseSummary(case_id, group.policy, group.status, group.at_risk)
            rows.append(DueStep(case, reference(case_id), group.at_risk, step))
        return rows


def _open_steps(
    profiles: Mapping[str, Profile], groups: list[CasesAlike], today: date
) -> tuple[_Table, _Table]:
    """The open steps of the cases of ``groups``: those overdue or due soon, and the others.
    Each profile's timescales are looked up once, and one clock is computed for each profile
    and set of events (steps are immutable: the result is as if each case had its own)."""
    plans = {policy: clock_plan(profile) for policy, profile in profiles.items()}
    clocks: dict[tuple[str, tuple[object, ...]], list[Step]] = {}
    pressing, later = _Table(), _Table()
    for group in groups:
        key = (group.policy, group.events.key())
        steps = clocks.get(key)
        if steps is None:
            profile = profiles[group.policy]
            clock = case_clock(group.events, profile, today, plans[group.policy])
            steps = clocks[key] = [step for step in clock if step.open]
        for step in steps:
            (pressing if step.pressing else later).steps.append(_Open(step, group))
    return pressing, later


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
        groups = [
            group
            for group in uow.reviews.open_cases_alike(
                areas=areas, statuses=STATUSES, letter_action=ConsoleAction.LETTER_PRODUCED
            )
            if group.policy in config.profiles  # an area with no policy loaded has no clock
        ]
        pressing, later = _open_steps(config.profiles, groups, today)
        cases = sum(len(group.ids) for group in groups)
        pressing_count, later_count = pressing.count, later.count
        uow.audit.append(
            ConsoleAction.DEADLINES_VIEWED,
            actor=officer.actor,
            detail={
                "cases": cases,
                "pressing": pressing_count,
                "shown": min(pressing_count, SHOWN) + min(later_count, SHOWN),
            },
        )
    return render(
        request,
        "deadlines.html",
        {
            "officer": officer,
            "pressing": pressing.shown(),
            "pressing_more": max(0, pressing_count - SHOWN),
            "later": later.shown(),
            "later_more": max(0, later_count - SHOWN),
            "cases": cases,
            "due_soon": DUE_SOON,
            "area": area if officer.area is None else officer.area,
            "areas": sorted(config.profiles) if officer.area is None else [],
        },
    )
