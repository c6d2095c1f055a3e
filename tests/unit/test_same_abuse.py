"""nlp.incident_words.SAME_ABUSE: "they said the same to my wife" is the abuse just told, again."""

from __future__ import annotations

import pytest

from nlp.incident_words import SAME_ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "yes last week they said the same to my wife outside the shop",
        "On Monday he shouted exactly the same at us from his car.",
        "His mate said the same thing to my son at the bus stop.",
        "they called him the same names",
    ],
)
def test_the_same_words_said_to_someone_again(text: str) -> None:
    assert SAME_ABUSE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The PCSO said the same as the council: keep a diary.",
        "It was the same car as last time.",
        "We said the same to the council and nothing happened.",
    ],
)
def test_other_sameness_is_not_the_abuse_again(text: str) -> None:
    assert not SAME_ABUSE.search(text)
