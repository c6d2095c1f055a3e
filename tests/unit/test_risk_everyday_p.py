"""nlp.risk: causes found on first-contact text (corpus P), tested on sentences of our own.

- A weapon shown without a word of threat is still a threat: flicked open, lifted into view, seen
  tucked in a waistband or a pocket.
- A child's state must be the child's and not denied: "I'm not frightened, and my son didn't
  notice" frightens no child; "every bit as rude" bites nobody.
- A height ("I'm 6 foot 2") is no age: the writer is not a child.
"""

from __future__ import annotations

import pytest

from nlp.risk import find_risk_flags
from trigger.vocabulary import RiskFlag as R


def flags(text: str) -> set[str]:
    return {f.label for f in find_risk_flags(text)}


@pytest.mark.parametrize(
    "text",
    [
        "He flicked a lock knife open and shut while he stared at me.",
        "Her boyfriend lifted his jumper so I could see the blade tucked in.",
        "He pulled up his hoodie so we could see a knife in his waistband.",
        "One of them had a machete in his belt when he came to the door.",
        "The older lad stood there with a knife in his hand at the gate.",
    ],
)
def test_a_weapon_shown_is_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I keep a hammer in the shed for the fence posts.",
        "He was sharpening the kitchen knife to cut the bread at the party.",
    ],
)
def test_a_tool_in_its_place_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not frightened of him, and my son didn't notice what he said.",
        "I'm not scared of her at all, my daughter was at school anyway and heard nothing.",
        "He's every bit as rude to the family with the little boy as he is to us.",
        "She is a bit loud with the children at number 3 but that's all.",
        "I'm 6 foot 2 and I can look after myself.",
        "Honestly I'm 5 foot nothing but I don't let him get to me.",
    ],
)
def test_no_child_at_risk_from_a_denied_or_absent_state(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not bothered for me, but my daughter is terrified of him.",
        "My son was frightened when he banged on the window.",
        "Their dog bit my daughter on the leg.",
        "I'm 12 and he keeps shouting at me.",
    ],
)
def test_a_child_at_risk_still_counts(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        'He said he\'d "set the dog on" me if I complained again.',
        "She told us she'll set her dogs on our kids.",
        "He said he would split my head open with a brick.",
        "They told him they'd split his skull open.",
    ],
)
def test_a_dog_set_on_someone_or_a_head_split_open_is_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her dog was set loose on the field every morning.",
        "I split the logs in the garden on Sunday.",
    ],
)
def test_dogs_and_splitting_without_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "The day before my son's school play he kicked the door of my car.",
        "I was picking up my daughter when he hit the wing mirror of the van.",
    ],
)
def test_a_blow_to_a_thing_beside_a_child_harms_no_child(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


def test_a_blow_to_the_child_still_counts() -> None:
    assert R.CHILD_AT_RISK in flags("He kicked my son in the leg at the bus stop.")
