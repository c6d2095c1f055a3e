"""Assisted intake: an officer types or pastes what a person said on the phone, in a letter or
on a paper form. It runs through the same pipeline as an email, is stored as a message of its
own (its channel and the officer who entered it recorded), and opens as a case with the same
evidence highlights and the missing facts to ask about."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from console.audit import ConsoleAction
from console.auth import Officer, checked_form, config_of, signed_in
from console.config import LONDON
from console.rendering import render
from storage.tables import ApplicationStatus, InboundState
from trigger.inbound import InboundMessage

router = APIRouter()

CHANNELS = {
    "phone": "Phone call",
    "letter": "Letter",
    "paper_form": "Paper form",
    "in_person": "In person",
}
MAX_TEXT = 20_000
#: What the stored message's channel starts with ("assisted-phone"): its case page reads back.
ASSISTED = "assisted-"


def _form(
    request: Request, officer: Officer, errors: dict[str, str], values: dict[str, str]
) -> Response:
    config = config_of(request)
    return render(
        request,
        "intake.html",
        {
            "officer": officer,
            "channels": CHANNELS,
            "areas": [officer.area] if officer.area else sorted(config.profiles),
            "errors": errors,
            "values": values,
            "today": config.today().isoformat(),
        },
        status_code=400 if errors else 200,
    )


@router.get("/intake")
def intake_page(request: Request, officer: Annotated[Officer, Depends(signed_in)]) -> Response:
    """The form for an application taken by phone, letter, paper form or in person."""
    if config_of(request).drafter is None:
        raise HTTPException(status_code=404, detail="Assisted intake is not available here")
    return _form(request, officer, {}, {})


@router.post("/intake")
def take_application(
    request: Request,
    officer: Annotated[Officer, Depends(checked_form)],
    channel: Annotated[str, Form()] = "",
    area: Annotated[str, Form()] = "",
    received: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
) -> Response:
    """Draft what the person said, store it, open the new case."""
    config = config_of(request)
    if config.drafter is None:
        raise HTTPException(status_code=404, detail="Assisted intake is not available here")
    values = {"channel": channel, "area": area, "received": received, "text": text}
    errors: dict[str, str] = {}
    if channel not in CHANNELS:
        errors["channel"] = "Choose how the application came in"
    if officer.area and area != officer.area:
        area = officer.area
    profile = config.profiles.get(area)
    if profile is None:
        errors["area"] = "Choose the area"
    try:
        day = datetime.fromisoformat(received).date() if received else config.today()
    except ValueError:
        errors["received"] = "Enter the day it came in, like 2026-12-07"
        day = config.today()
    if day > config.today():
        errors["received"] = "The day it came in cannot be in the future"
    if not text.strip():
        errors["text"] = "Enter what the person told you"
    elif len(text) > MAX_TEXT:
        errors["text"] = f"Enter at most {MAX_TEXT} characters"
    if errors or profile is None:
        return _form(request, officer, errors, values)
    at = config.clock() if day == config.today() else datetime.combine(day, time(12), tzinfo=LONDON)
    try:
        kept, draft = config.drafter(text, at, profile)
    except ValueError as problem:
        return _form(request, officer, {"text": str(problem)}, values)
    with config.unit_of_work() as uow:
        inbound_id, _ = uow.inbound.save(
            InboundMessage(
                channel=f"{ASSISTED}{channel}",
                external_id=str(uuid.uuid4()),
                received_at=draft.received_at,
                text=kept,
                sender=officer.actor,
            )
        )
        uow.inbound.set_state(inbound_id, InboundState.PROCESSED, actor=officer.actor)
        case_id = uow.applications.save_draft(
            draft,
            policy=profile.id,
            inbound_ids=[inbound_id],
            status=ApplicationStatus.READY,
            actor=officer.actor,
        )
        uow.audit.append(
            ConsoleAction.ASSISTED_INTAKE,
            actor=officer.actor,
            subject_type="application",
            subject_id=case_id,
            detail={
                "channel": channel,
                "inbound_id": inbound_id,
                "incidents": len(draft.incidents),
            },
        )
    return RedirectResponse(f"/cases/{case_id}", status_code=303)
