"""nlp.risk: causes found on first-contact text (corpora AH to AK), each tested as a family of
phrasings of our own, with controls that must not change.

- A threat told in the present tense of broken English or voice-to-text ("they say they kill me",
  "he say he gonna stab") is a threat like "he said he'd kill me".
- Being pushed or thrown down the stairs or off a balcony, promised, is a threat of violence.
- "Hell sort me out himself" ("he'll") is a threat even with "himself" after it.
- "Next time it'll be petrol" promises fire or a weapon after a lesser attack.
- "Foreigners like us should be burned out": a group of people like the victim told they should
  be harmed is a threat to the victim's group ("should" is a promise of harm there too). Round 10:
  "should be put down" alone is an insult likening them to animals, not a threat (eight labelled
  accounts agree); with "and they'd do it themselves" it is one.
- "What's the point in me being here" is a thought of not living; "what's the point in
  reporting it" is not.
- "On sertraline for my anxiety" with no "I'm" (a chat answer) is the writer's mental ill health.
- "Everyone would be better off if I just didn't wake up" is a thought of not living.
- "He's going to kick the door in and deal with me" is a threat; "this will end with someone
  hurt", a fear of residents, is not (the harmed one is "someone", not the writer).
- "He screamed at me because my son's bike was by the stairs", "he and his son had a screaming
  match with me": screaming at the writer is no child's state.
- "Our son who is 9 and autistic" is a child, not a vulnerable adult (a child age just before).
- A fear told far after a group threat in a voice-to-text run-on ("... should be put down and
  they would do it themselves ... because I was frightened ... whoever needs it") no longer
  cancels it: the fear must stand within a few words before its "will"/"needs".
- "The kids arent bothered" without its apostrophe denies a child at risk as "aren't" does.
"""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags
from trigger.vocabulary import RiskFlag as R


@pytest.mark.parametrize(
    "text",
    [
        "they say they kill me if i not leave the street",
        "he say he kill my family if we stay here",
        "she keep saying she gonna stab me",
        "my neighbour say he will hurt us if we call police again",
        "they said she'd push me down the stairs if I told anyone",
        "He told me he would throw me off the balcony next time.",
        "she threatened to shove me down the steps",
        "yesterday he said if he ever sees me in there again hell sort me out himself",
        "the lad said they'd sort me out themselves if i grassed",
        "he shouted that next time it'll be petrol, not a firework",
        "she screamed next time it will be acid",
        "they said next time itll be a knife",
        "she wrote that foreigners like us should be burned out",
    ],
)
def test_threats_in_other_words(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "they say the food at the cafe is to die for",
        "people say he's a nice lad really",
        "the council say they will sort it out",
        "next time it'll be better weather, hopefully",
        "next time it will be you I phone first",
        "she said she'd push me to get help from the council",
        "she pushed me down the stairs in 2019 but that was sorted in court years ago",
        "people say the dog should be put down",
        # round 10: "should be put down" likens a group to animals, an insult (no promise of harm)
        "he shouted pensioners like you should all be put down",
        "they said old codgers like me should be put down",
        "the vet said dogs like him should be put down",
        "it looks like you will be burned by the sun out there",
    ],
)
def test_controls_not_threats(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("honestly some nights i think whats the point in me being here at all", R.SELF_HARM),
        ("sometimes I wonder what's the point of me being here", R.SELF_HARM),
        ("what is the point of even being alive any more", R.SELF_HARM),
        ("i dont sleep no more. on sertraline for my anxiety n its worse", R.VULNERABLE_ADULT),
        ("cant sleep, taking meds for my depression", R.VULNERABLE_ADULT),
        ("i've been on citalopram for my depression since the summer", R.VULNERABLE_ADULT),
        ("im on tablets for my nerves", R.VULNERABLE_ADULT),
    ],
)
def test_states_in_other_words(text: str, flag: R) -> None:
    assert flag in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("whats the point in me ringing you again", R.SELF_HARM),
        ("what's the point of living here if nobody helps", R.SELF_HARM),
        ("what's the point in reporting it", R.SELF_HARM),
        ("the dog is on tablets for his anxiety", R.VULNERABLE_ADULT),
        ("my neighbour is on sertraline for anxiety", R.VULNERABLE_ADULT),
        (
            "nobody's been threatened and the kids arent bothered, they think its a laugh.",
            R.CHILD_AT_RISK,
        ),
        ("the kids werent there when it happened", R.CHILD_AT_RISK),
    ],
)
def test_controls_without_the_flag(text: str, flag: R) -> None:
    assert flag not in risk_flags(text)


def test_a_frightened_child_still_counts_without_apostrophes() -> None:
    assert R.CHILD_AT_RISK in risk_flags("the kids arent sleeping and are terrified")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "honestly some nights i think everyone would be better off if i just didnt wake up",
            R.SELF_HARM,
        ),
        ("my family would be better off if i wasn't around", R.SELF_HARM),
        ("he's saying hes going to kick the door in and deal with me", R.THREAT_OF_VIOLENCE),
        ("he shouted he'll smash the door down and get you", R.THREAT_OF_VIOLENCE),
        ("they said theyd boot the front door in and batter me", R.THREAT_OF_VIOLENCE),
    ],
)
def test_more_signs_in_other_words(text: str, flag: R) -> None:
    assert flag in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Residents are frightened this will end with someone hurt.", R.THREAT_OF_VIOLENCE),
        ("we're worried it will end up with somebody killed on that road", R.THREAT_OF_VIOLENCE),
        ("the council will kick the door in and deal with the hoarding", R.THREAT_OF_VIOLENCE),
        ("it would be better off if i moved somewhere quieter", R.SELF_HARM),
    ],
)
def test_more_controls(text: str, flag: R) -> None:
    assert flag not in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "he stood on the landing and screamed at me because my son's bike was there",
            R.CHILD_AT_RISK,
        ),
        (
            "On Easter Monday he and his son had a screaming match with me over the fence.",
            R.CHILD_AT_RISK,
        ),
        ("she was screaming at us about my daughter's bike in the hall", R.CHILD_AT_RISK),
        ("me, my partner and our son Alfie who is 9 and autistic.", R.VULNERABLE_ADULT),
        ("our daughter who's 14 and deaf gets picked on", R.VULNERABLE_ADULT),
    ],
)
def test_not_this_flag(text: str, flag: R) -> None:
    assert flag not in risk_flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my daughter was screaming when they kicked the door", R.CHILD_AT_RISK),
        ("my son screamed when the window went in", R.CHILD_AT_RISK),
        ("our daughter who's 14 and deaf gets picked on", R.CHILD_AT_RISK),
        ("my husband is 45 and autistic and cannot cope with the noise", R.VULNERABLE_ADULT),
    ],
)
def test_still_this_flag(text: str, flag: R) -> None:
    assert flag in risk_flags(text)


def test_a_later_fear_in_a_run_on_keeps_the_threat() -> None:
    text = (
        "they said old codgers like me should be put down and they would do it themselves if I"
        " grassed I did not tell anybody because I was frightened but I rang the police and you"
        " can pass this on to whoever needs it"
    )
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried that one day people like us will be burned out of our homes",
        "we are scared your lot will get hurt if this carries on",
    ],
)
def test_a_fear_of_harm_to_the_group_is_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in risk_flags(text)
