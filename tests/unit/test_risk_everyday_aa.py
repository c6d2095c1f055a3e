"""nlp.risk: causes found on first-contact text (corpora Y, Z, AA), tested on sentences of our own.

- A threat said in everyday words: a head put through a wall, a face rearranged, a head ripped
  off, "I'll deck you"; not the writer's own figure of speech ("I could bang my head on the wall").
- A threat to a group the victim belongs to, said or written ("all of them on this street will
  get burned out", "you lot will be blown up"); not a worry ("all the residents will get hurt if
  nothing is done") nor a harmless "all the flats will be done up".
- An attack with something in hand ("went for my brother with a bottle").
- An age under 80 alone is no vulnerability (the contract names disability, frailty, ill health;
  V21 and AA06 label 76 and 79 alone with no flag): "I am 79" is not flagged, "I am 79 and on two
  sticks" is. Conditions said in everyday words: a diagnosis, "my MS", "my walking frame", "my
  carer", osteoporosis, a stroke, the stages of dementia.
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
        'He said "say that again and I\'ll put your head through that wall".',
        "He told me he'd put my face through the window.",
        "she said she'll rip my head off next time",
        "shouted he would knock me into next week",
        "he said I'd be picking my teeth up off the floor",
        "he said he'd lamp me if I called the police again",
        "Her boyfriend said he will deck me if I park there again.",
        "he texted that he'd rearrange my face",
        "they said they'd smash my head against the railings",
    ],
)
def test_a_threat_in_everyday_words(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone wrote on our car that all of us on this street will get burned out.",
        'A man told me that "you lot will all be blown up one day".',
        "he shouted that your kind will be strung up",
        "They sprayed on the wall that every one of you will be killed.",
        "he wrote that people like you will die",
        "a note through the door said your family will be burnt out",
    ],
)
def test_a_threat_to_the_victims_group(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried all the residents will get hurt if nothing is done.",
        "They told us all the flats will be done up next year.",
        "Someone said all the bins will be emptied on Monday.",
        "I could bang my head against the wall with the council sometimes.",
        "I told him I'd put his head through the wall if he touched my car.",
        "She went for him with a bottle of wine at the party.",
    ],
)
def test_worry_plans_and_figures_of_speech_are_no_threat(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "He went for my brother with a bottle outside the shop.",
        "he came at me holding a brick",
        "One of them ran at my husband with a plank of wood.",
        "she lunged at me with a pair of scissors",
    ],
)
def test_an_attack_with_something_in_hand(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in flags(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am 79 and I live on Wear View.", set()),
        ("I am 76 and I have lived in this house for 41 years.", set()),
        ("My name is Norman, I am 79.", set()),
        ("I'm 79 and I'm on two sticks since my hip went.", {R.VULNERABLE_ADULT}),
        ("I'm 77 and I've got osteoporosis so it's taken ages to heal.", {R.VULNERABLE_ADULT}),
        ("Mum was diagnosed with early Alzheimer's last year.", {R.VULNERABLE_ADULT}),
        ("I should say my husband has been diagnosed with Parkinson's.", {R.VULNERABLE_ADULT}),
        ("My MS has been bad this month.", {R.VULNERABLE_ADULT}),
        ("They knocked my walking frame over outside the shop.", {R.VULNERABLE_ADULT}),
        ("I had to wait for my carer to come and clear it up.", {R.VULNERABLE_ADULT}),
        ("My dad is 77, had a stroke last year and walks with a stick.", {R.VULNERABLE_ADULT}),
        ("My mum told me. She is 88 and in the early stages of dementia.", {R.VULNERABLE_ADULT}),
        ("Lorraine suffers with severe anxiety and depression.", {R.VULNERABLE_ADULT}),
        ("I haven't slept in weeks and I'm back on the tablets.", {R.VULNERABLE_ADULT}),
        ("I'm back at work a fortnight after my knee operation.", set()),
        ("The lad next door was diagnosed with ADHD, his mum says.", set()),
        (
            "He has threatened to stab my husband, who has dementia.",
            {R.VULNERABLE_ADULT, R.THREAT_OF_VIOLENCE},
        ),
        (
            "Door's locked. My son's in with me, he's 24 and has a learning disability.",
            {R.VULNERABLE_ADULT},
        ),
    ],
)
def test_age_alone_is_no_vulnerability_a_condition_is(text: str, expected: set[R]) -> None:
    assert flags(text) & {R.VULNERABLE_ADULT.value, R.THREAT_OF_VIOLENCE.value} == {
        r.value for r in expected
    }


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday my daughter (she is 12) had her hijab pulled off from behind at the bus stop.",
        "My son had his turban knocked off on the way home from school.",
        "one of them yanked my daughter's headscarf and she came home crying",
        "They grabbed his school bag off my son and threw it in the road.",
        "One of the bikes clipped a nine year old girl who was playing on the green. She was"
        " shaken and bruised.",
        "A van struck an eight-year-old boy on the crossing while he was with us.",
        "our foster son is 10 and he is so scared he wont sleep in his own room now",
    ],
)
def test_a_child_harmed_in_everyday_words(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "a 14 year old lad threw eggs at my window",
        "the boys who were playing football kicked my door",
        "My son pulled the curtains and went to bed.",
    ],
)
def test_a_culprit_child_or_a_childs_own_deed_is_no_risk(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)


def test_a_hard_wrapped_mail_line_does_not_end_the_sentence() -> None:
    text = (
        "The firework one was the worst, my daughter is 7 and she was in the hall when\n"
        "it came through, she wont go near the front door now and is sleeping in with me.\n"
    )
    assert R.CHILD_AT_RISK in flags(text)


def test_a_chat_message_is_not_a_wrapped_line() -> None:
    text = (
        "they were outside again until gone two shouting at the house and banging the bins and"
        " one of them said leave it\n"
        "no one hurt, just the noise"
    )
    assert R.THREAT_OF_VIOLENCE not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # named once, frightened later as he/she, even messages later
        "hi im kayleigh mum of Alfie hes 9 and autistic and the woman over the road wont leave"
        " him alone\nso on the 2nd she was screaming at him in the garden and he was terrified",
        "My son Alfie (11) is autistic. Boys followed him home. His school say he is anxious."
        " He has started wetting the bed again.",
        "We have a little girl, Poppy, who is 6. The man at 14 shouts at us. She's terrified of"
        " him now.",
        "My daughter is 8. Last night they threw eggs at the windows. She was crying for hours.",
        "i'm dad to Leo. the lads kicked the door in. he's been having nightmares since",
    ],
)
def test_a_household_child_frightened_as_he_or_she_later(text: str) -> None:
    assert R.CHILD_AT_RISK in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # the last man or woman named is not the child
        "My son is 9. My husband went out to speak to them. He was shaking with anger.",
        "My daughter was at school. The woman from number 4 came round. She was screaming.",
        "My son Dan, 24, lives with me. He was terrified.",
        "We don't have children. The man upstairs was drunk and he was crying in the hallway.",
        "My son is 7. He wasn't scared at all, he slept through it.",
    ],
)
def test_a_pronoun_for_someone_else_is_no_child(text: str) -> None:
    assert R.CHILD_AT_RISK not in flags(text)
