"""nlp.parties and nlp.exclusions, seventh round: a name kept from the police or the council is
anonymity (an exclusion), not a refusal to share; details kept from a landlord still refuse."""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.parties import PartyText, answer_cues, decide_parties_for_texts
from trigger.vocabulary import Consent
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


def consent(text: str) -> Consent:
    return decide_parties_for_texts(
        [PartyText(text, SegmentKind.BODY)], sender=Person("Sam Reed")
    ).consent


NAME_KEPT_FROM_AGENCIES = [
    "I don't want my name going to the police or the council.",
    "i dont want my name going to the police",
    "We do not want our names passed to the council, we have to live here.",
    "Mum doesn't want her name given to the police.",
    "Nobody wants their name going to the council round here.",
    "I don't want my name sent to Durham Police, they'd find out.",
    "Please leave my name off it.",
    "leave my name off the form pls",
    "anonymous or nothing sorry",
    "Anon or forget it, they know where I live.",
]


@pytest.mark.parametrize("text", NAME_KEPT_FROM_AGENCIES)
def test_a_name_kept_from_the_agencies_is_anonymity(text: str) -> None:
    assert E.ANONYMOUS in excluded(text)


@pytest.mark.parametrize("text", NAME_KEPT_FROM_AGENCIES[:6])
def test_a_name_kept_from_the_agencies_is_no_refusal_to_share(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # details, or a landlord: sharing refused, no anonymity
        ("I don't want my details passed to the council.", Consent.REFUSED),
        ("I don't want my name passed to the letting agent.", Consent.REFUSED),
        ("I don't want my information going to my landlord.", Consent.REFUSED),
        ("Keep me anonymous. Don't send anything with my name on to the police.", Consent.REFUSED),
        ("I'm happy for my name to go to the police and the council.", Consent.GIVEN),
    ],
)
def test_details_or_a_landlord_still_decide_consent(text: str, expected: Consent) -> None:
    assert consent(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't want my name passed to the letting agent under any circumstances.",
        "Leave my name off it when you speak to the neighbours.",
        "They left the bins off the list again.",
        "My name is on the tenancy and I've reported it to the police.",
    ],
)
def test_controls_are_no_anonymity(text: str) -> None:
    assert E.ANONYMOUS not in excluded(text)


def test_a_chat_answer_keeping_the_name_from_the_agencies_is_no_refusal() -> None:
    prompt = (
        "We need your name, which we share with the police and the council. "
        "Are you happy for us to share your details?"
    )
    assert answer_cues("No sorry. I don't want my name going to the police.", prompt) == []
    assert answer_cues("No sorry.", prompt)


@pytest.mark.parametrize(
    "text",
    [
        "You are not to tell the police or the council who I am.",
        "please dont tell the council who i am",
        "I'd ask you not to tell the police it was me.",
        "Do not tell anyone my name, they know people.",
    ],
)
def test_who_i_am_kept_from_the_agencies_is_no_refusal_to_share(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED


@pytest.mark.parametrize(
    "text",
    [
        "She has asked very clearly that her landlord, Medway Valley Housing, is NOT contacted.",
        "He asked that his employer is not told about any of this.",
        "Mum requested that the housing officer be not approached.",
        "I insist that my landlord is not informed.",
        "My client has asked that her GP is not contacted.",
    ],
)
def test_a_body_that_must_not_be_contacted_refuses_sharing(text: str) -> None:
    assert consent(text) is Consent.REFUSED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please do not tell the police, I am scared of him.", Consent.REFUSED),
        ("The landlord was not contacted by anyone that week.", Consent.NOT_STATED),
    ],
)
def test_controls_for_who_i_am_and_bodies_not_contacted(text: str, expected: Consent) -> None:
    assert consent(text) is expected
