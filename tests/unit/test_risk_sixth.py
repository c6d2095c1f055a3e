"""nlp.risk: causes found on first-contact text (corpora AE, AF, AG), each tested as a family of
phrasings of our own, with controls that must not change.

- The writer's own state ("I was too shaken to report it until my son persuaded me") is not a
  child's: only a state said for or about someone ("I was terrified for my kids") still is.
- Culprits who promise to be back tonight ("they said theyd be back tonite to finish the job",
  "he shouted he'll be back tonight") are danger tonight.
- "Not safe walking to the bus now" is fear of an everyday activity these days, not danger now.
- "I cannot go on with 3 hours sleep" is exhaustion, not suicidal thoughts; "I can't go on with
  life like this" still is.
- A car set on fire is damage to property, not a threat to a person; a home set on fire still is.
- "if anyone grasses hell stab them": "hell" for "he'll" before a threat verb, and a threat told
  to everyone on the landing, are threats.
"""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags
from trigger.vocabulary import RiskFlag as R


@pytest.mark.parametrize(
    "text",
    [
        "I was too shaken to do anything at first and only reported it after my son persuaded me.",
        "i was too upset to ring the police until my daughter rang them for me",
        "I was so frightened that my son had to drive me to the station to report it.",
        "Im scared to go out, my daughter does my shopping now (she is 34).",
        "I was in tears on the phone to my son last night.",
        "I felt anxious all week, my son came round to sit with me.",
    ],
)
def test_the_writers_own_state_is_not_a_childs(text: str) -> None:
    assert R.CHILD_AT_RISK not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was terrified for my kids when they smashed the window.",
        "we were all scared, my daughter was crying",
        "I was scared stiff and my son was shaking",
        "we were terrified, me and the kids",
    ],
)
def test_a_childs_fear_beside_the_writers_still_counts(text: str) -> None:
    assert R.CHILD_AT_RISK in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "dunno tbh. they said theyd be back tonite to finish the job",
        "he shouted he'll be back tonight",
        "they were shouting that they're coming back later tonight",
        "He warned me hed be back after dark.",
        "They screamed they would come back tonight and get us.",
        "im scared for tonite",
        "Dear Sir, the men threatened to be back again tonight.",
    ],
)
def test_culprits_promising_to_return_tonight_is_danger_tonight(text: str) -> None:
    assert R.IMMEDIATE_DANGER in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "the plumber said he'd be back tonight to fix the boiler",
        "my son said he'll be back tonight for tea",
        "I do not feel safe walking to the bus now.",
        "I don't feel safe going out to the shops now",
        "i dont feel safe letting the kids play out now",
        "My mum doesn't feel safe taking the bins out now, she waits for me.",
    ],
)
def test_everyday_returns_and_fears_are_not_danger_now(text: str) -> None:
    assert R.IMMEDIATE_DANGER not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    ["I don't feel safe tonight", "i dont feel safe in my own home right now, he is outside"],
)
def test_not_safe_now_still_counts(text: str) -> None:
    assert R.IMMEDIATE_DANGER in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I work in a care home and I'm on earlies, I cannot go on with 3 hours sleep.",
        "i cant go on with no sleep, i have work in the morning",
        "We can't go on on four hours a night with the music.",
        "I can't go on with the noise every night, something has to be done.",
    ],
)
def test_cannot_go_on_with_too_little_sleep_is_not_self_harm(text: str) -> None:
    assert R.SELF_HARM not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on with this any more, I want to end it",
        "I can't go on with life like this",
        "honestly i can't go on",
    ],
)
def test_cannot_go_on_still_counts(text: str) -> None:
    assert R.SELF_HARM in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "last night (Halloween of all nights) someone set fire to my car on the drive",
        "Somebody set fire to the car outside my house at 2am.",
    ],
)
def test_a_car_set_on_fire_is_not_a_threat_to_a_person(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "he said he'd set fire to my car",
        "they set fire to our front door while we slept",
        "Someone set fire to my house last week.",
        "the lad from there told everyone on the landing if anyone grasses hell stab them",
        "he says if i tell anyone hell kill me",
        "hell stab u if u grass",
        "She told everybody in the block she would batter me.",
    ],
)
def test_threats_in_everyday_spellings(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "bloody hell kill the music",
        "what the hell, it hurt my ears",
        "scared as hell they will come round",
        "He told everyone on the landing that the lift was broken.",
    ],
)
def test_hell_and_telling_everyone_controls(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)
