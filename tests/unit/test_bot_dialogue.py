"""The dialogue as pure logic: whole conversations with the real language pipeline, no I/O."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue import Context, reminder
from bot.reading import MessageReader
from bot.state import Ask, Conversation, Question, RiskLevel, Stage
from nlp.extract import Extractor
from tests.bot_chat import Chat
from trigger.draft import DateRange, Draft, Incident, RejectedDate, Span
from trigger.profiles import get_profile
from trigger.vocabulary import Agency, ApplicantRole, Consent, RiskFlag

STORY = (
    "they smashed my window again last night, I rang 101. On 3 November John Smith kicked my "
    "door and called me a paki, I told the council the next day."
)


@pytest.fixture(scope="module")
def reader() -> MessageReader:
    return MessageReader(Extractor())


@pytest.fixture
def chat(reader: MessageReader) -> Chat:
    return Chat(Context(get_profile("hart"), reader))


def _answer_the_rest(chat: Chat, applicant: str = "just me") -> None:
    """Answer the fixed questions: for me, a phone, share yes, the risk checklist."""
    script = {
        Ask.APPLICANT: applicant,
        Ask.THIRD_PARTY_CONSENT: "yes she agrees",
        Ask.CONTACT: "07700 900123",
        Ask.SHARE: "yes",
        Ask.RISK: "1 and 2",
    }
    for _ in range(30):
        question = chat.conversation.question
        if question is None or question.ask is Ask.SUBMIT:
            return
        if question.ask in script:
            chat.say(script[question.ask])
        else:
            chat.say("not sure")
    raise AssertionError("the questions never ended")


def test_a_whole_application_from_hello_to_reference(chat: Chat) -> None:
    chat.say("/start")
    assert "in your own words" in chat.text()
    chat.say(STORY)
    text = chat.text()
    assert "3 November: The trouble at your door, and you told the council" in text
    assert "5 December: The damage to your window, and you told the police" in text
    # One question at a time: the reference of the first report.
    assert chat.conversation.question == Question(ask=Ask.REFERENCE, index=0)
    chat.say("yes it's 4521/2026")
    chat.press("No")  # the second report has no reference
    _answer_the_rest(chat)
    summary = chat.text()
    assert "Here is your request" in summary
    assert "You think this happens because of your race." in summary
    assert "looks like it meets the rules" in summary
    chat.press("Send it")
    assert chat.submitted_as is not None
    assert f"Your reference is {chat.submitted_as}" in chat.text()
    assert "Friday 11 December 2026" in chat.text()  # 5 working days after Sunday 6 December
    draft = chat.conversation.draft
    assert draft is not None
    assert draft.incidents[0].references == ["4521/2026"]
    assert draft.consent is Consent.GIVEN
    assert draft.applicant.phone == "07700900123"
    assert chat.conversation.risk_level is RiskLevel.MEDIUM
    chat.say("/status")
    assert chat.submitted_as in chat.text()


def test_nothing_sent_names_the_perpetrator_or_repeats_a_slur(chat: Chat) -> None:
    chat.say(STORY)
    _answer_the_rest(chat)
    chat.say("send")
    sent = "\n".join(reply.text for reply in chat.transcript).lower()
    assert "paki" not in sent
    assert "john" not in sent and "smith" not in sent


def test_a_correction_at_the_summary(chat: Chat) -> None:
    chat.say(STORY)
    chat.say("no")
    chat.say("no")
    _answer_the_rest(chat)
    chat.say("the second one was the 14th")
    assert "I have changed that" in chat.text()
    draft = chat.conversation.draft
    assert draft is not None
    assert draft.incidents[1].occurred == DateRange(
        start=date(2026, 11, 14), end=date(2026, 11, 14)
    )
    assert "14 November: The damage to your window" in chat.text()


def test_short_answers_are_read_in_the_context_of_the_question(chat: Chat) -> None:
    chat.say("the people upstairs had music blasting all night, I couldn't sleep")
    assert chat.conversation.question is not None
    assert chat.conversation.question.ask is Ask.WHEN
    chat.say("the 3rd")
    assert chat.conversation.question == Question(ask=Ask.REPORTED, index=0)
    chat.say("yes the council")
    draft = chat.conversation.draft
    assert draft is not None
    assert draft.incidents[0].occurred.start == date(2026, 12, 3)
    assert draft.incidents[0].agencies == [Agency.COUNCIL]
    assert chat.conversation.question == Question(ask=Ask.REPORTED_ON, index=0)
    chat.press("Same day")
    assert draft.incidents[0].reported_on is None  # the old copy: read the stored one
    assert chat.conversation.draft is not None
    assert chat.conversation.draft.incidents[0].reported_on == date(2026, 12, 3)


def test_a_neighbour_applies_for_someone_else(chat: Chat) -> None:
    chat.say(
        "I am writing for my neighbour. Her windows were smashed on 3 November and she "
        "reported it to the police the same day."
    )
    # The story says so, so "who is applying" is not asked.
    assert chat.conversation.draft is not None
    assert chat.conversation.draft.applicant.role is ApplicantRole.THIRD_PARTY
    assert "Are you asking for yourself" not in chat.text()
    _answer_the_rest(chat, applicant="for my neighbour")
    assert "Are you asking for yourself" not in "\n".join(r.text for r in chat.transcript)
    draft = chat.conversation.draft
    assert draft is not None
    assert draft.applicant.role is ApplicantRole.THIRD_PARTY
    assert "third_party_consent" in chat.conversation.settled
    assert chat.conversation.third_party_consent is True
    assert "You are asking for someone else." in "\n".join(r.text for r in chat.transcript)


def test_not_met_is_said_kindly_and_concretely(chat: Chat) -> None:
    chat.say("On 3 November they kicked my door and I rang the police the same day. ")
    _answer_the_rest(chat)
    text = chat.text()
    assert "does not meet the rules for a review yet" in text or "cannot tell yet" in text
    assert "not eligible" not in text.lower()
    assert "A review needs 3 reports made in the last 6 months." in text
    assert "counts until 3 May 2027" in text
    assert "senior officer" in text


def test_two_reports_in_six_months_are_told_how_close(chat: Chat) -> None:
    chat.say(
        "On 3 November they kicked my door and I rang the police the same day. On 20 November "
        "they played loud music all night and I told the council the next day."
    )
    _answer_the_rest(chat)
    assert "You have 2 reports that count, so you are close." in chat.text()


def test_a_reminder_is_offered_when_one_more_report_would_count(chat: Chat) -> None:
    chat.say(
        "On 3 November they kicked my door and I rang the police the same day. On 20 November "
        "they played loud music all night and I told the council the next day."
    )
    _answer_the_rest(chat)
    assert "Do you want a reminder before your first report stops counting?" in chat.text()
    chat.press("Remind me")
    assert "OK. I will remind you on 19 April 2027. Your first report counts until 3 May 2027." in (
        chat.text()
    )
    assert chat.conversation.remind_on == date(2027, 4, 19)
    due = reminder(chat.conversation)
    assert due.replies[0].text.startswith("This is the reminder you asked for.")
    assert "3 May 2027" in due.replies[0].text
    assert due.conversation.remind_on is None
    assert reminder(due.conversation).replies == []  # once


def test_immediate_danger_gets_the_numbers_first_and_flags_the_draft(chat: Chat) -> None:
    chat.say("they are outside my door right now trying to break in, please help")
    assert chat.replies[0].text.startswith("If you are in danger now, call 999.")
    assert "116 123" in chat.replies[0].text
    assert chat.turns[-1].urgent
    assert chat.conversation.urgent
    assert chat.conversation.draft is not None
    assert RiskFlag.IMMEDIATE_DANGER in chat.conversation.draft.risk_flags


def test_self_harm_gets_samaritans(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.say("I can't go on any more, I want to end it all")
    assert "Samaritans free on 116 123" in chat.replies[0].text
    assert chat.turns[-1].urgent


def test_a_question_is_answered_without_losing_the_draft(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    waiting = chat.conversation.question
    chat.say("how long will it take?")
    assert "within 5 working days" in chat.text()
    assert chat.conversation.question == waiting
    chat.say("will they know it was me?")
    assert "We do not tell the people you complain about" in chat.text()
    assert chat.conversation.draft is not None and len(chat.conversation.draft.incidents) == 1


def test_a_button_from_another_chat_is_refused(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    before = chat.conversation.model_copy(deep=True)
    from bot.dialogue import step
    from bot.state import Event, EventKind

    asked = chat.conversation.asked
    turn = step(
        chat.conversation,
        Event(EventKind.PRESS, f"9999:{asked}:no", chat.at, chat.conversation.chat_id),
        chat.ctx,
    )
    assert [r.text for r in turn.replies] == ["Sorry, that button is not for this chat."]
    assert turn.conversation.draft == before.draft


def test_an_old_button_is_stale(chat: Chat) -> None:
    chat.say("the music upstairs was loud")
    old = chat.replies[-1]
    chat.say("not sure")
    from bot.dialogue import step
    from bot.state import Event, EventKind

    data = old.buttons[0][0].data
    turn = step(chat.conversation, Event(EventKind.PRESS, data, chat.at, "1001"), chat.ctx)
    assert turn.replies[0].text.startswith("That button is from an old question")


def test_delete_erases_an_unsubmitted_draft(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.say("/delete")
    assert chat.turns[-1].erase
    assert chat.conversation == Conversation(chat_id="1001")
    chat.say("/status")
    assert "You have not started yet" in chat.text()


def test_a_date_set_aside_is_asked_about(chat: Chat) -> None:
    draft = Draft(
        received_at=chat.at,
        incidents=[Incident(occurred=DateRange(start=date(2026, 11, 3), end=date(2026, 11, 3)))],
        rejected_dates=[
            RejectedDate(
                phrase="9 May",
                span=Span(start=0, end=5),
                occurred=DateRange(start=date(2026, 5, 9), end=date(2026, 5, 9)),
                rule="court_hearing",
                reason="in a sentence about a court hearing",
            )
        ],
    )
    chat.conversation = Conversation(chat_id="1001", stage=Stage.QUESTIONS, draft=draft)
    chat.say("/start")
    assert "You also said 9 May. Did something happen to you that day?" in chat.text()
    chat.press("Yes")
    assert chat.conversation.draft is not None
    assert len(chat.conversation.draft.incidents) == 2


def test_the_risk_checklist_is_scored_with_the_profiles_cut_offs(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window and I rang the police the same day.")
    for _ in range(10):
        question = chat.conversation.question
        assert question is not None
        if question.ask is Ask.RISK:
            break
        chat.say({Ask.CONTACT: "me@example.org", Ask.APPLICANT: "me"}.get(question.ask, "no"))
    assert "1. This has hurt my health or my sleep." in chat.text()
    chat.say("I feel scared and unsafe, and the kids can't sleep")
    assert chat.conversation.risk_answers == {
        "health_sleep": True,
        "unsafe_home": True,
        "targeted": False,
        "children": True,
        "vulnerable": False,
    }
    assert chat.conversation.risk_level is RiskLevel.HIGH  # 1 + 2 + 1 = 4: the high cut-off
    draft = chat.conversation.draft
    assert draft is not None and RiskFlag.CHILD_AT_RISK in draft.risk_flags


def test_one_answer_tells_who_when_and_the_reference(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    assert chat.conversation.question == Question(ask=Ask.REPORTED, index=0)
    assert "tell me who, when, and any reference number" in chat.text()
    chat.say("yes, the police on 4 November, the crime number is 4521/26")
    draft = chat.conversation.draft
    assert draft is not None
    incident = draft.incidents[0]
    assert incident.reported is True
    assert incident.agencies == [Agency.POLICE]
    assert incident.reported_on == date(2026, 11, 4)
    assert incident.references == ["4521/26"]
    # Who is applying came from the story ("my window"): next is contact and sharing.
    assert chat.conversation.question == Question(ask=Ask.CONTACT)


def test_a_full_answer_without_a_reference_means_there_is_none(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.say("yes I rang the council the same day")
    assert chat.conversation.draft is not None
    incident = chat.conversation.draft.incidents[0]
    assert incident.agencies == [Agency.COUNCIL]
    assert incident.reported_on == date(2026, 11, 3)
    assert incident.references == []
    assert "reference:0" in chat.conversation.settled
    assert chat.conversation.question == Question(ask=Ask.CONTACT)


def test_a_short_answer_gets_one_question_for_the_rest(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.press("Yes")
    assert chat.conversation.question == Question(ask=Ask.WHO, index=0)
    chat.say("the police")
    assert chat.conversation.question == Question(ask=Ask.REPORTED_ON, index=0)
    assert "If you have a reference number, send that too." in chat.text()
    chat.say("5 November, no reference")
    assert chat.conversation.draft is not None
    incident = chat.conversation.draft.incidents[0]
    assert incident.reported_on == date(2026, 11, 5)
    assert incident.references == []
    assert chat.conversation.question == Question(ask=Ask.CONTACT)


def test_the_reference_is_asked_when_the_story_told_the_rest(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window and I rang the police the same day.")
    assert chat.conversation.question == Question(ask=Ask.REFERENCE, index=0)
    chat.press("No")
    assert chat.conversation.question == Question(ask=Ask.CONTACT)


def test_contact_and_consent_to_share_in_one_answer(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.say("no")
    assert chat.conversation.question == Question(ask=Ask.CONTACT)
    assert "Can we also share what you tell us" in chat.text()
    chat.say("07700 900123, yes that's fine")
    assert chat.conversation.contact == "07700900123"
    assert chat.conversation.share_consent is True
    assert chat.conversation.question == Question(ask=Ask.RISK)


def test_a_bare_no_to_contact_and_sharing_is_asked_again(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    chat.say("no")
    chat.say("no")
    assert "say yes or no to sharing" in chat.text()
    assert chat.conversation.share_consent is None
    chat.press("Do not share it")
    assert chat.conversation.share_consent is False
    assert chat.conversation.question == Question(ask=Ask.CONTACT)
    assert "Can we also share" not in chat.text()
    chat.say("me@example.org")
    assert chat.conversation.contact == "me@example.org"
    assert chat.conversation.question == Question(ask=Ask.RISK)


def test_a_phone_number_in_the_story_is_not_asked_for_again(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window. Call me on 07700 900123.")
    chat.say("no")
    assert chat.conversation.contact == "07700900123"
    assert chat.conversation.question == Question(ask=Ask.SHARE)


def test_who_is_applying_is_asked_when_the_story_names_someone_else(chat: Chat) -> None:
    chat.say("On 3 November my neighbour's son smashed my window.")
    chat.say("no")
    assert chat.conversation.question == Question(ask=Ask.APPLICANT)


def test_who_is_applying_can_be_corrected_at_the_summary(chat: Chat) -> None:
    chat.say("On 3 November they smashed my window.")
    _answer_the_rest(chat)
    assert "You are asking for yourself." in chat.text()
    chat.say("it's for my mum")
    assert chat.conversation.draft is not None
    assert chat.conversation.draft.applicant.role is ApplicantRole.THIRD_PARTY
    assert chat.conversation.question == Question(ask=Ask.THIRD_PARTY_CONSENT)
    _answer_the_rest(chat)
    assert "You are asking for someone else." in chat.text()
