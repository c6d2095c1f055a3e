"""nlp.hate: causes found on first-contact text (corpus AD), each tested as a family of phrasings of
our own, with controls that must not change.

- "Bent" is a homophobic slur with an innocent sense (crooked, not straight): it counts only where
  the text shows it used as abuse (called, shouted, written, disguised as "B3NT"), never before
  "copper", "landlord" or in "as bent as they come".
- "Roma" (and "Romany", "Romani") is an identity adjective of race as "Romanian" is: "Roma scum",
  "dirty Roma".
- A group told with where or how its members live ("women living on their own round here",
  "girls on this street", "Muslims in this town") takes the same hostile predicates as the bare
  group ("should know their place", "need a good slap", "should be deported").
- "Go back to where you came from" is read as race only when no group is named in the same words:
  "Muslims should go back to where they came from" attacks a faith (religion, not race too).
"""

from __future__ import annotations

import pytest

from nlp.hate import hate_strands
from trigger.vocabulary import HateStrand as H


@pytest.mark.parametrize(
    "text",
    [
        "Someone wrote B3NT in marker on my front door. I'm gay and I live on my own.",
        "they sprayed BENT across my garage door",
        "He called me bent in front of the whole street.",
        "the lads shouted bent at me and my partner when we got out the car",
        "Dear Sir, the words 'bent' and 'pervert' were scratched into my car.",
        "some1 wrote b.e.n.t on my bins",
    ],
)
def test_bent_used_as_abuse_is_sexual_orientation(text: str) -> None:
    assert H.SEXUAL_ORIENTATION in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "He called me a bent copper for reporting him.",
        "That landlord is as bent as they come.",
        "The lads bent the railings outside my house.",
        "He bent my gate back and laughed.",
        "The council officer is bent, he's mates with them.",
        "I went to the shop and he sent me a text about the rent.",
    ],
)
def test_bent_in_its_other_senses_is_no_hate(text: str) -> None:
    assert H.SEXUAL_ORIENTATION not in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday they wrote ROMA SCUM in paint on my door.",
        "she shouted at me you dirty roma get out",
        "They called my boys romany scum at the bus stop.",
        "He calls us dirty romani every time we pass.",
        "they sprayed roma scum on the fence",
        "His text said roma scum go home.",
    ],
)
def test_roma_abused_is_race(text: str) -> None:
    assert H.RACE in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "I went to Roma restaurant with my mum for her birthday.",
        "The Roma family next door play music all night.",
        "My partner supports Roma and shouts at the telly.",
    ],
)
def test_roma_named_without_abuse_is_no_hate(text: str) -> None:
    assert H.RACE not in hate_strands(text)


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("he said women living on their own round here should know their place", H.SEX),
        ("he says women round here need to know their place", H.SEX),
        ("he told me girls on this street need a good slap", H.SEX),
        ("he said women who live alone need teaching a lesson", H.SEX),
        ("muslims in this town should be deported he said", H.RELIGION),
        ("Dear Sir, he shouted that immigrants from the flats should be sent back.", H.RACE),
    ],
)
def test_a_group_with_where_it_lives_takes_the_hostile_predicate(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "The women on our street have been really kind and know their neighbours.",
        "Girls from the school walk past at half three every day.",
        "Muslims in this town have been nothing but good to us.",
    ],
)
def test_a_group_with_where_it_lives_and_no_hostility_is_no_hate(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "he pulled at my hijab and said Muslims should go back to where they came from.",
        "She shouted that muslims should go back where they came from.",
        "the lads said all muslims should go back to where they come from",
        "Dear Sir, the neighbour stated that Muslims should go back to their own country.",
    ],
)
def test_a_faith_told_to_go_back_is_religion_not_race(text: str) -> None:
    assert hate_strands(text) == {H.RELIGION}


@pytest.mark.parametrize(
    ("text", "strands"),
    [
        ("he said go back to where you came from", {H.RACE}),
        ("he said pakis and muslims should go back to where they came from", {H.RACE, H.RELIGION}),
        ("he said you polish should go back to where you came from", {H.RACE}),
    ],
)
def test_go_back_with_no_other_group_stays_race(text: str, strands: set[H]) -> None:
    assert hate_strands(text) == strands
