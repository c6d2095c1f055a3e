"""nlp.exclusions and nlp.parties: causes found on corpora V, W and X, tested on sentences of our
own (each family in several registers: a letter, a caseworker's note, text-speak, voice-to-text),
with controls that must not change.

- A CPS or court decision told in one sentence and disputed a few sentences later by words that
  point back at it ("... but I cannot accept that decision") is the exclusion; a request for the
  case review in general is not.
"""

from __future__ import annotations

import pytest

from nlp.exclusions import find_exclusions
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


DISPUTED_LATER = [
    (
        "The CPS wrote to me last week to say they would not charge him. I was shocked. Things "
        "have been quiet since. But I cannot accept that decision and want it looked at again.",
        E.CPS_DECISION,
    ),
    (
        "The Crown Prosecution Service decided to take no further action. My family were "
        "devastated. We can't accept the decision.",
        E.CPS_DECISION,
    ),
    (
        "Mr Hale was told in March that the CPS would not prosecute. He has had no trouble since "
        "then. However, he does not accept that decision and has asked me to raise it.",
        E.CPS_DECISION,
    ),
    (
        "cps wont charge him, had the letter tues. hes been quiet since tbf. cant accept that "
        "decision tho",
        E.CPS_DECISION,
    ),
    (
        "Applicant advised by CPS on 03/10 that the case is discontinued. Applicant distressed. "
        "Applicant wishes the decision to be reviewed.",
        E.CPS_DECISION,
    ),
    (
        "The crown prosecution service said they would not be charging him. We had the footage "
        "the whole time. Honestly. I want somebody to review their decision.",
        E.CPS_DECISION,
    ),
    (
        "The magistrates gave him a fine in September. He moved away after that. I still cannot "
        "accept the ruling and want it reviewed.",
        E.COURT_DECISION,
    ),
]


@pytest.mark.parametrize(("text", "exclusion"), DISPUTED_LATER)
def test_a_decision_disputed_a_few_sentences_later_is_the_exclusion(
    text: str, exclusion: E
) -> None:
    assert exclusion in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        # a review of the case in general, not of the decision
        "The CPS decided not to charge him. That was in May. The noise has carried on every "
        "night and I would like a case review.",
        # the decision accepted
        "The CPS decided not to charge him. It was a while ago. Anyway, I accept that decision.",
        # another body's decision
        "The CPS decided not to prosecute last year. Since then he has started again. I want the "
        "council's decision to close my case reviewed.",
        "The CPS dropped the case. He moved out. I would like you to review the way the police "
        "handled my reports.",
        # a decision to charge, and a dispute of nothing
        "The CPS charged him in June. The trial is next year. We are waiting to hear.",
    ],
)
def test_no_decision_exclusion_without_a_dispute_that_points_back_at_it(text: str) -> None:
    assert not excluded(text) & {E.CPS_DECISION, E.COURT_DECISION}
