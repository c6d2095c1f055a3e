"""nlp.hate: causes found on first-contact text (round 10), each tested as a family of phrasings
of our own, with near-misses that must not change.

- An old person's walking frame or stick knocked over, in an account of ageist abuse ("old git",
  "because I'm old"), is part of the age abused, not a disability strand of its own; so is
  "people her age should be put down". Told with a racist slur, a kicked wheelchair keeps its own
  disability strand; told alone, it still shows disability hostility.
- "I don't think that one was about his disability" disclaims the incident just told, not the
  whole account: the strand an earlier incident showed stays.
"""

from __future__ import annotations

import pytest

from nlp.hate import hate_strands
from trigger.vocabulary import HateStrand as H


@pytest.mark.parametrize(
    "text",
    [
        "They shout old git at me every day. Last week one of them knocked my walking frame over.",
        "The youths call her granny and dinosaur and tell her to hurry up and die. On Friday they"
        " kicked her walking stick away.",
        "They pick on my grandad because he is old. One lad pushed his zimmer frame over.",
        "They called my nan an old bag and said people her age should be put down.",
        "They said pensioners like me should be put down, and they pick on me because I'm old.",
    ],
)
def test_a_walking_aid_or_put_down_goes_with_the_age_abused(text: str) -> None:
    found = hate_strands(text)
    assert H.AGE in found
    assert H.DISABILITY not in found


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # another strand shown by a slur: the kicked wheelchair is a hostility of its own
        (
            "He called me a f*cking p*ki. Another night he kicked my wheelchair over.",
            {H.RACE, H.DISABILITY},
        ),
        # the act alone
        ("Two lads knocked my walking frame over outside the shop.", {H.DISABILITY}),
        # disability stated besides age
        (
            "They call me an old git and pick on me because I'm disabled. They kicked my walking"
            " stick away.",
            {H.AGE, H.DISABILITY},
        ),
    ],
)
def test_a_walking_aid_keeps_its_strand_otherwise(text: str, wanted: set[H]) -> None:
    assert wanted <= hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "In March they called my son a spastic in the street. In May they threw a ball at our"
        " window. I don't think that one was about his disability, kids are kids.",
        "The man opposite shouted that we are dirty immigrants. Later he blocked our drive. I don't"
        " think this one was about us being Romanian, he blocks everyone.",
    ],
)
def test_a_disclaimer_of_one_incident_keeps_the_others(text: str) -> None:
    assert hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday they kicked my ramp and ran. I don't think that one was about my disability.",
        "On Monday a lad knocked my walking frame over. I don't think that time was about my"
        " disability, he was drunk.",
    ],
)
def test_a_disclaimer_of_one_incident_removes_its_strand(text: str) -> None:
    assert H.DISABILITY not in hate_strands(text)


def test_a_whole_account_disclaimer_still_holds() -> None:
    text = "They called me a cripple once. I don't think it's about my disability at all."
    assert H.DISABILITY not in hate_strands(text)


# - An attack whose own words show one strand ("called me a monkey and made ape noises") is not
#   given the victim's other identity too (a grandmother is not abused for her age by it).
# - "It's not a racial thing" disclaims as "it's not racial" does.
# - A faith's words shouted in mockery at its people ("shouted allahu akbar and laughed", the
#   account naming the mosque) show religious hostility; the faithful saying them do not.


def test_an_attack_showing_its_own_strand_is_not_given_the_victims_age() -> None:
    text = (
        "I'm 71 and I look after my grandchildren. The man over the road called me a monkey and"
        " made ape noises at me."
    )
    assert hate_strands(text) == {H.RACE}


@pytest.mark.parametrize(
    "text",
    [
        "They are Somali lads and so am I, it's not a racial thing, they are just bored.",
        "it wasn't a religious thing, he shouts at the whole street",
    ],
)
def test_not_a_strand_thing_disclaims(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "We are Muslim. The youths outside the mosque shouted allahu akbar at us and laughed.",
        "My wife wears a hijab. On Friday the boys next door chanted inshallah at her and ran.",
    ],
)
def test_a_faiths_words_shouted_in_mockery(text: str) -> None:
    assert H.RELIGION in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the mosque we shouted allahu akbar together at the end of prayers.",
        "The lads shouted allahu akbar and laughed.",  # no faith named anywhere
    ],
)
def test_a_faiths_words_said_by_the_faithful_or_without_context(text: str) -> None:
    assert H.RELIGION not in hate_strands(text)
