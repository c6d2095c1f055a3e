"""Counted and undated occurrences (sentences written for this suite, not from any corpus).

A period told with a count of many occurrences and no days ("many times in May", "a dozen times
last year") spans them all: it is not one incident; "there was also the time they ..." tells an
incident with no date. Controls beside each: a period told as one occurrence, a counted clause
beside a dated incident, a count on one day, a day told of again or of something else."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _starts(nlp: Language, text: str) -> list[date | None]:
    doc = analyse(nlp, text, WEDNESDAY)
    found = assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])
    return sorted({i.start for i in found.incidents if i.start})


@pytest.mark.parametrize(
    "text",
    [
        "In April she let her dog foul my drive many times and never cleaned it up.",
        "They have blocked my drive a dozen times last year.",
        "Last month the kids kicked their ball at my window loads of times.",
        "He played loud music several nights in May, I lost count.",
        "Throughout March they shouted abuse over the fence again and again.",
        "She's thrown rubbish in my garden countless times this year",
    ],
)
def test_a_period_told_with_a_count_of_many_is_no_incident(nlp: Language, text: str) -> None:
    assert _starts(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a month told as one occurrence still counts (its first day stands for it)
        ("In May they smashed my shed window.", [date(2026, 5, 1)]),
        # a dated incident beside a counted clause about another time keeps its day
        (
            "On 3 June he kicked my door in. In May he swore at me many times, but I let it go.",
            [date(2026, 6, 3)],
        ),
        # a count on a single day is that day
        ("On Saturday they rang my bell a dozen times and ran off.", [date(2026, 6, 6)]),
    ],
)
def test_controls_keep_their_incidents(nlp: Language, text: str, days: list[date]) -> None:
    assert _starts(nlp, text) == days


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June they egged my car. There was also the time they smashed my shed window.",
        "On 2 June they egged my car. Also the night he kicked my door in and the police came.",
        "On 2 June they egged my car. And the time he threw a brick at my van.",
    ],
)
def test_also_the_time_they_tells_an_incident_with_no_date(nlp: Language, text: str) -> None:
    doc = analyse(nlp, text, WEDNESDAY)
    found = assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])
    assert [i.start for i in found.incidents] == [date(2026, 6, 2), None]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June they egged my car. It has been bad since the day they moved in.",
        "On 2 June they egged my car. The night they egged my car I was at work.",
        "On 2 June they egged my car. That was the day they smashed my window too.",
        "On 2 June they egged my car. I also took the time to write it all down.",
    ],
)
def test_a_day_told_of_again_or_of_something_else_is_no_new_incident(
    nlp: Language, text: str
) -> None:
    doc = analyse(nlp, text, WEDNESDAY)
    found = assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])
    assert [i.start for i in found.incidents] == [date(2026, 6, 2)]
