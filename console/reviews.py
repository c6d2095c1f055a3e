"""Recording the case review of an accepted case: the SPOC, the chair, the dates (information
requested from partners and received, the meeting planned then held, minutes, action plan
completed), how the victim's voice is heard, the findings, the action plan and the
recommendations.

A form with problems shows the case page again (400) with every value as typed and each
problem at its field; a saved form is audited (``case.review_recorded``, with the names of the
fields that changed, never their values) in the same unit of work.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from console.audit import ConsoleAction
from console.auth import Officer, checked_form, config_of
from console.cases import Verdict, fetch_case, show_case
from console.config import LONDON
from console.review_forms import ReviewForm, check, posted
from storage.errors import StaleApplication
from storage.tables import ApplicationStatus, DecisionKind
from storage.unit_of_work import UnitOfWork

router = APIRouter()


def accepted_on(uow: UnitOfWork, case_id: int) -> date | None:
    """The day the case was accepted (its last officer decision: met, or on discretion), or
    None when it has not been."""
    case = uow.applications.get(case_id)
    decisions = [
        d for d in uow.decisions.for_application(case_id) if d.kind is DecisionKind.OFFICER
    ]
    if case is None or case.status is not ApplicationStatus.DECIDED or not decisions:
        return None
    last = decisions[-1]
    if last.status not in (Verdict.MET, Verdict.DISCRETION):
        return None
    return last.decided_at.astimezone(LONDON).date()


async def review_form(request: Request) -> ReviewForm:
    """The review form's fields as posted (the form is parsed once per request)."""
    return posted(await request.form())


@router.post("/cases/{case_id}/review")
def record_review(
    request: Request,
    case_id: int,
    officer: Annotated[Officer, Depends(checked_form)],
    form: Annotated[ReviewForm, Depends(review_form)],
) -> Response:
    """Record (or update) the case review of an accepted case."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        case = fetch_case(uow, officer, case_id)
        accepted = accepted_on(uow, case.id)
        if accepted is not None:
            fields = check(form, accepted=accepted, today=config.today())
            if not form.errors:
                before = uow.reviews.get(case_id)
                changed = sorted(
                    name
                    for name, value in fields.items()
                    if before is None or getattr(before, name) != value
                )
                try:
                    with uow.savepoint():
                        saved = uow.reviews.save(
                            case_id,
                            fields,
                            actor=officer.actor,
                            expected_version=int(form.version) if form.version.isdigit() else None,
                        )
                except StaleApplication:
                    form.errors["spoc_name"] = (
                        "Someone else saved this case review first: check it again"
                    )
                else:
                    uow.audit.append(
                        ConsoleAction.REVIEW_RECORDED,
                        actor=officer.actor,
                        subject_type="application",
                        subject_id=case_id,
                        detail={"version": saved.version, "changed": changed},
                    )
    if accepted is None:
        message = "Only a case accepted for a case review can have one recorded"
        return RedirectResponse(
            request.url_for("case_page", case_id=case_id).include_query_params(error=message),
            status_code=303,
        )
    if form.errors:
        return show_case(request, officer, case_id, review_form=form, status_code=400)
    return RedirectResponse(f"/cases/{case_id}#clock", status_code=303)
