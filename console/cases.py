"""The queue and the case page: view, correct incidents, promote set-aside dates, decide.

Every view and every change is written to the audit log in the same unit of work as the change.
A case outside the officer's area answers 404, exactly like a case that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from console.audit import ConsoleAction
from console.auth import Officer, checked_form, config_of, signed_in
from console.casework import (
    FormProblem,
    facts,
    highlight,
    incident_from_form,
    promoted,
    redecide,
    urgent,
)
from console.config import ConsoleConfig
from console.intake_assisted import ASSISTED
from console.messages import MessageView
from console.rendering import render
from console.review_forms import VOICES, ReviewForm, form_of
from storage.errors import StaleApplication
from storage.repositories.applications import OPEN_STATUSES, StoredDraft
from storage.tables import ApplicationStatus, DecisionKind
from storage.unit_of_work import UnitOfWork
from trigger.asking import readback_questions
from trigger.clock import Step, case_clock, next_step
from trigger.draft import Draft, Incident, Span
from trigger.vocabulary import Agency, HateStrand, Status

router = APIRouter()

PAGE_SIZE = 50


class Verdict(StrEnum):
    """An officer's decision on the threshold (stored as the decision's status)."""

    MET = "met"
    NOT_MET = "not_met"
    DISCRETION = "discretion"


def reference(case_id: int) -> str:
    """The case reference applicants and officers quote."""
    return f"CT-{case_id:06d}"


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue."""

    case: StoredDraft
    reference: str
    urgent: bool
    #: The case's next open step (None: nothing is due).
    deadline: Step | None

    @property
    def applicant(self) -> str:
        """The applicant's name, else email, else a dash."""
        applicant = self.case.draft.applicant
        return applicant.name or applicant.email or "—"


def clocks(
    config: ConsoleConfig, uow: UnitOfWork, cases: Sequence[StoredDraft]
) -> dict[int, list[Step]]:
    """Each case's statutory clock (trigger/clock.py) under its area's timescales; a case
    whose area has no policy loaded has none."""
    events = uow.reviews.case_events([case.id for case in cases], ConsoleAction.LETTER_PRODUCED)
    today = config.today()
    found: dict[int, list[Step]] = {}
    for case in cases:
        profile = config.profiles.get(case.policy)
        if profile is not None and case.id in events:
            found[case.id] = case_clock(events[case.id], profile, today)
    return found


def rows_of(config: ConsoleConfig, uow: UnitOfWork, cases: Sequence[StoredDraft]) -> list[QueueRow]:
    """The queue's rows of ``cases``, each with its next open step."""
    found = clocks(config, uow, cases)
    return [
        QueueRow(case, reference(case.id), urgent(case.draft), next_step(found.get(case.id, [])))
        for case in cases
    ]


def _statuses(values: list[str]) -> list[ApplicationStatus]:
    try:
        return [ApplicationStatus(value) for value in values if value]
    except ValueError:
        raise HTTPException(status_code=400, detail="Unknown status") from None


@router.get("/")
def queue(
    request: Request,
    officer: Annotated[Officer, Depends(signed_in)],
    status: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI reads, never mutates)
    threshold: Annotated[list[str], Query()] = [],  # noqa: B006
    area: str = "",
    q: str = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The cases of the officer's area, a page at a time: urgent first, then oldest first."""
    config = config_of(request)
    wanted = _statuses(status) or list(OPEN_STATUSES)
    if officer.area is not None:
        areas: list[str] | None = [officer.area]
    else:
        areas = [area] if area else None
    with config.unit_of_work() as uow:
        cases, total = uow.cases.find(
            areas=areas,
            statuses=wanted,
            threshold_statuses=[value for value in threshold if value],
            search=q[:200],
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
        rows = rows_of(config, uow, cases)
        uow.audit.append(
            ConsoleAction.QUEUE_VIEWED, actor=officer.actor, detail={"shown": len(cases)}
        )
    return render(
        request,
        "queue.html",
        {
            "officer": officer,
            "rows": rows,
            "total": total,
            "page": page,
            "previous": str(request.url.include_query_params(page=page - 1)) if page > 1 else None,
            "next": (
                str(request.url.include_query_params(page=page + 1))
                if page * PAGE_SIZE < total
                else None
            ),
            "filters": {
                "status": [str(s) for s in wanted],
                "threshold": threshold,
                "area": area,
                "q": q,
            },
            "areas": sorted(config.profiles) if officer.area is None else [officer.area],
            "statuses": [str(s) for s in ApplicationStatus],
            "threshold_statuses": [str(s) for s in Status],
        },
    )


def fetch_case(uow: UnitOfWork, officer: Officer, case_id: int) -> StoredDraft:
    """The case, if it is this officer's to see (404 otherwise: no hint that it exists)."""
    case = uow.applications.get(case_id)
    if case is None or not officer.may_see(case.policy):
        raise HTTPException(status_code=404, detail="There is no such case")
    return case


def _messages(config: ConsoleConfig, uow: UnitOfWork, case: StoredDraft) -> list[MessageView]:
    views: list[MessageView] = []
    for inbound_id in case.inbound_ids:
        record = uow.inbound.get(inbound_id)
        if record is None:
            continue
        views.append(
            config.reader(
                inbound_id,
                record.channel,
                record.received_at,
                record.sender,
                record.raw,
                record.text,
            )
        )
    return views


@router.get("/cases/{case_id}")
def case_page(
    request: Request, case_id: int, officer: Annotated[Officer, Depends(signed_in)]
) -> Response:
    """Everything about one case: the messages with their facts highlighted, the incidents,
    the dates set aside, the decision, the case review and the statutory clock."""
    return show_case(request, officer, case_id)


def show_case(
    request: Request,
    officer: Officer,
    case_id: int,
    *,
    review_form: ReviewForm | None = None,
    status_code: int = 200,
) -> Response:
    """The case page; ``review_form``: the review form as posted (with its errors), in place
    of the stored review's values."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        case = fetch_case(uow, officer, case_id)
        messages = _messages(config, uow, case)
        decisions = [
            d for d in uow.decisions.for_application(case_id) if d.kind is DecisionKind.OFFICER
        ]
        review = uow.reviews.get(case_id)
        clock = clocks(config, uow, [case]).get(case_id, [])
        letters_sent = uow.letters.for_application(case_id)
        uow.audit.append(
            ConsoleAction.CASE_VIEWED,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={"version": case.version},
        )
    marks = facts(case.draft)
    # Assisted intake (a phone call, letter, form): the questions to read back to the caller.
    profile = config.profiles.get(case.policy)
    assisted = any(message.channel.startswith(ASSISTED) for message in messages)
    readback = (
        readback_questions(case.draft, profile)
        if assisted and profile is not None and case.status in OPEN_STATUSES
        else []
    )
    highlighted = [
        (message, highlight(message.text, marks if index == 0 else []))
        for index, message in enumerate(messages)
    ]
    accepted = bool(decisions) and decisions[-1].status in (Verdict.MET, Verdict.DISCRETION)
    return render(
        request,
        "case.html",
        {
            "officer": officer,
            "case": case,
            "draft": case.draft,
            "reference": reference(case.id),
            "messages": highlighted,
            "deadline": next_step(clock),
            "clock": clock,
            "officer_decisions": decisions,
            "accepted": accepted and case.status is ApplicationStatus.DECIDED,
            "review": review,
            "review_form": review_form or form_of(review),
            "voices": VOICES,
            "letters_sent": letters_sent,
            "readback": readback,
            "agencies": [str(a) for a in Agency],
            "strands": [str(s) for s in HateStrand],
            "error": request.query_params.get("error", "")[:200],
        },
        status_code=status_code,
    )


@router.get("/cases/{case_id}/messages/{inbound_id}/attachments/{index}")
def attachment(
    request: Request,
    case_id: int,
    inbound_id: int,
    index: int,
    officer: Annotated[Officer, Depends(signed_in)],
) -> Response:
    """An attachment as a download, never shown inline (whatever its type says)."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        case = fetch_case(uow, officer, case_id)
        if inbound_id not in case.inbound_ids:
            raise HTTPException(status_code=404, detail="There is no such attachment")
        view = _messages(config, uow, case)[case.inbound_ids.index(inbound_id)]
        found = next((a for a in view.attachments if a.index == index), None)
        if found is None:
            raise HTTPException(status_code=404, detail="There is no such attachment")
        uow.audit.append(
            ConsoleAction.ATTACHMENT_DOWNLOADED,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={"inbound_id": inbound_id, "attachment": index},
        )
    return Response(
        found.payload,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="attachment-{index + 1}.bin"',
            "X-Content-Type-Options": "nosniff",
        },
    )


def _save(
    request: Request,
    officer: Officer,
    case_id: int,
    version: int,
    action: ConsoleAction,
    change: Callable[[Draft], Draft],
    detail: dict[str, object],
) -> Response:
    """Apply ``change`` to the case's draft, decide again, save (at ``version``), audit."""
    config = config_of(request)
    try:
        with config.unit_of_work() as uow:
            case = fetch_case(uow, officer, case_id)
            if case.status not in OPEN_STATUSES:
                raise FormProblem("This case has been decided: its incidents can no longer change")
            profile = config.profiles.get(case.policy)
            if profile is None:
                raise FormProblem(f"No policy called {case.policy} is loaded")
            draft = redecide(change(case.draft), profile)
            uow.applications.save_draft(
                draft,
                policy=case.policy,
                application_id=case_id,
                expected_version=version,
                actor=officer.actor,
            )
            before = case.draft.threshold.status if case.draft.threshold else None
            after = draft.threshold.status if draft.threshold else None
            uow.audit.append(
                action,
                actor=officer.actor,
                subject_type="application",
                subject_id=case_id,
                detail={**detail, "threshold_before": before, "threshold_after": after},
            )
    except FormProblem as problem:
        return RedirectResponse(
            request.url_for("case_page", case_id=case_id).include_query_params(error=str(problem)),
            status_code=303,
        )
    except StaleApplication:
        message = "Someone else changed this case: check it again"
        return RedirectResponse(
            request.url_for("case_page", case_id=case_id).include_query_params(error=message),
            status_code=303,
        )
    return RedirectResponse(f"/cases/{case_id}#decision", status_code=303)


Text = Annotated[str, Form()]
Choices = Annotated[list[str], Form()]


@dataclass(frozen=True)
class IncidentForm:
    """The fields of the incident form, as posted (read by :func:`incident_from_form`)."""

    occurred_start: str
    occurred_end: str
    reported: str
    reported_on: str
    agencies: list[str]
    references: str
    hate_strands: list[str]
    summary: str

    def incident(self, evidence: Sequence[Span] = ()) -> Incident:
        return incident_from_form(
            occurred_start=self.occurred_start,
            occurred_end=self.occurred_end,
            reported=self.reported,
            reported_on=self.reported_on,
            agencies=self.agencies,
            references=self.references,
            hate_strands=self.hate_strands,
            summary=self.summary,
            evidence=evidence,
        )


def incident_form(
    occurred_start: Text = "",
    occurred_end: Text = "",
    reported: Text = "unknown",
    reported_on: Text = "",
    agencies: Choices = [],  # noqa: B006
    references: Text = "",
    hate_strands: Choices = [],  # noqa: B006
    summary: Text = "",
) -> IncidentForm:
    """The incident form's fields, shared by correcting and adding an incident."""
    return IncidentForm(
        occurred_start, occurred_end, reported, reported_on, agencies, references,
        hate_strands, summary,
    )  # fmt: skip


@router.post("/cases/{case_id}/incidents/{position}")
def correct_incident(
    request: Request,
    case_id: int,
    position: int,
    officer: Annotated[Officer, Depends(checked_form)],
    version: Annotated[int, Form()],
    form: Annotated[IncidentForm, Depends(incident_form)],
) -> Response:
    """Correct one incident; its evidence spans stay."""

    def change(draft: Draft) -> Draft:
        if not 0 <= position < len(draft.incidents):
            raise FormProblem("That incident is no longer there")
        draft.incidents[position] = form.incident(evidence=draft.incidents[position].evidence)
        return draft

    return _save(
        request, officer, case_id, version, ConsoleAction.INCIDENT_CORRECTED, change,
        {"incident": position},
    )  # fmt: skip


@router.post("/cases/{case_id}/incidents")
def add_incident(
    request: Request,
    case_id: int,
    officer: Annotated[Officer, Depends(checked_form)],
    version: Annotated[int, Form()],
    form: Annotated[IncidentForm, Depends(incident_form)],
) -> Response:
    """Add an incident the pipeline missed."""

    def change(draft: Draft) -> Draft:
        draft.incidents.append(form.incident())
        return draft

    return _save(request, officer, case_id, version, ConsoleAction.INCIDENT_ADDED, change, {})


@router.post("/cases/{case_id}/incidents/{position}/delete")
def delete_incident(
    request: Request,
    case_id: int,
    position: int,
    officer: Annotated[Officer, Depends(checked_form)],
    version: Annotated[int, Form()],
) -> Response:
    """Delete an incident that is not one."""

    def change(draft: Draft) -> Draft:
        if not 0 <= position < len(draft.incidents):
            raise FormProblem("That incident is no longer there")
        del draft.incidents[position]
        return draft

    return _save(
        request, officer, case_id, version, ConsoleAction.INCIDENT_DELETED, change,
        {"incident": position},
    )  # fmt: skip


@router.post("/cases/{case_id}/set-aside/{position}/promote")
def promote_date(
    request: Request,
    case_id: int,
    position: int,
    officer: Annotated[Officer, Depends(checked_form)],
    version: Annotated[int, Form()],
) -> Response:
    """Make a date the pipeline set aside into an incident, in one action."""

    def change(draft: Draft) -> Draft:
        if not 0 <= position < len(draft.rejected_dates):
            raise FormProblem("That date is no longer set aside")
        rejected = draft.rejected_dates.pop(position)
        draft.incidents.append(promoted(rejected))
        return draft

    return _save(
        request, officer, case_id, version, ConsoleAction.DATE_PROMOTED, change,
        {"set_aside": position},
    )  # fmt: skip


@router.post("/cases/{case_id}/decision")
def decide_case(
    request: Request,
    case_id: int,
    officer: Annotated[Officer, Depends(checked_form)],
    version: Annotated[int, Form()],
    outcome: Text = "",
    reason: Text = "",
) -> Response:
    """Confirm the threshold is met, refuse it (a reason is required), or (managers) accept
    it on discretion. The case leaves the queue."""
    config = config_of(request)
    problem: str | None = None
    if outcome not in (Verdict.MET, Verdict.NOT_MET, Verdict.DISCRETION):
        problem = "Choose a decision"
    elif outcome == Verdict.NOT_MET and not reason.strip():
        problem = "Enter the reason the threshold is not met"
    elif outcome == Verdict.DISCRETION and not officer.is_manager:
        raise HTTPException(status_code=403, detail="Only managers can accept on discretion")
    if problem is None:
        with config.unit_of_work() as uow:
            case = fetch_case(uow, officer, case_id)
            engine = case.draft.threshold
            if case.version != version:
                problem = "Someone else changed this case: check it again"
            elif case.status is ApplicationStatus.DECIDED:
                problem = "This case has already been decided"
            elif outcome == Verdict.MET and (engine is None or engine.status is not Status.MET):
                problem = "The threshold is not met on these facts: refuse it, or ask a manager"
            else:
                uow.decisions.record_officer(
                    case_id,
                    officer_id=officer.officer_id,
                    outcome=Verdict(outcome),
                    body=engine.model_dump(mode="json") if engine else {},
                    note=reason.strip()[:4000] or None,
                    decided_at=config.clock(),
                )
                uow.applications.set_status(case_id, ApplicationStatus.DECIDED, actor=officer.actor)
    if problem is not None:
        return RedirectResponse(
            request.url_for("case_page", case_id=case_id).include_query_params(error=problem),
            status_code=303,
        )
    return RedirectResponse(f"/cases/{case_id}", status_code=303)
