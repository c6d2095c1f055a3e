"""nlp.exclusions, seventh round: a service complaint told as "the way the case was handled",
"lost the diary", "not one was returned"; behaviour that stopped as "they have not been back" or
"the street has been quiet"; a verdict disputed several sentences after it was told."""

from __future__ import annotations

import pytest

from nlp.exclusions import find_exclusions
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text, persisting_behaviour=True)}


STOPPED = "They were moved out in the summer and have not been back. "


@pytest.mark.parametrize(
    "text",
    [
        STOPPED + "We want to raise the way the case was handled by your team.",
        STOPPED + "I'd like someone to look at how this case was dealt with.",
        STOPPED + "I want to know why residents were treated like this.",
        STOPPED + "My complaint is that the council lost the noise diary I kept.",
        STOPPED + "The housing officer mislaid all my diary sheets.",
        STOPPED + "I left six messages for the case officer and not one was returned.",
        STOPPED + "My complaint is that the police never once sent anybody round.",
        STOPPED + "The council ignored the video footage I sent.",
    ],
)
def test_service_complaints_in_other_words(text: str) -> None:
    assert E.SERVICE_COMPLAINT in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Since the order went in they haven't been back. Her concern is the way she was spoken to.",
        "The lads havent been back since. What upset mum was how she was treated by the pcso.",
        "The street has been quiet since the injunction. My complaint is how I was treated.",
        "Things have stayed calm. My complaint is that the council never rang back.",
    ],
)
def test_behaviour_that_stopped_in_other_words(text: str) -> None:
    assert E.SERVICE_COMPLAINT in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        # the behaviour goes on: no service complaint however bad the service
        "The council lost the noise diary and they are still playing music every night.",
        "Not one of my calls was returned and it's still going on.",
        # no complaint about the service
        "They have not been back since the police came. Thank you for your help.",
        "The street has been quiet this week but they are back on Friday.",
        # the writer comes back, not the culprits
        "I have not been back to the doctor.",
    ],
)
def test_controls_are_no_service_complaint(text: str) -> None:
    assert E.SERVICE_COMPLAINT not in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was found not guilty at the crown court. The jury took an hour. I cried. "
        "He has left the area. I want the verdict looked at.",
        "The magistrates cleared him in May. I was not allowed to speak. It was awful. "
        "Nothing has happened since. I would like that ruling reviewed.",
    ],
)
def test_a_verdict_disputed_several_sentences_later(text: str) -> None:
    assert E.COURT_DECISION in excluded(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was found not guilty at the crown court. The jury took an hour. I cried. "
        "He has left the area. I want the noise looked at.",
        "He was found not guilty at the crown court. The jury took an hour. I cried. "
        "He has left the area. I accept the verdict, but the noise next door goes on.",
    ],
)
def test_a_verdict_not_disputed_is_no_court_decision(text: str) -> None:
    assert E.COURT_DECISION not in excluded(text)
