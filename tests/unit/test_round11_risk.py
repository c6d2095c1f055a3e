"""nlp.risk: causes found on first-contact text (round 11), tested with phrasings of our own and
near-misses that must not fire.

- Someone "stood outside my door shouting" (standing, sitting, waiting at the door or window,
  threatening or banging) told in the present is danger now, as "they're banging on my door" is;
  the same told as a habit ("every night") or in the past ("was standing") is not.
"""

from __future__ import annotations

import pytest

from nlp.risk import find_risk_flags


def _flags(text: str) -> set[str]:
    return {f.label for f in find_risk_flags(text)}


@pytest.mark.parametrize(
    "text",
    [
        "He's standing at the back door screaming at us to come out.",
        "Theyre sitting outside our gate threatening my son.",
        "Someone is waiting outside my flat with a bat.",
    ],
)
def test_standing_at_the_door_now(text: str) -> None:
    assert "immediate_danger" in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Every evening he's sat outside our gate shouting.",
        "On Monday he was standing at the back door screaming.",
        "He's standing at the door waiting for the post.",
    ],
)
def test_not_danger_now(text: str) -> None:
    assert "immediate_danger" not in _flags(text)
