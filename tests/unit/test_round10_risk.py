"""nlp.risk: causes found on first-contact text (round 10), each tested as a family of phrasings
of our own, with near-misses that must not fire.

- "People like you should be put down" likens a group to animals: an insult, no threat of
  violence; "... and they'd do it themselves" makes it one.
- A child scared "of the men on the stairs now" is a frightened child, not someone at the door now.
- "Tonight there are twenty lads outside shouting and one has a knife" is danger now.
- A carer's or support worker's client is the victim: "I'm a carer for a lady who has dementia",
  "Mr X has post-traumatic stress disorder" are the victim's vulnerability.
- "They pick on me because I'm an old man" states the hate motive, not frailty.
- "He'll finish the job" is a threat like "he will finish the job"; "attacked him with a chain in
  the car park" is a weapon used on a person, not damage to a car.
- "Somebody was stabbed on the landing" is serious violence where the victim lives.
"""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags
from trigger.vocabulary import RiskFlag as R


@pytest.mark.parametrize(
    "text",
    [
        "they shouted that old biddies like me should be put down",
        "he said disabled people like my brother ought to be put down like dogs",
    ],
)
def test_put_down_said_of_a_group_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "she said wrinklies like me should be put down and she would happily do it herself",
        "he told me I should be dead and he'd see to it personally",
    ],
)
def test_a_wish_of_death_they_offer_to_carry_out_is_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


def test_a_wish_about_a_pet_carried_out_is_no_threat_to_a_person() -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(
        "the vet said the old cat should be put down and she would do it herself"
    )


@pytest.mark.parametrize(
    "text",
    [
        "My girl is 6 and she's terrified of the lads on the landing now.",
        "he is frightened of the youths outside the flats now",
    ],
)
def test_a_frightened_child_is_not_danger_now(text: str) -> None:
    assert R.IMMEDIATE_DANGER not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "tonight there are about thirty lads outside shouting and one of them has a machete",
        "right now there's a gang at my front door banging and kicking",
    ],
)
def test_a_crowd_outside_now_is_danger(text: str) -> None:
    assert R.IMMEDIATE_DANGER in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "tonight there is a party outside with loud music again",
        "last night there were people outside shouting",
    ],
)
def test_a_crowd_outside_without_menace_or_in_the_past_is_not_danger(text: str) -> None:
    assert R.IMMEDIATE_DANGER not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a carer for a lady in Wigston who has Parkinson's and the lads keep knocking on her"
        " window.",
        "I'm his support worker. Mr Okafor has post-traumatic stress disorder and the noise"
        " makes it worse.",
        "my husband has post traumatic stress from his time in the army",
    ],
)
def test_a_client_or_household_condition_is_the_victims(text: str) -> None:
    assert R.VULNERABLE_ADULT in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was chatting to a lady at the bus stop who has dementia.",
        "the man next door has post-traumatic stress disorder and shouts all night",
    ],
)
def test_a_strangers_or_culprits_condition_is_not(text: str) -> None:
    assert R.VULNERABLE_ADULT not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "They only shout at me because I'm a pensioner, they leave the students alone.",
        "they do it cos she is an old woman",
    ],
)
def test_age_stated_as_the_motive_is_not_frailty(text: str) -> None:
    assert R.VULNERABLE_ADULT not in risk_flags(text)


def test_age_stated_plainly_is_still_frailty() -> None:
    assert R.VULNERABLE_ADULT in risk_flags("I'm an old woman and I live on my own.")


@pytest.mark.parametrize(
    "text",
    [
        "Since then he has told my dad he'll finish the job.",
        "In June the lad from no. 4 attacked my son with a chain in the car park.",
        "There was a fight on our landing and somebody was stabbed in the leg.",
        "a lad got stabbed outside the shop on our road",
    ],
)
def test_threats_and_violence_in_other_words(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "the builder says he'll finish the job on Monday",
        "they smashed my car window with a hammer in the car park",
    ],
)
def test_work_and_damage_are_not_threats(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)


# - A household child named at the top of a long account is still the "he" of its last lines
#   ("he's too scared to go to school now"), when nobody else of his gender is named between.


def test_a_child_named_far_back_is_still_the_frightened_he() -> None:
    text = (
        "My boy is 9. The older kids on the estate have been a nuisance all year. I can't remember"
        " the first time. They stood at the gate and jeered. They threw stones at the window. I"
        " told the council. In March they did it again. I rang 101. Last week they kicked the"
        " bins over. Then they egged the car. I reported it online. They sprayed paint on the"
        " fence too. He's too scared to go to school now."
    )
    assert R.CHILD_AT_RISK in risk_flags(text)


def test_a_man_named_after_the_child_takes_the_he() -> None:
    text = (
        "My boy is 9. The older kids on the estate have been a nuisance all year. I can't remember"
        " the first time. They stood at the gate and jeered. They threw stones at the window. I"
        " told the council. In March they did it again. I rang 101. Last week the man at number 4"
        " shouted at them. Then they egged the car. I reported it online. They sprayed paint on"
        " the fence too. He's too scared to go out now."
    )
    assert R.CHILD_AT_RISK not in risk_flags(text)


# - A child a vehicle "missed by inches" was put in danger, whoever's child it is.


@pytest.mark.parametrize(
    "text",
    [
        "one of the quad bikes shot across the green and missed a little girl by inches",
        "the van mounted the kerb and just missed my son by a few inches",
    ],
)
def test_a_child_missed_by_inches_is_at_risk(text: str) -> None:
    assert R.CHILD_AT_RISK in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "the football missed the boy next door by a mile",
        "I missed the kids by minutes, they had already left for school",
    ],
)
def test_missed_by_a_mile_or_minutes_is_not(text: str) -> None:
    assert R.CHILD_AT_RISK not in risk_flags(text)
