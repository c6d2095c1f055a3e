"""Round nine of issue 7: which dated events are incidents. Sentences of our own, each cause
with near-misses that must not change:

- a clause that opens with an official as its subject ("the PCSO who came out in June was
  rude", "my complaint is that the caseworker closed my case on ...") tells how the case was
  handled, not an incident; an official who is a neighbour ("the police officer next door"),
  or another conjunct telling someone's behaviour ("... after they smashed the glass") is still
  one;
- an arrangement told in the present ("she has got the
  chiropodist on the 9th", "hes coming down from York on the 25th") is still to come, not a day
  that happened; the same words in the past are not.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.pipeline import build_pipeline
from tests.unit.incident_days import incident_days


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


_GLASS = "On 3 June he smashed my greenhouse glass and I rang 101 the same day. "


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "The housing officer I rang in August never returned a single one of my calls.",
        _GLASS + "My complaint is that the caseworker closed my case twice without telling me, "
        "lost the photos I handed in at the town hall on 2 September and never rang back.",
    ],
)
def test_an_officials_handling_is_no_incident(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The police officer next door screamed abuse at me on 4 July.",
            [date(2026, 7, 4)],
        ),
        (
            "The PCSO came out on 4 July after they smashed my greenhouse glass with a brick.",
            [date(2026, 7, 4)],
        ),
        (
            "On 4 July the officer watched them smash my greenhouse glass with a brick.",
            [date(2026, 7, 4)],
        ),
    ],
)
def test_behaviour_beside_an_official_is_still_an_incident(
    nlp: Language, text: str, want: list[date]
) -> None:
    assert incident_days(nlp, text) == want


@pytest.mark.parametrize(
    "arranged",
    [
        "She has got the chiropodist on the 9th and she is dreading the walk past their house.",
        "hes coming down from York on the 25th and hes worried about his car.",
    ],
)
def test_an_arrangement_in_the_present_is_no_incident(nlp: Language, arranged: str) -> None:
    text = "On 2 November they kicked our door in and shouted abuse at Mum. " + arranged
    assert incident_days(nlp, text) == [date(2026, 11, 2)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I was coming home on the 9th when they threw stones at me.", [date(2026, 11, 9)]),
        ("They smashed my window on the 9th.", [date(2026, 11, 9)]),
    ],
)
def test_the_same_words_in_the_past_stay_incidents(
    nlp: Language, text: str, want: list[date]
) -> None:
    assert incident_days(nlp, text) == want
