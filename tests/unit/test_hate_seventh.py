"""nlp.hate: causes found on first-contact text (corpora AH to AK), each tested as a family of
phrasings of our own, with controls that must not change.

- "Get out of our town, foreigner": told to leave the street, town or estate *as* a foreigner or
  immigrant is race hostility (a plain "get out of our street" is a neighbour row, no strand);
  broken English drops the "of" ("get out our country").
- "Women like me should be kept at home" / "belong in the kitchen" said of a group like the
  victim is sex hostility, as "should stay at home" already was.
- Pork left on a door or car told without its auxiliary ("I found rashers of bacon hung on the
  door handle") is the religion deed that "bacon was hung on the door" already is.
- "Crip", the short form of "cripple", is a disability slur where it is used as abuse; like
  "cripple" it is ambiguous, so a plain mention ("a cot crib", "a crisp packet") gives nothing,
  and neither does the street gang ("says he is in the Crips gang").
"""

from __future__ import annotations

import pytest

from nlp.hate import hate_strands
from trigger.vocabulary import HateStrand as H


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("tonight they shout get out our town foreigner", H.RACE),
        ("he shouted get out of our street you bloody immigrants", H.RACE),
        ("she keeps saying get out of this estate, foreigners", H.RACE),
        ("they yelled clear off our road you dirty migrants", H.RACE),
        ("he told me to fuck off from our village you asylum seeker", H.RACE),
        ("he say get out our country", H.RACE),
        ("he said women like me should be kept at home", H.SEX),
        ("he told me girls like you belong in the kitchen", H.SEX),
        ("they laughed and said women like you should be in the kitchen not at work", H.SEX),
        ("I found rashers of bacon hung on the door handle of my car", H.RELIGION),
        ("we found pork smeared on the door handle this morning", H.RELIGION),
        ("there was a pig's head nailed to our gate", H.RELIGION),
        ('they stood there shouting "crip" and laughing while I tried to move it', H.DISABILITY),
        ("he called me a crip in front of the whole bus", H.DISABILITY),
        ("the lads called my son a useless crip", H.DISABILITY),
        ("they were shouting crip at me from the bus shelter", H.DISABILITY),
    ],
)
def test_hostility_in_other_words(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "they shouted get out of our street at the lads on bikes",
        "he said go out the country for a holiday if you don't like the rain",
        "pork pies left on the table by the door",
        "we bought a crisp packet and a cot crib",
        "they trip over the kerb every night",
        "the foreigner who runs the corner shop helped me carry my bags",
        "he says people like you should be kept informed",
        "the lad next door says he is in the Crips gang",
        "he told everyone he runs with a crip gang from London",
    ],
)
def test_controls_give_no_strand(text: str) -> None:
    assert hate_strands(text) == set()
