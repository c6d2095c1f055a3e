"""nlp.risk: causes found on first-contact text (corpora V, W, X), tested on sentences of our own.

- A relative named with no "my" ("I should say Mum was diagnosed with ...") after a word that
  opens a clause (say, because, as, since, know) is the household's condition, as "my mum" is.
- Age 75-79 alone is no flag (extract-contract.md lists frailty, not age); beside a condition or
  living alone it is; 80 and over is taken as frailty unless denied.
- A foster, adopted or step child is a child.
- A child asking whether the culprits will hurt the family is a fear, not a threat made.
- A child the writer names ("my son Alfie (11)") is read as "my son" is: pushed, chased,
  anxious in the same sentence or frightened in the two after.
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
        "I should say Mum was diagnosed with early Alzheimer's last year.",
        "You should know Dad has Parkinson's and can't get out of his chair.",
        "It is hard for us as Gran is registered blind.",
        "They know Dad had a stroke in the summer.",
        "I worry about the shouting since Mum has dementia now.",
        "I'd add Grandad uses a wheelchair so he can't get to the door.",
        "It matters because mum is on oxygen at night.",
        "i think nan has got worse with her memory loss since all this",
    ],
)
def test_a_relative_named_without_my_after_a_clause_word_is_the_household(text: str) -> None:
    assert R.VULNERABLE_ADULT in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I said Mum would be home by six.",
        "Because Dad was out at work, I rang the police.",
        "Since Mum came round on Sunday they have been quieter.",
    ],
)
def test_a_relative_named_with_no_condition_is_no_flag(text: str) -> None:
    assert R.VULNERABLE_ADULT not in flags(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am 76 and I have lived in this house for forty years.", set()),
        ("I'm 78 but I'm still perfectly able and I drive.", set()),
        ("Mr Patel is 78 and walks with a stick.", {R.VULNERABLE_ADULT}),
        ("I'm 79 and I live alone since my husband died.", {R.VULNERABLE_ADULT}),
        ("My mum is 75 and has had two falls this year.", {R.VULNERABLE_ADULT}),
        ("I am 77 and I'm a widow, so there is nobody else here.", {R.VULNERABLE_ADULT}),
        ("I'm 83 and they shout at me every time I go out.", {R.VULNERABLE_ADULT}),
        ("My dad is 91.", {R.VULNERABLE_ADULT}),
    ],
)
def test_older_age_needs_a_condition_below_eighty(text: str, expected: set[str]) -> None:
    assert {f for f in flags(text) if f == R.VULNERABLE_ADULT} == expected


@pytest.mark.parametrize(
    "text",
    [
        "our foster son is 10 and he is so scared he wont sleep in his own room now",
        "My adopted daughter cried all night after they shouted at her.",
        "My step-son is terrified to walk to school past them.",
        "our foster daughter (6) hides behind the sofa when they start",
    ],
)
def test_a_foster_adopted_or_step_child_is_a_child(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


def test_a_foster_child_given_an_adult_age_is_no_child() -> None:
    assert R.CHILD_AT_RISK not in flags("Our foster son is 19 and he was upset by it.")


@pytest.mark.parametrize(
    "text",
    [
        "he is so scared he wont sleep, he asks if they are going to burn our flat next",
        "My daughter keeps asking whether they're going to hurt us.",
        "She wonders if the men will come back and kill us.",
        "the little one asked me if they'll set fire to the house",
    ],
)
def test_a_childs_question_about_harm_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said he's going to burn our flat down.",
        "My son asked if I was OK, and then he shouted he would stab me.",
        "they said they will come back and kill us",
    ],
)
def test_a_threat_told_beside_a_question_still_counts(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son Alfie (11) is autistic. The tallest one pushed Alfie off his bike.",
        "Our daughter Mia is 8. They chased Mia all the way home from school.",
        "My grandson Leo stays with us. The lads threatened Leo at the bus stop.",
        "My son Alfie is autistic. Alfie's teacher says how anxious he has become.",
        "our son Kai is 7. they shouted at Kai in the park. He cried all the way home.",
    ],
)
def test_a_named_child_harmed_or_frightened_as_my_son_would_be(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son Alfie is 12. Alfie kicked his ball into their garden.",
        "My son Alfie is 12. Alfie's birthday was on Saturday and we had a lovely time.",
        "My son Dan, 24, lives with us. They pushed Dan against the wall.",
    ],
)
def test_a_named_child_neither_harmed_nor_frightened_or_grown_is_no_flag(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "not great honestly. ive started cutting again. im 20",
        "I've been cutting again and my mum doesn't know.",
        "my daughter has started cutting again since it began",
        "I've gone back to self-harming.",
        "i'm cutting again, i can't cope",
    ],
)
def test_self_harm_told_as_cutting_again(text: str) -> None:
    assert R.SELF_HARM in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "They started cutting the hedge again.",
        "The council came round and they started cutting again.",
        "He's been cutting through my garden to get to the shop.",
    ],
)
def test_cutting_something_else_is_no_self_harm(text: str) -> None:
    assert R.SELF_HARM not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said he'd put his head through the window if he saw him on the lane again.",
        "she told me she'll put my face through that door",
        "they said they would put your head through a wall",
    ],
)
def test_a_head_put_through_a_window_is_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)
