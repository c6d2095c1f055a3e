"""nlp.parties and nlp.exclusions: causes found on first-contact text (corpora N, O, P), tested
on sentences of our own.

- A request aimed at a member of staff ("complain about PC Morley", "it's the officer I'm
  complaining about", "how Northgate Housing have treated me") once the behaviour has ended is
  a service complaint; the same words beside persisting behaviour are not.
- A CPS decision the writer says they are "after", or asks someone to look at, is a CPS decision.
"""

from __future__ import annotations

import pytest

from nlp.exclusions import find_exclusions
from trigger.vocabulary import Exclusion as E


def exclusions(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain about PC Morley, he was rude to me. The family upstairs moved out in"
        " May so that's over now.",
        "The neighbours have gone since March, it's been quiet. It's the officer I'm complaining"
        " about, not them.",
        "I want to raise how Northgate Housing have treated me. The lads who caused it were"
        " rehoused last year and it has stopped.",
        "They moved away in the spring, it's fine now. Her attitude is what I want looked at.",
        "the lad at 6 got evicted so no more trouble. my problem is the housing officer, she"
        " laughed at me",
    ],
)
def test_a_request_aimed_at_staff_after_the_behaviour_ended_is_a_service_complaint(
    text: str,
) -> None:
    assert E.SERVICE_COMPLAINT in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain about the lads next door, they play music every night and it's still"
        " going on.",
        "How the neighbours have treated me is awful, they still shout at me every day.",
        "I complained about the officer but the noise is still going on every weekend.",
        "My problem is the officer said he would come back and the shouting is still going on"
        " every night.",
    ],
)
def test_staff_words_beside_persisting_behaviour_or_aimed_at_neighbours_are_no_service_complaint(
    text: str,
) -> None:
    assert E.SERVICE_COMPLAINT not in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing has happened since june. its the CPS decision im after",
        "He has kept away. The CPS said no. It is the decision I am asking about.",
        "The Crown Prosecution Service would not charge him and I want someone looking into that"
        " decision.",
    ],
)
def test_a_cps_decision_the_writer_is_after_is_a_cps_decision(text: str) -> None:
    assert E.CPS_DECISION in exclusions(text)


@pytest.mark.parametrize(
    "text",
    [
        "The CPS charged him and he is in court next month. The noise carries on every night.",
        "The police passed it to the CPS. What I am after is for the shouting to stop.",
    ],
)
def test_a_cps_mention_without_a_request_about_its_decision_is_no_exclusion(text: str) -> None:
    assert E.CPS_DECISION not in exclusions(text)
