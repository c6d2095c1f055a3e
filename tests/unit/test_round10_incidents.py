"""Round ten of issue 7: which dated things are incidents, and their dates. Sentences of our
own, each cause with near-misses that must not change:

- an occasion on which the people complained of did nothing ("at Halloween they left us alone
  for once") is no incident; behaviour told beside it still is;
- "the Saturday before Easter", "the Monday after Bonfire Night": that weekday nearest before
  or after the occasion, not the occasion itself nor the latest such weekday;
- the handling of the case (a statement taken, a ward panel, ringing to chase it up, getting
  through to someone, the writer calling in on the victim, a letter dictated) is no incident;
  behaviour told in the same conjunct still is;
- "one other time", "on a separate occasion", and behaviour told after a day-unknown phrase
  ("I can't remember the date but he also threw eggs") start an incident with no date; when
  something only began, or a report whose day is unknown, does not;
- an arrangement told in the present continuous ("I'm seeing her Thursday") is still to come;
- a date in a "which is / was" clause right after another ("the next day, which is today")
  names that day again.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.pipeline import analyse, build_pipeline, findings
from tests.unit.incident_days import REFERENCE, incident_days


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _resolved(nlp: Language, text: str) -> list[tuple[str, date | None]]:
    doc = analyse(nlp, text, REFERENCE)
    return [(doc.text[m.start : m.end], m.value.start_date) for m in findings(doc, "dates")]


_GLASS = "On 3 June he smashed my greenhouse glass and I rang 101 the same day. "


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "On Bonfire Night they left us alone, which made a change.",
        _GLASS + "at christmas the lads next door left me alone for once thank god",
        _GLASS + "Last Saturday the family upstairs did nothing, not a peep.",
    ],
)
def test_an_occasion_they_did_nothing_on_is_no_incident(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            _GLASS + "On Bonfire Night they left us alone until ten, then smashed the porch light.",
            [date(2026, 6, 3), date(2026, 11, 5)],
        ),
        (
            _GLASS + "Last Saturday they threw a brick at my car and left the street laughing.",
            [date(2026, 6, 3), date(2026, 11, 14)],
        ),
    ],
)
def test_behaviour_beside_leaving_alone_is_still_an_incident(
    nlp: Language, text: str, want: list[date]
) -> None:
    assert incident_days(nlp, text) == want


@pytest.mark.parametrize(
    ("text", "phrase", "want"),
    [
        ("It began the Saturday before Easter.", "the Saturday before Easter", date(2026, 4, 4)),
        (
            "It began on the Thursday before Good Friday.",
            "on the Thursday before Good Friday",
            date(2026, 4, 2),
        ),
        (
            "On the Monday after Bonfire Night it began.",
            "On the Monday after Bonfire Night",
            date(2026, 11, 9),
        ),
        (
            "It began the Friday after Christmas Day 2024.",
            "the Friday after Christmas Day 2024",
            date(2024, 12, 27),
        ),
    ],
)
def test_a_weekday_before_or_after_an_occasion(
    nlp: Language, text: str, phrase: str, want: date
) -> None:
    assert (phrase, want) in _resolved(nlp, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It began the Friday before last.", ("the Friday before last", date(2026, 11, 6))),
        ("On Easter Sunday they shouted at us.", ("On Easter Sunday", date(2026, 4, 5))),
    ],
)
def test_weekday_and_occasion_near_misses(nlp: Language, text: str, want: tuple[str, date]) -> None:
    assert want in _resolved(nlp, text)


def test_the_saturday_before_easter_is_one_incident(nlp: Language) -> None:
    text = "It all started the Saturday before Easter, four of them racing motorbikes on the field."
    assert incident_days(nlp, text) == [date(2026, 4, 4)]


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "I brought the whole business up at the ward panel on 12 October.",
        _GLASS + "I rang them to chase it up on the 9th and got nowhere.",
        _GLASS + "Two officers came out on Saturday and took a statement from my husband.",
        _GLASS + "My mother dictated the letter below to me on Tuesday.",
        _GLASS + "I called in on my aunt on 14 November and she is in a bad way.",
        _GLASS + "When I finally got through to the housing officer on 2 October I was fobbed off.",
    ],
)
def test_the_handling_of_the_case_is_no_incident(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            _GLASS + "On 12 October they chased my son down the road with a stick.",
            [date(2026, 6, 3), date(2026, 10, 12)],
        ),
        (
            _GLASS + "On the 9th I rang to chase it up and the lads kicked my bin over again.",
            [date(2026, 6, 3), date(2026, 11, 9)],
        ),
        (
            "On 9 May the lad upstairs punched my husband in the hallway, we rang the police "
            "that night and gave a statement.",
            [date(2026, 5, 9)],
        ),
    ],
)
def test_near_misses_of_casework_are_still_incidents(
    nlp: Language, text: str, want: list[date]
) -> None:
    assert incident_days(nlp, text) == want


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "One other time, I can't remember when, they let my tyres down.",
        _GLASS + "On a separate occasion the same man spat at my son on the bus.",
        _GLASS + "There was another incident, unsure of the date, when he kicked my gate in.",
        _GLASS + "I can't remember the date but he also threw eggs at the door.",
    ],
)
def test_an_occurrence_whose_day_is_not_given(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3), None]


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "Three of us rang the police about it separately that night.",
        _GLASS + "I can't remember when they first started shouting at us.",
        _GLASS + "I can't remember when I reported it to the council.",
        _GLASS + "I'm not sure of the date the police came out.",
    ],
)
def test_no_undated_occurrence_without_behaviour(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3)]


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "I'm seeing her Thursday so I'll ask what she did about it.",
        _GLASS + "We're seeing his mum on Saturday about the noise and the shouting.",
        _GLASS + "im seeing the lads dad sunday about the eggs",
    ],
)
def test_an_arrangement_told_in_the_present_is_still_to_come(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3)]


@pytest.mark.parametrize(
    "text",
    [
        _GLASS + "On Thursday I was seeing my sister off when they egged the car.",
        _GLASS + "I'm seeing red, on Thursday they smashed the glass again.",
    ],
)
def test_seeing_in_the_past_or_beside_behaviour_is_still_an_incident(
    nlp: Language, text: str
) -> None:
    assert incident_days(nlp, text) == [date(2026, 6, 3), date(2026, 11, 19)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Yesterday they threw stones at my window. I reported it online the next day, which "
            "is today.",
            [date(2026, 11, 19)],
        ),
        ("Last Friday, which was the 13th, they threw stones at my window.", [date(2026, 11, 13)]),
        (
            "Yesterday they threw stones at my window. I rang the council, which was useless. "
            "Today they egged the door.",
            [date(2026, 11, 19), date(2026, 11, 20)],
        ),
    ],
)
def test_a_day_named_again_in_a_which_clause(nlp: Language, text: str, want: list[date]) -> None:
    assert incident_days(nlp, text) == want
