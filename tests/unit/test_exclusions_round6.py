"""nlp.exclusions, sixth round: anonymity by not putting a name on it, a court decision "looked
again", behaviour that stopped when the family "were moved out", and a feeling that persists."""

from __future__ import annotations

import pytest

from nlp.exclusions import find_exclusions
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to put my name or address on this, they would know.",
        "i wont be putting my name on it, sorry",
        "I won't sign my name to this email because of what they'd do.",
        "Not including my real name, I have to live here.",
        "I don't want the police or the council knowing who sent it.",
        "I do not want the council finding out who wrote this.",
        "i dont want the police to know it was me",
        "We don't want anyone at the council to know who this came from.",
        "I'd like to do this without my name going to anyone.",
        "Can this be done without the police knowing who I am?",
        "i cant give u my name, they would know",
    ],
)
def test_a_writer_who_will_not_be_identified_is_anonymous(text: str) -> None:
    assert E.ANONYMOUS in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "I won't put my name on the petition, I don't sign things.",
        "Please put my name and address on the form.",
        "I don't want the neighbours knowing it was me who complained.",
        "I didn't put my name down for the residents' meeting.",
        "My name and address are at the bottom.",
        "He left without giving his name.",
        "The lads ran off without anyone knowing who they were.",
    ],
)
def test_naming_oneself_or_hiding_only_from_neighbours_is_not_anonymous(text: str) -> None:
    assert E.ANONYMOUS not in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please can the county court decision be looked again.",
        "I would like the magistrates' decision looked again, it was wrong.",
        "The judge refused the injunction, not enough evidence. I want a review of that decision.",
        "Judge say no injunction. This is not fair.",
        "The district judge said no to the order. I want review of this decision please.",
        "The court refused him a possession order, not enough evidence they said. It is not right.",
    ],
)
def test_disputing_a_courts_decision_is_a_court_decision(text: str) -> None:
    assert E.COURT_DECISION in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The court case is in March and I hope the judge gets it right.",
        "The judge gave him an injunction and it has worked, he keeps away.",
        "The police said there was not enough evidence. I want the noise looked at again.",
        "I said no to going to court. It is not fair on my kids to be dragged through it.",
    ],
)
def test_a_court_named_without_disputing_its_decision_is_no_exclusion(text: str) -> None:
    assert E.COURT_DECISION not in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        (
            "The family were moved out in June and it's been lovely and quiet since. "
            "What I want looked at is how the council treated me."
        ),
        (
            "The tenants moved out last month and it has been really quiet since. "
            "My complaint is about the officer who was rude to me."
        ),
        (
            "It's been much quieter since they were moved out. The call handler was very rude "
            "and never rang me back."
        ),
        (
            "He was moved out by the housing in the spring. I am still fuming about how the "
            "PCSO spoke to me, like I was making it up."
        ),
        (
            "Next door were rehoused in August and it has been blissfully quiet since. I'm still "
            "seething at the way my reports were handled."
        ),
    ],
)
def test_only_service_after_the_behaviour_stopped_is_a_service_complaint(text: str) -> None:
    assert E.SERVICE_COMPLAINT in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "They are still shouting every night and the officer was rude to me.",
        "I'm still fuming, they kicked my door again last night and the police never rang back.",
        "It was quiet for a week but they are still playing music and the council never rang.",
    ],
)
def test_service_with_persisting_behaviour_is_no_service_complaint(text: str) -> None:
    assert E.SERVICE_COMPLAINT not in excluded(text)
