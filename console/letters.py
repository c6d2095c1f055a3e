"""Letters to the applicant, as HTML and PDF (WeasyPrint): the acknowledgement, the
decision (threshold met: next steps; not met: the reasons, where to turn instead, how to ask
for the decision to be looked at again, that complaints procedures and the Ombudsman stay open),
the next steps of an accepted case (the SPOC, the chair, the meeting, how the victim's voice is
heard, support services, the timescales) and the outcome of the review (findings, the action
plan, that agencies must have regard to recommendations, how to appeal and by when).

Templates are per area: ``letters/<area>/<kind>.html`` when the partnership has written one,
else ``letters/<kind>.html``. A letter is built only from the engine's reasons, dates, the
reference and the area's contact points: never from the message text, incident summaries or
the officer's note, so nothing in it names or describes the alleged perpetrator. The review's
findings, action plan and recommendations are the one exception: officers write them for the
victim, and the review form warns them not to name or describe the other party.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from console.audit import ConsoleAction
from console.auth import Officer, config_of, signed_in
from console.cases import Verdict, clocks, fetch_case, reference
from console.config import LONDON
from console.rendering import templates
from storage.tables import ApplicationStatus, DecisionKind, ReviewRecord, VictimVoice
from trigger.workdays import add_working_days, due_date

router = APIRouter()

#: The letters a case can have, in the order a case needs them.
KINDS = ("acknowledgement", "decision", "next_steps", "outcome")

#: How the victim's voice is heard, in words to the victim (the next-steps letter).
VOICE_WORDS = {
    VictimVoice.ATTENDS: "You can come to the start of the meeting and tell the agencies "
    "yourself how the problem has affected you.",
    VictimVoice.STATEMENT: "You can write a statement about how the problem has affected you "
    "(a victim impact statement). It will be read out at the meeting.",
    VictimVoice.SPOC: "Your single point of contact will tell the meeting your views and how "
    "the problem has affected you.",
    VictimVoice.OTHER: "We will hear your views at the meeting.",
}


def _refuse(kind: str, accepted: bool, review: ReviewRecord | None) -> str | None:
    """Why the case cannot have the letter ``kind`` yet (None: it can)."""
    if kind in ("next_steps", "outcome") and not accepted:
        return "Only a case accepted for a case review has this letter"
    if kind == "next_steps" and (review is None or not review.spoc_name):
        return "Record the case review's SPOC first"
    if kind == "outcome" and (
        review is None or not (review.meeting_held_on and review.findings and review.action_plan)
    ):
        return "Record the meeting, the findings and the action plan first"
    return None


def _context(
    request: Request, officer: Officer, case_id: int, kind: str, *, pdf: bool
) -> dict[str, Any]:
    if kind not in KINDS:
        raise HTTPException(status_code=404, detail="There is no such letter")
    config = config_of(request)
    with config.unit_of_work() as uow:
        case = fetch_case(uow, officer, case_id)
        profile = config.profiles.get(case.policy)
        if profile is None:
            raise HTTPException(status_code=404, detail="This case's area has no policy loaded")
        decisions = [
            d for d in uow.decisions.for_application(case_id) if d.kind is DecisionKind.OFFICER
        ]
        decided = case.status is ApplicationStatus.DECIDED and bool(decisions)
        if kind == "decision" and not decided:
            raise HTTPException(status_code=404, detail="There is no decision to write about yet")
        review = uow.reviews.get(case_id)
        accepted = decided and decisions[-1].status in (Verdict.MET, Verdict.DISCRETION)
        problem = _refuse(kind, accepted, review)
        if problem is not None:
            raise HTTPException(status_code=404, detail=problem)
        clock = {step.id: step for step in clocks(config, uow, [case]).get(case_id, [])}
        # Audited only once the letter can be written. The clock reads the entries with
        # "pdf": a letter made to be sent or printed; reading the page does not send it.
        uow.audit.append(
            ConsoleAction.LETTER_PRODUCED,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={"letter": kind, "pdf": pdf},
        )
    today = config.today()
    received = case.received_at.astimezone(LONDON).date()
    decision = decisions[-1] if decisions else None
    meeting = clock.get("review_meeting")
    appeal = profile.timescale("appeal_window")
    completed = review.action_plan_completed_on if review else None
    outcome_steps = ("outcome_to_victim", "action_plan_to_victim", "findings_to_applicant")
    return {
        "kind": kind,
        "reference": reference(case.id),
        "today": today,
        "received": received,
        "applicant": case.draft.applicant.name,
        "officer": officer,
        "profile": profile,
        "threshold": case.draft.threshold,
        "outcome": decision.status if decision else None,
        "decided": decision.decided_at.astimezone(LONDON).date() if decision else None,
        "review_by": meeting.due if meeting and meeting.due else due_date("review_meeting", today),
        "reply_by": add_working_days(received, 5),
        "review": review,
        "voice": VOICE_WORDS[review.victim_voice] if review and review.victim_voice else None,
        "outcome_timescale": next(
            (profile.timescale(s) for s in outcome_steps if profile.timescale(s).tracked), None
        ),
        "appeal_window": appeal,
        "appeal_by": due_date(appeal, completed) if completed else None,
    }


def _render(request: Request, context: dict[str, Any], *, pdf: bool) -> str:
    area, kind = context["profile"].id, context["kind"]
    env = templates(request).env
    template = env.select_template([f"letters/{area}/{kind}.html", f"letters/{kind}.html"])
    return template.render(**context, pdf=pdf)


def letter_html(
    request: Request, officer: Officer, case_id: int, kind: str, *, pdf: bool = False
) -> str:
    """The letter ``kind`` (one of :data:`KINDS`) of case ``case_id`` as a whole HTML document,
    its production audited (``case.letter_produced``). ``pdf``: styled inline for
    :func:`pdf_of`, with no link to the console's stylesheet. Raises ``HTTPException(404)``
    for an unknown kind, a case the officer may not see, or a letter the case cannot have yet.
    """
    return _render(request, _context(request, officer, case_id, kind, pdf=pdf), pdf=pdf)


def _no_fetching(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, Any]:
    raise ValueError("letters load nothing from outside")


def pdf_of(html: str) -> bytes:
    """A letter's HTML (from ``letter_html(..., pdf=True)``) as PDF bytes (WeasyPrint); it
    fetches nothing from outside."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, url_fetcher=_no_fetching).write_pdf()
    return pdf


def letter_file_name(case_id: int, kind: str) -> str:
    """The PDF's file name: ``CT-000042-acknowledgement.pdf``."""
    return f"{reference(case_id)}-{kind}.pdf"


@router.get("/cases/{case_id}/letters/{kind}.pdf")
def letter_pdf(
    request: Request, case_id: int, kind: str, officer: Annotated[Officer, Depends(signed_in)]
) -> Response:
    """The letter as a PDF download."""
    document = pdf_of(letter_html(request, officer, case_id, kind, pdf=True))
    return Response(
        document,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{letter_file_name(case_id, kind)}"'
        },
    )


@router.get("/cases/{case_id}/letters/{kind}")
def letter_page(
    request: Request, case_id: int, kind: str, officer: Annotated[Officer, Depends(signed_in)]
) -> Response:
    """The letter as a web page (to read before sending); registered after the PDF route,
    whose path it would otherwise swallow."""
    return HTMLResponse(letter_html(request, officer, case_id, kind))
