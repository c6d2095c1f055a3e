"""nlp.risk: causes found on first-contact text (corpora AB, AD), tested on sentences of our own.

- "Better off if I just wasn't here": a softening word between "if I" and "wasn't" is still a
  wish not to be alive.
- "All you X want burning out", "your lot need hanging": a group said to want or need a killing
  is threatened, as "will be burned out" is.
- A child who read or saw a threat (the leaflet, the graffiti, "read it before I could take it
  off the mat") is a child threatened.
- A child named in one sentence and picked on, bullied, chased or threatened as "him"/"her" in
  the next two is a child at risk.
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
        "some nights i think everyone would be better off if i just wasnt here",
        "Honestly my family would be better off if I just wasn't around any more.",
        "i feel like the kids would be better off if i only wasnt here",
        "It would be easier for everyone if I just wasnt here.",
        "my mum says im talking daft but theyd be better off if i simply wasn't alive",
        "Mum keeps saying it would be better if I just wasnt around",
    ],
)
def test_better_off_if_i_just_was_not_here_is_self_harm(text: str) -> None:
    assert R.SELF_HARM in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd be better off if I just wasn't living next to them.",
        "We'd be better off if we just moved away.",
        "It would be easier if I just wasn't at home when they start.",
    ],
)
def test_better_off_elsewhere_is_no_self_harm(text: str) -> None:
    assert R.SELF_HARM not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "He stood in the road and shouted that all you cripples want burning out.",
        "he was yelling that the lot of you need hanging",
        "She screamed at us that your lot want shooting.",
        "They shouted all of you deserve killing and laughed.",
        "Dear Sir, the gentleman opposite said your kind need stringing up.",
        "he text me saying all you lot want petrol bombing",
    ],
)
def test_a_group_said_to_want_a_killing_is_a_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said the hedge needs cutting down.",
        "The landlord said all the windows want painting.",
        "She told me all of you need checking for the new bins.",
    ],
)
def test_things_that_want_doing_are_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "A leaflet came through the door. My children read it before I could take it off the mat.",
        "My daughter saw the graffiti on the way to school.",
        "my son found the hate mail on the doormat",
        "Our kids read the threatening letter before we got up.",
        "My little girl saw the threats painted on our fence.",
        "the kids seen it on the mat before i did",
    ],
)
def test_a_child_who_read_or_saw_a_threat_is_at_risk(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son read the letter from the council about the bins.",
        "My children read it every night before bed.",
        "My daughter saw the doctor last week.",
    ],
)
def test_a_child_reading_something_else_is_no_risk(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son is 11 and autistic. Older lads have started picking on him whenever he goes out.",
        "my daughter is 9. the girls at number 4 keep bullying her on the way home.",
        "My boy is only 8. The man next door threatened him over his ball.",
        "Our daughter is twelve. Since May the youths have been targeting her at the bus stop.",
        "my lad is 10 and they have been taunting him every day",
        "My son (13) walks to school. A gang from the estate chased him home on Tuesday.",
    ],
)
def test_a_child_picked_on_in_the_next_sentence_is_at_risk(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My son is 24. The lads keep picking on him.",
        "My son is 10. I told the neighbour to stop and he ignored him.",
        "My daughter is 7. We have had noise from the flat above since May.",
    ],
)
def test_an_adult_or_an_unharmed_child_is_no_child_at_risk(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "he shouted that all you cripples want burning out and he would do it himself we are all"
        " frightened",
        "she screamed your lot will be burned out one night, the kids are terrified",
        "He said all of you will be shot and now I'm scared to go out",
        "they yelled that every one of you is getting torched and we are so afraid",
    ],
)
def test_fear_told_after_a_group_threat_keeps_the_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are frightened that all of you will be blamed for it.",
        "I'm scared the whole street will be bothered by the party.",
    ],
)
def test_a_fear_with_no_threat_said_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)
