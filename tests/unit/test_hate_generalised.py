"""nlp.hate: causes found on first-contact text (corpus L), tested on sentences of our own.

- A trans person spoken of as "he"/"she" against their gender, or as "it", in words said at them.
- An act against a thing the victim uses (a walking stick taken) is no strand of its own when the
  victim names another strand as the reason and nothing else points at the act's strand.
"""

from __future__ import annotations

import pytest

from nlp.findings import Finding
from nlp.hate import find_hate_markers
from nlp.hate_explained import strands_explained_by_another
from trigger.vocabulary import HateStrand as H


def strands(text: str) -> set[str]:
    return {f.label for f in find_hate_markers(text)}


TG = H.TRANSGENDER_IDENTITY.value


@pytest.mark.parametrize(
    "text",
    [
        "I'm a trans woman. He keeps calling me 'it' when I walk past.",
        "I am a trans woman and the lad upstairs refers to me as he in front of everyone.",
        "My daughter is a trans girl. The neighbour talks about her as 'that thing' to the other "
        "parents at the gate.",
        "I'm trans (a trans man). She kept shouting \"where's she off to now\" and laughing at me.",
        "As a trans woman I'm used to stares, but he stands by the bins asking "
        '"what\'s it wearing today" while pointing at me.',
        "I'm a transgender woman and he keeps saying 'he' and 'him' about me on purpose.",
        "I'm a trans woman. She always uses he when she talks about me to the other neighbours.",
    ],
)
def test_a_trans_person_spoken_of_as_he_or_it(text: str) -> None:
    assert TG in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        # no trans identity anywhere in the account
        'He kept asking "is he going to move that car" and glaring at me.',
        # the victim's own gender used: not misgendering
        'I\'m a trans woman. He asked "is she going to the meeting" looking at me.',
        # a question about a thing, not said at the victim
        'I\'m a trans man. My partner asked "is it going to rain" so we stayed in.',
        "I'm a trans woman. The council officer asked if it was going to happen again.",
    ],
)
def test_no_misgendering_without_trans_context_or_at_the_victims_gender(text: str) -> None:
    assert TG not in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "They pick on me because of my age. One of them took my walking stick and hid it.",
        "I think it's because I'm old. They grabbed my walking frame and laughed.",
    ],
)
def test_an_act_on_a_walking_aid_follows_the_reason_the_victim_gives(text: str) -> None:
    found = strands(text)
    assert H.AGE.value in found
    assert H.DISABILITY.value not in found


@pytest.mark.parametrize(
    "text",
    [
        # the act alone, no reason given: the act still shows disability hostility
        "They kicked my wheelchair over and ran off laughing.",
        # disability named besides the act
        "They target me because I'm disabled, and last week they took my crutches.",
    ],
)
def test_an_act_on_a_walking_aid_keeps_its_strand_otherwise(text: str) -> None:
    assert H.DISABILITY.value in strands(text)


def test_across_an_account_the_stated_reason_explains_an_act_told_apart() -> None:
    first = find_hate_markers("they keep picking on me because of my age")
    second = find_hate_markers("one of them took my walking stick and threw it in the road")
    assert strands_explained_by_another([*first, *second]) == {H.DISABILITY}
    slur = [Finding(H.DISABILITY.value, 0, 4, "hate: slur lexicon -> disability")]
    assert strands_explained_by_another([*first, *second, *slur]) == set()


MC = H.MARRIAGE_CIVIL_PARTNERSHIP.value


@pytest.mark.parametrize(
    "text",
    [
        'He told my wife our civil partnership "doesn\'t count" and never will.',
        "She shouts that our marriage doesn't mean anything because we did it at a registry "
        "office abroad.",
        "He says we're living in sin with a certificate.",
        "they told the kids their parents' civil partnership doesn't count",
    ],
)
def test_a_marriage_or_civil_partnership_said_not_to_count(text: str) -> None:
    assert MC in strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wedding doesn't count as a reason to park across my drive.",
        "Our marriage doesn't matter to the council, they just want dates.",
        "My nan reckons the wedding doesn't matter much, it's the marriage that counts.",
    ],
)
def test_a_marriage_mentioned_without_contempt(text: str) -> None:
    assert MC not in strands(text)
