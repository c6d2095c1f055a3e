"""Read-back questions for assisted intake (trigger.asking): what an officer asks a caller,
built from the threshold engine's reasons and missing facts, never naming anyone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from trigger.asking import (
    IncidentFact,
    ReadBackQuestion,
    Topic,
    bodies,
    missing_incident_facts,
    readback_questions,
)
from trigger.draft import DateRange, Draft, Incident, RejectedDate, Span
from trigger.profiles import get_profile
from trigger.vocabulary import Agency, ApplicantRole, Consent, RiskFlag

RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def day(d: date) -> DateRange:
    return DateRange(start=d, end=d)


def incident(
    on: date | None,
    reported: bool | None = True,
    reported_on: date | None = None,
    agencies: tuple[Agency, ...] = (Agency.POLICE,),
    references: tuple[str, ...] = (),
    summary: str = "",
) -> Incident:
    return Incident(
        occurred=day(on) if on else DateRange(),
        reported=reported,
        reported_on=reported_on,
        agencies=list(agencies),
        references=list(references),
        summary=summary,
    )


def draft(*incidents: Incident, **fields: object) -> Draft:
    return Draft(received_at=RECEIVED, incidents=list(incidents), **fields)  # type: ignore[arg-type]


def topics(questions: list[ReadBackQuestion]) -> list[Topic]:
    return [q.topic for q in questions]


def about(questions: list[ReadBackQuestion], index: int) -> list[ReadBackQuestion]:
    return [q for q in questions if q.incident == index]


@pytest.mark.parametrize(
    ("case", "facts"),
    [
        (incident(None, reported=None), [IncidentFact.WHEN, IncidentFact.REPORTED]),
        (
            incident(date(2026, 11, 3), agencies=()),
            [IncidentFact.WHO, IncidentFact.REPORTED_ON, IncidentFact.REFERENCE],
        ),
        (incident(date(2026, 11, 3), reported=False, agencies=()), []),
        (
            incident(date(2026, 11, 3), reported_on=date(2026, 11, 3), references=("AB1",)),
            [],
        ),
    ],
)
def test_missing_incident_facts_in_the_order_to_ask(
    case: Incident, facts: list[IncidentFact]
) -> None:
    assert missing_incident_facts(case) == facts


def test_bodies_are_named_in_plain_words() -> None:
    assert bodies([Agency.POLICE, Agency.COUNCIL, Agency.HOUSING, Agency.POLICE]) == (
        "the police, the council and your landlord"
    )
    assert bodies([]) == "someone"


def test_a_report_with_no_day_or_body_asks_which_day_and_to_whom() -> None:
    counted = [
        incident(date(2026, 10, d), reported_on=date(2026, 10, d), references=("X",))
        for d in (1, 8)
    ]
    told = draft(*counted, incident(date(2026, 11, 3), agencies=()))
    questions = readback_questions(told, get_profile("dartford"))
    (asked,) = [q for q in questions if q.topic is Topic.REPORT_DAY_AND_BODY]
    assert asked.text == "Which day did you report the incident of 3 November, and to whom?"
    assert asked.incident == 2 and asked.changes_decision  # the engine's missing facts
    alone = readback_questions(
        draft(incident(date(2026, 11, 3), agencies=())), get_profile("dartford")
    )
    (same,) = [q for q in alone if q.topic is Topic.REPORT_DAY_AND_BODY]
    assert not same.changes_decision  # one incident cannot meet the threshold whatever it says


def test_consent_asks_to_share_with_the_areas_bodies_and_risk_is_always_asked() -> None:
    questions = readback_questions(draft(), get_profile("dartford"))
    share = [q.text for q in questions if q.topic is Topic.SHARE]
    assert share == [
        "May we share your details with the police, the council and your landlord? "
        "They need them to look at your case."
    ]
    assert questions[-1].topic is Topic.RISK
    assert questions[-1].text.startswith("Is anyone in your household at risk of harm")
    assert Topic.CONTACT in topics(questions)


def test_consent_given_and_contact_known_are_not_asked_again() -> None:
    known = draft(consent=Consent.GIVEN)
    known.applicant.phone = "01234 567890"
    asked = topics(readback_questions(known, get_profile("dartford")))
    assert Topic.SHARE not in asked and Topic.CONTACT not in asked


def test_danger_is_asked_first() -> None:
    questions = readback_questions(
        draft(incident(date(2026, 11, 3)), risk_flags=[RiskFlag.IMMEDIATE_DANGER]),
        get_profile("hartlepool"),
    )
    assert questions[0].topic is Topic.RISK and "danger right now" in questions[0].text
    assert topics(questions).count(Topic.RISK) == 1


def test_each_known_incident_is_confirmed_and_one_too_old_is_marked_as_deciding() -> None:
    told = draft(
        incident(date(2026, 10, 1), reported_on=date(2026, 10, 1)),
        incident(date(2026, 10, 20), reported_on=date(2026, 10, 22), agencies=(Agency.COUNCIL,)),
        incident(date(2025, 1, 5), reported_on=date(2025, 1, 5)),
        incident(date(2026, 9, 9), reported=False, agencies=()),
    )
    questions = readback_questions(told, get_profile("hartlepool"))
    confirm = [q for q in questions if q.topic is Topic.CONFIRM_INCIDENT]
    assert [q.text for q in confirm] == [
        "You said something happened on 1 October and you reported it to the police the "
        "same day. Is that right?",
        "You said something happened on 20 October and you reported it to the council on "
        "22 October. Is that right?",
        "You said something happened on 5 January 2025 and you reported it to the police the "
        "same day. Is that right?",
        "You said something happened on 9 September and you did not report it. Is that right?",
    ]
    assert [q.changes_decision for q in confirm] == [False, False, True, True]
    assert Topic.MORE_INCIDENTS in topics(questions)  # two count; three are needed
    assert [q.topic for q in about(questions, 0)] == [Topic.CONFIRM_INCIDENT, Topic.REFERENCE]


def test_an_undated_incident_is_named_by_its_number_and_its_report_asked_about() -> None:
    questions = readback_questions(
        draft(
            incident(date(2026, 11, 1), reported_on=date(2026, 11, 1), references=("X1",)),
            incident(None, reported=None, agencies=()),
        ),
        get_profile("durham"),
    )
    second = about(questions, 1)
    assert [q.topic for q in second] == [Topic.INCIDENT_DATE, Topic.WHETHER_REPORTED]
    assert second[0].text.startswith("On what day did incident 2 happen?")
    assert Topic.HATE in topics(questions)  # durham offers the hate route


def test_a_known_report_body_with_no_day_asks_for_the_day() -> None:
    questions = readback_questions(
        draft(incident(date(2026, 11, 3), agencies=(Agency.POLICE, Agency.HOUSING))),
        get_profile("hartlepool"),
    )
    (asked,) = [q for q in questions if q.topic is Topic.REPORT_DAY]
    assert asked.text == (
        "Which day did you report the incident of 3 November to the police and your landlord?"
    )


def test_set_aside_dates_and_third_party_consent_are_asked() -> None:
    told = draft(
        incident(date(2026, 11, 3), reported_on=date(2026, 11, 3)),
        rejected_dates=[
            RejectedDate(
                phrase="2 November",
                span=Span(start=0, end=10),
                occurred=day(date(2026, 11, 2)),
                rule="court_hearing",
                reason="in a sentence about a court hearing",
            )
        ],
    )
    told.applicant.role = ApplicantRole.THIRD_PARTY
    questions = readback_questions(told, get_profile("hartlepool"))
    set_aside = [q.text for q in questions if q.topic is Topic.SET_ASIDE_DATE]
    assert set_aside == [
        "You also mentioned 2 November. Did something happen to you that day that you want "
        "to include?"
    ]
    assert Topic.THIRD_PARTY_CONSENT in topics(questions)


@pytest.mark.parametrize("policy", ["hartlepool", "durham", "dartford", "hart", "leicestershire"])
def test_no_question_names_or_quotes_the_alleged_perpetrator(policy: str) -> None:
    told = draft(
        incident(date(2026, 11, 3), agencies=(), summary="Darren Pike smashed my window"),
        incident(None, reported=None, summary="Darren Pike shouted slurs at my son"),
        incident(date(2026, 10, 1), references=("REF-9",), summary="Pike's dog attacked me"),
        risk_flags=[RiskFlag.THREAT_OF_VIOLENCE],
    )
    told.victim.name = "Pat Victim"
    for question in readback_questions(told, get_profile(policy)):
        for word in ("Darren", "Pike", "window", "slurs", "dog", "Pat", "REF-9"):
            assert word not in question.text, (word, question)
