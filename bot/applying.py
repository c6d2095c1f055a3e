"""Applying one answer to the draft: what the waiting question's answer tells, read in context.

Pure, like :mod:`bot.dialogue`, which decides what to ask; this module decides what an answer
means. Some questions invite more than one fact ("Did you report it? If so, who to, when, and
any reference number?"), so one answer can settle several questions at once.
"""

from __future__ import annotations

from datetime import datetime

from bot import answers
from bot.state import RISK_ITEMS, Ask, Conversation, Question
from trigger.draft import Draft, Incident

#: The questions about one report, each answered from the same kind of combined answer.
REPORT_ASKS = frozenset({Ask.REPORTED, Ask.WHO, Ask.REPORTED_ON, Ask.REFERENCE})


def settle(conv: Conversation, question: Question) -> None:
    """Mark ``question`` as answered, so it is not asked again."""
    if question.key not in conv.settled:
        conv.settled.append(question.key)


def invites_reference(conv: Conversation, question: Question, incident: Incident) -> bool:
    """Whether the question about ``incident`` also asks for its reference number."""
    if question.ask in (Ask.REPORTED, Ask.WHO):
        return True
    key = Question(ask=Ask.REFERENCE, index=question.index).key
    return question.ask is Ask.REPORTED_ON and not incident.references and key not in conv.settled


def contact_with_share(conv: Conversation) -> bool:
    """Whether the contact question also asks for consent to share (neither answered yet)."""
    return "share" not in conv.settled


def apply(
    conv: Conversation, question: Question, draft: Draft, text: str, at: datetime
) -> str | None:
    """Apply an answer; return the "say it again" template when it cannot be read."""
    ask, i = question.ask, question.index
    yes = answers.yes_no(text)
    unsure = answers.unsure(text)
    if ask in REPORT_ASKS:
        assert i is not None
        return _report(conv, question, draft.incidents[i], text, at)
    if ask is Ask.REJECTED_DATE:
        assert i is not None
        if yes is None and not unsure:
            return "again_yes_no"
        if yes:
            draft.incidents.append(Incident(occurred=draft.rejected_dates[i].occurred))
    elif ask is Ask.WHEN:
        assert i is not None
        day = answers.when(text, at)
        if day is not None:
            draft.incidents[i].occurred = day
        elif not unsure:
            return "again_date"
    elif ask is Ask.MORE:
        if yes is None and not unsure:
            return "again_yes_no"
        if yes:
            conv.adding = True
    elif ask is Ask.APPLICANT:
        role = answers.applicant_role(text)
        if role is None:
            return "again_applicant"
        draft.applicant.role = role
    elif ask is Ask.THIRD_PARTY_CONSENT:
        if yes is None:
            return "again_yes_no"
        conv.third_party_consent = yes
    elif ask is Ask.CONTACT:
        return _contact(conv, question, draft, text)
    elif ask is Ask.SHARE:
        if yes is None:
            return "again_yes_no"
        conv.share_consent = yes
    elif ask is Ask.RISK:
        chosen = answers.checklist(text, len(RISK_ITEMS))
        if chosen is None:
            return "again_risk"
        conv.risk_answers = {item: n in chosen for n, item in enumerate(RISK_ITEMS, start=1)}
    settle(conv, question)
    return None


def _report(
    conv: Conversation, question: Question, incident: Incident, text: str, at: datetime
) -> str | None:
    """An answer about one report: whether, to whom, when, and any reference number."""
    ask, i = question.ask, question.index
    yes = answers.yes_no(text)
    unsure = answers.unsure(text)
    told = answers.report_details(text, at)
    invited = invites_reference(conv, question, incident)
    if ask is Ask.REPORTED:
        if yes is False and not told.agencies:
            incident.reported = False
        elif yes or told.agencies:
            incident.reported = True
        elif not unsure:
            return "again_yes_no"
    elif ask is Ask.WHO:
        if not told.agencies and yes is False:
            incident.reported = False
        elif not told.agencies and not unsure:
            return "again_who"
    elif ask is Ask.REPORTED_ON:
        if not (told.day or told.same_day or told.reference or told.no_reference or unsure):
            return "again_date"
    elif told.reference is None and yes is None and not unsure and not told.no_reference:
        return "again_yes_no"
    if incident.reported:
        incident.agencies = list(dict.fromkeys([*incident.agencies, *told.agencies]))
        if told.same_day:
            incident.reported_on = incident.occurred.end
        elif told.day is not None and ask is not Ask.REFERENCE:
            incident.reported_on = told.day
        if told.reference is not None and told.reference not in incident.references:
            incident.references.append(told.reference)
    settle(conv, question)
    if incident.agencies:
        settle(conv, Question(ask=Ask.WHO, index=i))
    if incident.reported_on is not None:
        settle(conv, Question(ask=Ask.REPORTED_ON, index=i))
    told_some = bool(told.agencies or told.day or told.same_day) and ask is not Ask.REFERENCE
    complete = bool(incident.agencies) and incident.reported_on is not None
    if told.reference or told.no_reference or (invited and told_some and complete):
        # The question asked for a reference too, and the answer gave all the rest: an answer
        # without one means there is none. A shorter answer gets a question that asks again.
        settle(conv, Question(ask=Ask.REFERENCE, index=i))
    return None


def _contact(conv: Conversation, question: Question, draft: Draft, text: str) -> str | None:
    """How to reach the applicant and, when asked together, consent to share."""
    both = contact_with_share(conv)
    found = answers.contact(text)
    consent = answers.share_consent(text) if both else None
    if both and found is None and consent is False and not answers.refuses_sharing(text):
        consent = None  # a bare "no" could be about either part
    if found is not None:
        draft.applicant.email = found.email or draft.applicant.email
        draft.applicant.phone = found.phone or draft.applicant.phone
        conv.contact = found.describe()
        settle(conv, question)
    if consent is not None:
        conv.share_consent = consent
        settle(conv, Question(ask=Ask.SHARE))
    if found is None and consent is None:
        if answers.yes_no(text) is False and not both:
            settle(conv, question)
            return None
        return "again_contact_share" if both else "again_contact"
    return None
