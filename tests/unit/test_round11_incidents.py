"""Round eleven of issue 7: which dated things are incidents, and their dates. Sentences of our
own, each cause with near-misses that must not change:

- ordinal words as people misspell them ("the forth of May", "twelth") name the day; "forth"
  away from "the" or a month ("back and forth", "and so forth") is no date;
- a date right after "birthday" ("on my birthday, 2 October, they ...") is the day it happened,
  unless stated as a date of birth ("her birthday is 2 October", "birthday: 3/5/1980") or its
  year is long past;
- "sorry" ending its sentence ("I don't know what day I rang sorry. Friday 6th he ...") is an
  apology, not the earlier date taken back; "the 19th, sorry, the 18th" still corrects.
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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Someone kicked my gate in on the forth of September.", date(2026, 9, 4)),
        ("On September the twelth they smashed my window.", date(2026, 9, 12)),
        ("They egged my car on the twenty forth of August.", date(2026, 8, 24)),
    ],
)
def test_misspelt_ordinal_names_the_day(nlp: Language, text: str, want: date) -> None:
    assert incident_days(nlp, text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "They walked back and forth past my window swearing at me on Tuesday.",
        "He keeps calling me names and so forth, last happened on Tuesday.",
    ],
)
def test_forth_as_a_word_is_no_date(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 11, 17)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("On my birthday, 14 September, they threw eggs at my windows.", [date(2026, 9, 14)]),
        ("It was my son's bday 3rd October and they slashed his tyres.", [date(2026, 10, 3)]),
    ],
)
def test_birthday_names_the_day_it_happened(nlp: Language, text: str, want: list[date]) -> None:
    assert incident_days(nlp, text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Her birthday is 14 September and he swore at her on Tuesday.",
        "Birthday: 14/09/1988. He swore at her on Tuesday.",
        "His birthday 14 September 1975, he swore at her on Tuesday.",
    ],
)
def test_birthday_stated_as_date_of_birth_is_no_day(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 11, 17)]


def test_sorry_ending_a_sentence_takes_no_date_back(nlp: Language) -> None:
    text = (
        "12/10 he blocked my drive, I rang the council but can't remember what day sorry. "
        "Tues 3rd he threw a can at me."
    )
    assert incident_days(nlp, text) == [date(2026, 10, 12), date(2026, 11, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "He threw a can at me on the 4th, sorry, the 3rd.",
        "He threw a can at me on the 4th sorry the 3rd.",
    ],
)
def test_sorry_between_dates_still_corrects(nlp: Language, text: str) -> None:
    assert incident_days(nlp, text) == [date(2026, 11, 3)]
