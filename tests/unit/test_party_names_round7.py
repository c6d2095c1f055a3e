"""nlp.parties, seventh round: a name said in pieces in a chat answer ("its Robyn. Robyn
Ashdown"), and the person a carer or worker "who visits" is the victim."""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.parties import PartyText, answer_cues, decide_parties_for_texts

PROMPT = "Thank you. Can I take your name?"


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("its Robyn. Robyn Ashdown", "Robyn Ashdown"),
        ("Dave. Dave Smith.", "Dave Smith"),
        ("i'm Kerry. Kerry Bell", "Kerry Bell"),
        ("it's Pat. Pat Morris", "Pat Morris"),
        ("Robyn Ashdown", "Robyn Ashdown"),
    ],
)
def test_a_name_said_again_in_full(answer: str, name: str) -> None:
    found = answer_cues(answer, PROMPT)
    assert [f.value for f in found] == [name]
    assert answer[found[0].start : found[0].end] == name


@pytest.mark.parametrize(
    "answer",
    [
        "Mrs J. Holt. Ann Wood",
        "no. not giving it",
        "Robyn. Sorry. Robyn Ashdown",
        "Kerry. Tom Bell",
    ],
)
def test_pieces_that_are_not_one_name_give_none(answer: str) -> None:
    assert answer_cues(answer, PROMPT) == []


@pytest.mark.parametrize(
    "text",
    [
        "I am one of the carers who visits Mr Walter Greaves at home four times a day.",
        "I'm a support worker who supports Mr Walter Greaves in Hook.",
        "Our team who look after Mr Walter Greaves have seen the damage.",
        "We have been visiting Mr Walter Greaves since March.",
    ],
)
def test_the_person_a_carer_visits_is_the_victim(text: str) -> None:
    found = decide_parties_for_texts(
        [PartyText(text + " He asked me to write to you.", SegmentKind.BODY)],
        sender=Person("Joanne Pike"),
    )
    assert found.victim_name == "Mr Walter Greaves"
