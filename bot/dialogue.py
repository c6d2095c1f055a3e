"""The dialogue: a conversation and one event in, the replies and the next conversation out.

Pure: no I/O, no clock (the event carries its time), no Telegram, no storage. The language work
is a function passed in (:class:`Context` ``extract``: text -> draft, without a threshold), so
this module decides only what to ask and what to keep.

The flow: the person tells what happened; the bot reads back each incident it understood and
asks, one question at a time, what the threshold still needs (dates it set aside, when, then
one question per incident for whether, to whom and when it was reported and any reference),
then who is applying (unless the story said), contact with consent to share (one question) and
a short risk assessment; then it shows the summary with the provisional result, takes
corrections ("the second one was the 14th", "it's for my mum"), more incidents, or "send".
What an answer means is :mod:`bot.applying`'s work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import answers
from bot.applying import apply, contact_with_share, invites_reference, settle
from bot.state import (
    Ask,
    Button,
    Conversation,
    Event,
    EventKind,
    Question,
    Reply,
    RiskLevel,
    Stage,
    Turn,
)
from bot.templates import render
from bot.wording import (
    close_until,
    contacts,
    faq,
    not_met_lines,
    readback,
    result_lines,
    strands,
    what,
)
from nlp.risk import risk_flags
from trigger.asking import missing_incident_facts
from trigger.dates import format_day
from trigger.draft import Draft, Incident
from trigger.profiles import Profile
from trigger.threshold import threshold_result
from trigger.vocabulary import ApplicantRole, Channel, Consent, RiskFlag
from trigger.workdays import due_date

#: text, the time it was sent, the bot's question before it -> what the text tells.
Extract = Callable[[str, datetime, str | None], Draft]

_URGENT = frozenset({RiskFlag.IMMEDIATE_DANGER, RiskFlag.SELF_HARM})
_SUBMIT = re.compile(
    r"^\s*(?:send|send it|submit|yes|yes send|yes please|that's right|thats right|correct|"
    r"it's right|its right|all good|looks good|ok send|go ahead)\b",
    re.IGNORECASE,
)
_ADD = re.compile(r"\b(?:add|another|one more|something else|also happened)\b", re.IGNORECASE)
_REMOVE = re.compile(
    r"\b(?:didn'?t happen|did not happen|remove|delete|take out|wrong one)\b", re.I
)
_NOT_REPORTED = re.compile(
    r"\b(?:not reported|didn'?t report|did not report|never reported)\b", re.I
)
_REMIND = re.compile(r"\bremind", re.IGNORECASE)
_GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b", re.I)
_RISK_FLAGS = {"children": RiskFlag.CHILD_AT_RISK, "vulnerable": RiskFlag.VULNERABLE_ADULT}


@dataclass(frozen=True)
class Context:
    """What a turn needs besides the conversation: the area's profile and the language work."""

    profile: Profile
    extract: Extract


# --- Buttons -----------------------------------------------------------------------------


def press_data(chat_id: str, asked: int, value: str) -> str:
    """A button's callback data: the owning chat, the question's number, the answer."""
    return f"{chat_id}:{asked}:{value}"


def parse_press(data: str) -> tuple[str, int, str] | None:
    """(chat, question number, answer) from callback data, or None if it is malformed."""
    parts = data.split(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1]), parts[2]


def _buttons(
    conv: Conversation, *rows: tuple[tuple[str, str], ...]
) -> tuple[tuple[Button, ...], ...]:
    return tuple(
        tuple(
            Button(render(label), press_data(conv.chat_id, conv.asked, value))
            for label, value in row
        )
        for row in rows
    )


_YES_NO = (("button_yes", "yes"), ("button_no", "no"))
_YES_NO_UNSURE = (("button_yes", "yes"), ("button_no", "no"), ("button_not_sure", "not sure"))


# --- Questions ---------------------------------------------------------------------------


def _next_question(conv: Conversation) -> Question | None:
    """The first fact still missing, in the order the bot asks them."""
    draft = conv.draft
    if draft is None:
        return None
    settled = set(conv.settled)
    candidates: list[Question] = []
    for j, rejected in enumerate(draft.rejected_dates):
        if rejected.occurred.start is not None:
            candidates.append(Question(ask=Ask.REJECTED_DATE, index=j))
    for i, incident in enumerate(draft.incidents):
        # Which facts an incident lacks is decided once, for the bot and the console.
        candidates.extend(
            Question(ask=Ask(fact.value), index=i) for fact in missing_incident_facts(incident)
        )
    candidates.append(Question(ask=Ask.APPLICANT))
    if draft.applicant.role is ApplicantRole.THIRD_PARTY:
        candidates.append(Question(ask=Ask.THIRD_PARTY_CONSENT))
    candidates += [Question(ask=Ask.CONTACT), Question(ask=Ask.SHARE)]
    candidates.append(Question(ask=Ask.RISK))
    for question in candidates:
        if question.key not in settled:
            return question
    return None


def _ask(
    conv: Conversation, question: Question, extra: tuple[tuple[str, str], ...] = ()
) -> list[Reply]:
    """The question as a reply, with buttons where they help; records it as waiting."""
    conv.asked += 1
    conv.question = question
    draft = conv.draft
    assert draft is not None
    incident = (
        draft.incidents[question.index]
        if question.index is not None and question.ask is not Ask.REJECTED_DATE
        else None
    )
    about = what(incident) if incident is not None else "this"
    ask = question.ask
    lead: list[Reply] = []
    buttons: tuple[tuple[Button, ...], ...] = ()
    if ask is Ask.REJECTED_DATE:
        assert question.index is not None
        rejected = draft.rejected_dates[question.index]
        assert rejected.occurred.start is not None
        text = render(
            "ask_rejected_date",
            day=format_day(rejected.occurred.start, draft.application_date.year),
        )
        buttons = _buttons(conv, _YES_NO)
    elif ask is Ask.WHEN:
        text = render("ask_when", what=about)
        buttons = _buttons(conv, (("button_not_sure", "not sure"),))
    elif ask is Ask.REPORTED:
        text = render("ask_reported", what=about)
        buttons = _buttons(conv, _YES_NO_UNSURE)
    elif ask is Ask.WHO:
        text = render("ask_who", what=about)
        buttons = _buttons(
            conv,
            (("button_police", "police"), ("button_council", "council")),
            (
                ("button_housing", "housing"),
                ("button_health", "health"),
                ("button_other", "someone else"),
            ),
        )
    elif ask is Ask.REPORTED_ON:
        assert incident is not None
        reference = invites_reference(conv, question, incident)
        text = render("ask_reported_on_reference" if reference else "ask_reported_on", what=about)
        buttons = _buttons(conv, (("button_same_day", "same day"), ("button_not_sure", "not sure")))
    elif ask is Ask.REFERENCE:
        text = render("ask_reference", what=about)
        buttons = _buttons(conv, (("button_no", "no"),))
    elif ask is Ask.MORE:
        text = render("ask_more")
        buttons = _buttons(conv, _YES_NO)
    elif ask is Ask.APPLICANT:
        text = render("ask_applicant")
        buttons = _buttons(
            conv, (("button_self", "for me"), ("button_someone_else", "someone else"))
        )
    elif ask is Ask.CONTACT and contact_with_share(conv):
        text = render("ask_contact_share")
        buttons = _buttons(
            conv, (("button_share_yes", "yes, you can share"), ("button_share_no", "do not share"))
        )
    elif ask is Ask.CONTACT:
        text = render("ask_contact")
    elif ask is Ask.RISK:
        text = render("ask_risk")
        buttons = _buttons(conv, (("button_none", "none"),))
    elif ask is Ask.SUBMIT:
        text = render("ask_submit")
        buttons = _buttons(conv, (("button_send", "send"), ("button_add", "add"), *extra))
    else:  # third-party consent, share: yes or no
        text = render(f"ask_{ask.value}")
        buttons = _buttons(conv, _YES_NO)
    conv.prompt = text
    return [*lead, Reply(text, buttons)]


# --- The turn ----------------------------------------------------------------------------


def step(conv: Conversation, event: Event, ctx: Context) -> Turn:
    """What ``event`` comes to in ``conv``: the replies and the conversation to store."""
    conv = conv.model_copy(deep=True)
    conv.updated_at = event.at
    if event.kind is EventKind.COMMAND:
        return _command(conv, ctx, event.text.lower().lstrip("/").split("@")[0].strip())
    if event.kind is EventKind.PRESS:
        parsed = parse_press(event.text)
        if parsed is None or parsed[0] != conv.chat_id or parsed[0] != event.chat_id:
            return Turn([Reply(render("button_refused"))], conv)
        if conv.question is None or parsed[1] != conv.asked:
            return Turn([Reply(render("button_stale")), *_continue(conv, ctx)], conv)
        return _answer(conv, parsed[2], event.at, ctx, [])
    return _text(conv, event, ctx)


def _text(conv: Conversation, event: Event, ctx: Context) -> Turn:
    replies: list[Reply] = []
    urgent = False
    flags = risk_flags(event.text) & _URGENT
    if flags:
        replies.append(Reply(render("emergency")))
        draft = _draft(conv, event.at)
        draft.risk_flags = list(dict.fromkeys([*draft.risk_flags, *sorted(flags)]))
        urgent = not conv.urgent or conv.stage is Stage.SUBMITTED
        conv.urgent = True
    answer = faq(event.text, ctx.profile)
    if answer is not None and not flags:
        replies.append(Reply(answer))
        if conv.question is not None:
            replies.append(Reply(render("faq_back")))
            replies.extend(_continue(conv, ctx))
        return Turn(replies, conv)
    if conv.stage is Stage.SUBMITTED and not flags:
        reference = conv.reference
        conv = Conversation(chat_id=conv.chat_id, updated_at=event.at)
        replies.append(Reply(render("after_submit", reference=reference)))
    if conv.question is None or conv.adding or conv.stage in (Stage.NEW, Stage.STORY):
        turn = _story(conv, event, ctx, replies)
    else:
        turn = _answer(conv, event.text, event.at, ctx, replies)
    turn.urgent = turn.urgent or urgent
    return turn


def _draft(conv: Conversation, at: datetime) -> Draft:
    if conv.draft is None:
        conv.draft = Draft(received_at=at, channel=Channel.CHAT)
    return conv.draft


def _story(conv: Conversation, event: Event, ctx: Context, replies: list[Reply]) -> Turn:
    """A story message: extract, merge, read back, ask the next question."""
    text = event.text
    told = ctx.extract(text, event.at, conv.prompt)
    if (
        not told.incidents
        and conv.draft is None
        and _GREETING.search(text)
        and len(text.split()) < 6
    ):
        conv.stage = Stage.STORY
        return Turn([*replies, Reply(render("welcome"))], conv)
    draft = _draft(conv, event.at)
    draft.received_at = event.at
    first_new = len(draft.incidents)
    new = told.incidents
    if not new:
        day = answers.when(text, event.at)
        new = (
            [Incident(summary=text[:500], occurred=day)] if day else [Incident(summary=text[:500])]
        )
    draft.incidents.extend(new)
    draft.rejected_dates.extend(told.rejected_dates)
    draft.hate_strands = list(dict.fromkeys([*draft.hate_strands, *told.hate_strands]))
    draft.risk_flags = list(dict.fromkeys([*draft.risk_flags, *told.risk_flags]))
    draft.exclusions = list(dict.fromkeys([*draft.exclusions, *told.exclusions]))
    _take_story_facts(conv, draft, told, text)
    conv.adding = False
    conv.stage = Stage.QUESTIONS
    # Any summary or questions already settled stay settled; the new incidents get theirs.
    conv.settled = [key for key in conv.settled if key not in ("more", "submit")]
    lines = readback(draft, draft.application_date.year)[first_new:]
    if told.incidents:
        replies.append(Reply("\n".join([render("readback_intro"), *lines])))
    else:
        replies.append(Reply(render("readback_none")))
    replies.extend(_continue(conv, ctx))
    return Turn(replies, conv)


def _take_story_facts(conv: Conversation, draft: Draft, told: Draft, text: str) -> None:
    """Who is applying and how to reach them, when the story already says: not asked again."""
    if "applicant" not in conv.settled:
        role = answers.story_applicant(text)
        if told.applicant.role is ApplicantRole.THIRD_PARTY:
            draft.applicant = told.applicant
            draft.victim = told.victim
            role = ApplicantRole.THIRD_PARTY
        if role is not None:
            draft.applicant.role = role
            settle(conv, Question(ask=Ask.APPLICANT))
    found = answers.contact(text)
    if found is not None and "contact" not in conv.settled:
        draft.applicant.email = found.email or draft.applicant.email
        draft.applicant.phone = found.phone or draft.applicant.phone
        conv.contact = found.describe()
        settle(conv, Question(ask=Ask.CONTACT))


def _continue(conv: Conversation, ctx: Context) -> list[Reply]:
    """Ask the next question, or show the summary when none is left."""
    if conv.draft is None:
        conv.stage = Stage.STORY
        conv.question = None
        return [Reply(render("story_prompt"))]
    if conv.stage is Stage.SUBMITTED:
        return []
    question = _next_question(conv)
    if question is not None:
        conv.stage = Stage.QUESTIONS
        return _ask(conv, question)
    return _review(conv, ctx)


def _review(conv: Conversation, ctx: Context) -> list[Reply]:
    """The summary, the provisional result with its reasons, and the submit question."""
    draft = conv.draft
    assert draft is not None
    _finish_draft(conv)
    draft.threshold = threshold_result(draft, ctx.profile)
    conv.stage = Stage.REVIEW
    year = draft.application_date.year
    lines = [render("summary_intro"), *readback(draft, year)]
    if draft.hate_strands:
        lines.append(render("summary_hate", strands=strands(draft)))
    third = draft.applicant.role is ApplicantRole.THIRD_PARTY
    lines.append(render("summary_other" if third else "summary_self"))
    if conv.contact:
        lines.append(render("summary_contact", contact=conv.contact))
    if conv.risk_level is not None:
        lines.append(render("summary_risk", level=conv.risk_level.value))
    replies = [Reply("\n".join(lines)), Reply("\n".join(result_lines(draft)))]
    advice = not_met_lines(draft, ctx.profile)
    extra: tuple[tuple[str, str], ...] = ()
    if close_until(draft, ctx.profile) is not None and conv.remind_on is None:
        advice.append(render("remind_offer"))
        extra = (("button_remind", "remind me"),)
    if advice:
        replies.append(Reply("\n".join(advice)))
    return [*replies, *_ask(conv, Question(ask=Ask.SUBMIT), extra)]


#: How long before a report stops counting the reminder goes out.
REMIND_DAYS_BEFORE = 14


def _remind(conv: Conversation, ctx: Context, at: datetime) -> list[Reply] | None:
    """Note the reminder the person asked for; None when there is nothing to remind of."""
    draft = conv.draft
    assert draft is not None
    until = close_until(draft, ctx.profile)
    if until is None:
        return None
    today = answers.day_of(at)
    conv.remind_on = max(until - timedelta(days=REMIND_DAYS_BEFORE), today + timedelta(days=1))
    conv.remind_until = until
    text = render("remind_ok", day=format_day(conv.remind_on), until=format_day(until))
    return [Reply(text), *_ask(conv, Question(ask=Ask.SUBMIT))]


def reminder(conv: Conversation) -> Turn:
    """The reminder the person asked for, now due; it is sent once (``remind_on`` cleared)."""
    conv = conv.model_copy(deep=True)
    until = conv.remind_until
    conv.remind_on = None
    conv.remind_until = None
    if until is None:
        return Turn([], conv)
    return Turn([Reply(render("reminder", until=format_day(until)))], conv)


def _finish_draft(conv: Conversation) -> None:
    """Carry the answers that are not incident facts into the draft."""
    draft = conv.draft
    assert draft is not None
    if conv.share_consent is None:
        consent = Consent.NOT_STATED
    elif conv.share_consent and conv.third_party_consent is not False:
        consent = Consent.GIVEN
    else:
        consent = Consent.REFUSED
    draft.consent = consent
    profile_flags = [flag for item, flag in _RISK_FLAGS.items() if conv.risk_answers.get(item)]
    draft.risk_flags = list(dict.fromkeys([*draft.risk_flags, *profile_flags]))


def _score(conv: Conversation, ctx: Context) -> RiskLevel:
    cut = ctx.profile.risk_assessment
    score = sum(cut.points(name) for name, yes in conv.risk_answers.items() if yes)
    if conv.urgent or score >= cut.high:
        return RiskLevel.HIGH
    if score >= cut.medium:
        return RiskLevel.MEDIUM
    return RiskLevel.STANDARD


def _answer(
    conv: Conversation, text: str, at: datetime, ctx: Context, replies: list[Reply]
) -> Turn:
    """An answer to the waiting question, read in its context."""
    question = conv.question
    draft = conv.draft
    if question is None or draft is None:
        return _story(conv, Event(EventKind.TEXT, text, at, conv.chat_id), ctx, replies)
    if question.ask is Ask.SUBMIT:
        return _review_answer(conv, text, at, ctx, replies)
    if answers.which_incident(text, len(draft.incidents)) is not None and _correct(draft, text, at):
        return Turn([*replies, Reply(render("correction_done")), *_continue(conv, ctx)], conv)
    again = apply(conv, question, draft, text, at)
    if again is not None:
        if len(text.split()) >= 8:  # not an answer: more of the story
            return _story(conv, Event(EventKind.TEXT, text, at, conv.chat_id), ctx, replies)
        return Turn([*replies, Reply(render(again)), *_ask(conv, question)], conv)
    if conv.adding:
        return Turn([*replies, Reply(render("add_prompt"))], conv)
    if question.ask is Ask.RISK:
        conv.risk_level = _score(conv, ctx)
    return Turn([*replies, *_continue(conv, ctx)], conv)


def _review_answer(
    conv: Conversation, text: str, at: datetime, ctx: Context, replies: list[Reply]
) -> Turn:
    draft = conv.draft
    assert draft is not None
    if _correct(draft, text, at):
        return Turn([*replies, Reply(render("correction_done")), *_continue(conv, ctx)], conv)
    if _REMIND.search(text):
        noted = _remind(conv, ctx, at)
        if noted is not None:
            return Turn([*replies, *noted], conv)
    if _SUBMIT.search(text):
        _finish_draft(conv)
        draft.received_at = at
        draft.threshold = threshold_result(draft, ctx.profile)
        conv.question = None
        return Turn(replies, conv, submit=True)
    role = answers.applicant_role(text)
    if (
        role is not None
        and role is not draft.applicant.role
        and re.search(r"\b(?:for|on behalf)\b", text, re.I)
        and len(text.split()) < 12
    ):
        # "It's for my neighbour": who is applying was read from the story, so it can be fixed.
        draft.applicant.role = role
        conv.settled = [key for key in conv.settled if key != "third_party_consent"]
        return Turn([*replies, Reply(render("correction_done")), *_continue(conv, ctx)], conv)
    if _ADD.search(text) and len(text.split()) < 8:
        conv.adding = True
        conv.question = Question(ask=Ask.MORE)
        return Turn([*replies, Reply(render("add_prompt"))], conv)
    if len(text.split()) >= 8:
        return _story(conv, Event(EventKind.TEXT, text, at, conv.chat_id), ctx, replies)
    return Turn(
        [*replies, Reply(render("correction_unknown")), *_ask(conv, Question(ask=Ask.SUBMIT))], conv
    )


def _correct(draft: Draft, text: str, at: datetime) -> bool:
    """Apply a correction to one incident ("the second one was the 14th"); True if applied."""
    index = answers.which_incident(text, len(draft.incidents))
    if index is None:
        if len(draft.incidents) == 1 and re.match(r"^\s*(?:it|that) (?:was|happened)", text, re.I):
            index = 0
        else:
            return False
    incident = draft.incidents[index]
    if _REMOVE.search(text):
        del draft.incidents[index]
        return True
    changed = False
    if _NOT_REPORTED.search(text):
        incident.reported = False
        incident.agencies = []
        changed = True
    else:
        told = answers.agencies(text)
        if told and re.search(r"\b(?:report|told|rang|called|phoned)", text, re.I):
            incident.reported = True
            incident.agencies = told
            changed = True
    day = answers.date_in_correction(text, at)
    if day is not None:
        incident.occurred = day
        changed = True
    return changed


def submitted(conv: Conversation, reference: str, application_id: int, at: datetime) -> Turn:
    """The turn after the application was saved for officers: the reference and next steps."""
    conv = conv.model_copy(deep=True)
    day = answers.day_of(at)
    conv.stage = Stage.SUBMITTED
    conv.reference = reference
    conv.application_id = application_id
    conv.submitted_on = day
    conv.question = None
    due = due_date("acknowledge", day)
    replies = [
        Reply(render("submitted", reference=reference, due=f"{due:%A} {format_day(due)}")),
        Reply(render("next_steps")),
    ]
    return Turn(replies, conv)


# --- Commands ----------------------------------------------------------------------------


def _command(conv: Conversation, ctx: Context, name: str) -> Turn:
    if name == "start":
        if conv.draft is None or conv.stage is Stage.SUBMITTED:
            if conv.stage is Stage.NEW:
                conv.stage = Stage.STORY
            return Turn([Reply(render("welcome"))], conv)
        return Turn([Reply(render("welcome_back")), *_repeat(conv, ctx)], conv)
    if name == "help":
        return Turn([Reply(render("help")), *_repeat(conv, ctx)], conv)
    if name == "cancel":
        return Turn([Reply(render("cancelled"))], conv)
    if name == "status":
        if conv.stage is Stage.SUBMITTED and conv.reference and conv.submitted_on:
            due = due_date("acknowledge", conv.submitted_on)
            text = render(
                "status_submitted",
                reference=conv.reference,
                day=format_day(conv.submitted_on),
                due=f"{due:%A} {format_day(due)}",
            )
            return Turn([Reply(text)], conv)
        if conv.draft is None:
            return Turn([Reply(render("status_none"))], conv)
        text = render("status_draft", count=len(conv.draft.incidents))
        return Turn([Reply(text), *_repeat(conv, ctx)], conv)
    if name == "delete":
        if conv.stage is Stage.SUBMITTED:
            return Turn(
                [
                    Reply(
                        render(
                            "delete_after_submit",
                            reference=conv.reference,
                            contact=contacts(ctx.profile),
                        )
                    )
                ],
                conv,
            )
        if conv.draft is None:
            return Turn(
                [Reply(render("nothing_to_delete"))], Conversation(chat_id=conv.chat_id), erase=True
            )
        return Turn([Reply(render("deleted"))], Conversation(chat_id=conv.chat_id), erase=True)
    return Turn([Reply(render("help"))], conv)


def _repeat(conv: Conversation, ctx: Context) -> list[Reply]:
    """The waiting question again (a new number, so older buttons go stale)."""
    if conv.question is None or conv.draft is None:
        return _continue(conv, ctx)
    return _ask(conv, conv.question)
