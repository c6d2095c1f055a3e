"""nlp.risk: causes found on first-contact text (corpus L), tested on sentences of our own.

- A child's state words are whole words: "bit" in a street name or "hid" inside a surname is no
  child bitten or hiding.
- "nobody's threatened me or the kids" / "no-one's threatened me" deny the threat and the child.
- A child the writer names ("our son Alfie") is at risk when told frightened by that name.
- A threat to kick a baby out of a pregnant woman is a threat of violence.
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
        "He dumped rubbish on my drive at Bitterne Road while I was at my grandson's nativity.",
        "I was at my granddaughter's recital in Hidcote when they dumped the sofa.",
        "Mr Shahid goes to the club on Sundays when his nephew can drive him.",
        "Mrs Khalid waits at the bus stop with her grandson most mornings.",
        "The Habitat store on Chidwell Road is where my son works.",
        "My daughter's birthday was on the 4th and we went to Whitby.",
    ],
)
def test_a_childs_state_is_a_whole_word(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "No, nobody's threatened me or the kids, it's the noise mostly.",
        "no-one's threatened me, it's just the mess",
        "Nobody has threatened my children, it's the damage that worries me.",
        "No one's ever hurt the kids, they just shout at the house.",
        "no-one has threatened us",
    ],
)
def test_nobody_threatened_denies_the_threat_and_the_children(text: str) -> None:
    found = flags(text)
    assert R.THREAT_OF_VIOLENCE not in found
    assert R.CHILD_AT_RISK not in found


@pytest.mark.parametrize(
    "text",
    [
        "They threatened me and my kids outside the shop.",
        "He said he'd hurt the kids if I rang the police again.",
    ],
)
def test_a_threat_to_the_children_still_counts(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "We live with our son Alfie, who is 7. Alfie is so scared he sleeps in our bed.",
        "My daughter Keira is 5. Since the fire Keira is terrified of the dark.",
        "my little boy Jayden was in the garden. Jayden was crying for an hour after.",
        "Our granddaughter Evie stays weekends. Evie is now too frightened to play out.",
    ],
)
def test_a_child_named_by_the_writer_frightened_by_name(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # an adult child named
        "My son Dan, 24, lives with us. Dan is upset about the car.",
        # the named child is fine
        "Our daughter Poppy is 8. Poppy is not scared, she thinks it's funny.",
        # a name that is nobody's child
        "Our neighbour Poppy is scared of him too.",
        # named, nothing happened to her
        "Our daughter Maisie was at school all day.",
    ],
)
def test_a_named_child_only_when_frightened_and_a_child(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        'She pointed at my bump and said she\'d "kick that baby out of you".',
        "he told her he would kick the baby out of her",
        "They shouted they're gonna kick your bump in.",
    ],
)
def test_a_threat_to_kick_an_unborn_baby(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


def test_a_baby_mentioned_without_threat_is_no_threat() -> None:
    assert R.THREAT_OF_VIOLENCE not in flags("The baby kicks a lot at night and I can't sleep.")
