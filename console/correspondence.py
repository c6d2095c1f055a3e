"""Sending letters to the applicant, and the letters a case has sent.

"Send letter" renders the letter (:func:`console.letters.letter_html`, then
:func:`~console.letters.pdf_of`) and keeps it with the case, with the channel the applicant
came by (:mod:`console.addressing`): email and chat letters are queued for the sender in
`trigger serve` (retried while the mail server or Telegram is down, so nothing is lost), post
letters wait for an officer to print, post or hand them over. Sending a kind already sent
needs a tick in "send it again". Every send, download and handing over is in the audit log;
a case outside the officer's area answers 404.

What goes out is built from structured fields only (the reference, the applicant's name, the
officer, the area): the covering note never quotes the message, so it cannot name or describe
the alleged perpetrator, and neither can the letter (see :mod:`console.letters`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from console.addressing import Address
from console.audit import ConsoleAction
from console.auth import Officer, checked_form, config_of, signed_in
from console.cases import fetch_case, reference
from console.config import ConsoleConfig
from console.letters import KINDS, letter_html, pdf_of
from storage.repositories.applications import StoredDraft
from storage.repositories.letters import LetterSummary, StoredLetter
from storage.tables import LetterChannel, LetterState
from storage.unit_of_work import UnitOfWork

router = APIRouter()

#: Letters that count as sent when the same kind is asked for again (a failed one does not).
_SENT_OR_ON_ITS_WAY = frozenset({LetterState.QUEUED, LetterState.SENT, LetterState.TO_POST})


def kind_label(kind: str) -> str:
    """A letter kind in words: ``not_met`` -> "not met"."""
    return kind.replace("_", " ")


def subject_of(reference: str, kind: str) -> str:
    """The email's subject (a chat letter's file carries the same words)."""
    return f"Your Community Trigger application {reference}: {kind_label(kind)} letter"


def covering_note(applicant: str | None, reference: str, officer: str, area: str) -> str:
    """The short text that goes with the PDF (the email's body, the chat's caption): plain
    English (GOV.UK style), from structured fields only, under Telegram's 1024 characters."""
    return (
        f"Dear {(applicant or 'applicant').strip()[:100]},\n\n"
        "We have attached a letter about your application for an anti-social behaviour case "
        f"review (the Community Trigger). Your reference is {reference}.\n\n"
        "If you cannot open the letter, or you need it in another format, contact us and "
        f"quote {reference}.\n\n"
        "If you or someone else is in immediate danger, call 999.\n\n"
        f"{officer[:100]}\n{area[:100]} Community Trigger\n"
    )


def address_of(config: ConsoleConfig, uow: UnitOfWork, case: StoredDraft) -> Address:
    """Where the case's letters go: how its first message came (email, chat, else post);
    an email applicant with no address found gets their draft's address, else post."""
    record = uow.inbound.get(case.inbound_ids[0]) if case.inbound_ids else None
    if record is None:
        return Address(LetterChannel.POST)
    address = config.addressee(record.channel, record.sender, record.thread_key, record.raw)
    if record.channel == "email" and address.channel is LetterChannel.POST:
        given = (case.draft.applicant.email or "").strip()
        if "@" in given:
            return Address(LetterChannel.EMAIL, given)
    return address


def _back(request: Request, case_id: int, error: str | None = None) -> Response:
    url = request.url_for("case_page", case_id=case_id)
    if error:
        return RedirectResponse(url.include_query_params(error=error), status_code=303)
    return RedirectResponse(f"{url.path}#letters-sent", status_code=303)


def _already(letters: list[LetterSummary], kind: str) -> LetterSummary | None:
    return next(
        (one for one in reversed(letters) if one.kind == kind and one.state in _SENT_OR_ON_ITS_WAY),
        None,
    )


@router.post("/cases/{case_id}/correspondence")
def send_letter(
    request: Request,
    case_id: int,
    officer: Annotated[Officer, Depends(checked_form)],
    kind: Annotated[str, Form()] = "",
    again: Annotated[str, Form()] = "",
) -> Response:
    """Send the letter ``kind`` to the applicant the way they came (queued for email or chat,
    to print for post); a kind already sent needs ``again`` ticked."""
    config = config_of(request)
    if kind not in KINDS:
        raise HTTPException(status_code=404, detail="There is no such letter")
    with config.unit_of_work() as uow:
        fetch_case(uow, officer, case_id)
        earlier = _already(uow.letters.for_application(case_id), kind)
    if earlier is not None and again != "yes":
        return _back(
            request,
            case_id,
            f"A {kind_label(kind)} letter was already sent: tick “Send it again” to send another",
        )
    try:
        html = letter_html(request, officer, case_id, kind, pdf=True)
    except HTTPException as exc:
        if exc.status_code != 404:
            raise
        return _back(request, case_id, str(exc.detail))
    pdf = pdf_of(html)
    with config.unit_of_work() as uow:
        case = fetch_case(uow, officer, case_id)
        if earlier is None and _already(uow.letters.for_application(case_id), kind) is not None:
            # (another click, or another officer, sent it while this one was being rendered)
            problem = f"A {kind_label(kind)} letter was sent meanwhile: check it before sending"
            return _back(request, case_id, problem)
        profile = config.profiles.get(case.policy)
        address = address_of(config, uow, case)
        ref = reference(case_id)
        letter_id = uow.letters.add(
            case_id,
            kind=kind,
            channel=address.channel,
            recipient=address.recipient,
            subject=subject_of(ref, kind),
            note=covering_note(
                case.draft.applicant.name,
                ref,
                officer.username,
                profile.name if profile is not None else case.policy,
            ),
            html=html,
            pdf=pdf,
            officer_id=officer.officer_id,
        )
        uow.audit.append(
            ConsoleAction.LETTER_SENT,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={
                "letter_id": letter_id,
                "kind": kind,
                "channel": str(address.channel),
                "again": earlier is not None,
            },
        )
    return _back(request, case_id)


def _case_letter(uow: UnitOfWork, officer: Officer, case_id: int, letter_id: int) -> StoredLetter:
    """Letter ``letter_id`` of a case the officer may see; 404 for another case's letter."""
    fetch_case(uow, officer, case_id)
    letter = uow.letters.get(letter_id)
    if letter is None or letter.application_id != case_id:
        raise HTTPException(status_code=404, detail="There is no such letter")
    return letter


@router.get("/cases/{case_id}/correspondence/{letter_id}.pdf")
def sent_letter_pdf(
    request: Request,
    case_id: int,
    letter_id: int,
    officer: Annotated[Officer, Depends(signed_in)],
) -> Response:
    """A letter as it was sent, as a download (never shown inline)."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        letter = _case_letter(uow, officer, case_id, letter_id)
        uow.audit.append(
            ConsoleAction.LETTER_DOWNLOADED,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={"letter_id": letter_id},
        )
    name = f"{reference(case_id)}-{letter.kind}-{letter_id}.pdf"
    return Response(
        letter.pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.post("/cases/{case_id}/correspondence/{letter_id}/handed-over")
def hand_over(
    request: Request,
    case_id: int,
    letter_id: int,
    officer: Annotated[Officer, Depends(checked_form)],
) -> Response:
    """Record that a letter to post was posted or handed over (audited as the officer)."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        _case_letter(uow, officer, case_id, letter_id)
        if not uow.letters.mark_handed_over(letter_id, config.clock(), actor=officer.actor):
            return _back(request, case_id, "That letter is not waiting to be posted")
    return _back(request, case_id)
