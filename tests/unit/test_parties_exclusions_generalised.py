"""nlp.parties and nlp.exclusions: causes found on first-contact text (corpus L), tested on
sentences of our own.

- A writer who stays anonymous and asks that nothing go anywhere with their details, or that
  nobody know it is them, asks not to be identified: no consent refusal (consent not stated).
- A care worker names the person their carers visit: that person is the victim.
- A request only about how reports were handled (never called back, a call handler who laughed,
  nobody followed it up, how we were treated) once the behaviour ended is a service complaint.
"""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import PartyText, decide_parties_for_texts
from trigger.vocabulary import Consent
from trigger.vocabulary import Exclusion as E


def parties_of(text: str) -> object:
    return decide_parties_for_texts([PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed"))


def consent(text: str) -> Consent:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed")
    ).consent


@pytest.mark.parametrize(
    "text",
    [
        "I want to stay anonymous. Please don't pass anything on with my details.",
        "I'm not giving you my name. I don't want the housing or the police knowing it's me.",
        "can i do this anonymously? dont want the council finding out who i am",
        "I'd like to remain anonymous and I do not want anything sent on with my name on it.",
    ],
)
def test_staying_anonymous_is_no_consent_refusal(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED


@pytest.mark.parametrize(
    "text",
    [
        # a refusal to share, not about being identified
        "I want to stay anonymous to the neighbours, and I don't consent to sharing this with "
        "the police.",
        "Please do not pass anything on to the landlord.",
        # no anonymity: keeping details back is a refusal
        "Please don't pass anything on with my details to the housing association.",
    ],
)
def test_a_refusal_to_share_is_still_refused(text: str) -> None:
    assert consent(text) is Consent.REFUSED


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "I manage a home care team. Our carers visit Mrs Edna Pollard, who is 91, three times "
            "a day. She asked me to write to you.",
            "Edna Pollard",
        ),
        (
            "We care for Mr Tomasz Nowak at his flat on Deansgate. He asked me to email you.",
            "Tomasz Nowak",
        ),
        (
            "I work with Leanne Booth, who has a learning disability. I am writing on her behalf.",
            "Leanne Booth",
        ),
    ],
)
def test_the_person_a_care_worker_visits_is_the_victim(text: str, name: str) -> None:
    victim = parties_of(text).victim_name  # type: ignore[attr-defined]
    assert victim is not None and name in victim


@pytest.mark.parametrize(
    "text",
    [
        "They moved out in March and it's been quiet since. What I want looked at is how we were "
        "treated: the housing officer never once called me back.",
        "The lads were evicted in the summer. When I rang 101 the call handler laughed at me, and "
        "nobody followed it up.",
        "He has since moved away. My complaint is how I was fobbed off; nobody ever followed any "
        "of it up.",
    ],
)
def test_only_how_reports_were_handled_after_it_ended_is_a_service_complaint(text: str) -> None:
    assert E.SERVICE_COMPLAINT in {f.label for f in find_exclusions(text)}


@pytest.mark.parametrize(
    "text",
    [
        # the behaviour goes on
        "The housing officer never once called me back and they are still shouting every night.",
        # no complaint about the service at all
        "They were evicted in July and it has been quiet since. We laughed about it at our party.",
    ],
)
def test_no_service_complaint_while_it_goes_on_or_without_one(text: str) -> None:
    assert E.SERVICE_COMPLAINT not in {f.label for f in find_exclusions(text)}


def test_anonymous_but_kept_from_named_bodies_is_a_refusal() -> None:
    text = "Keep me anonymous. Don't send anything with my name on to the police or the council."
    assert consent(text) is Consent.REFUSED
