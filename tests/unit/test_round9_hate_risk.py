"""nlp.risk and nlp.hate: causes found on first-contact text (corpora AO, AP, AQ, AR), each
tested as a family of phrasings of our own, with near-misses that must not change.

Risk:
- "hasn't stopped crying", "won't stop shaking": a negated *stop* is the state going on.
- "the kids are upstairs crying", "she was in her room shaking": a place between the child
  and the state.
- A dog that "bit a boy", "went for next door's little girl": a child hurt or attacked.
- "he'll break their legs": a threat to the writer's children.
- "we'll be back to sort you out": a return promised to hurt.
- A weapon shown by opening a coat, or kept "in the inside pocket", with "next time".
- "stopping on the bridge thinking how easy it would be to go over": thoughts of jumping.
- "I'm not in a bad way or thinking of harming myself": a denial joined by "or".
"""

from __future__ import annotations

import pytest

from nlp.risk import risk_flags
from trigger.vocabulary import RiskFlag as R


@pytest.mark.parametrize(
    "text",
    [
        "Our little girl is 6 and she hasn't stopped crying since.",
        "My son is 9 and he won't stop shaking when the door goes.",
        "the kids are upstairs crying",
        "My daughter was in her room shaking after they left.",
        "Their dog got loose and bit a boy of about eight on the green.",
        "The dogs went for next door's little girl on the path.",
        "He said if he catches my lads near his car he will break their legs.",
    ],
)
def test_a_child_at_risk_in_everyday_words(text: str) -> None:
    flags = risk_flags(text)
    assert R.CHILD_AT_RISK in flags or R.THREAT_OF_VIOLENCE in flags


@pytest.mark.parametrize(
    "text",
    [
        "He said if he catches my lads near his car he will break their legs.",
        "A card in the letterbox: we know you live alone, well be back to sort you out.",
        "he unzips his coat and there's a blade in the inside pocket, next time its out he says",
    ],
)
def test_threats_in_everyday_words(text: str) -> None:
    assert R.THREAT_OF_VIOLENCE in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "The kids keep falling off that wall, one day they'll break their legs.",
        "The council said they would come back and sort it out next week.",
        "He has stopped crying now and is fine.",
        "My son is 12 and has never been upset by any of it.",
        "I found an old penknife in the inside pocket of my late dad's coat.",
    ],
)
def test_near_misses_raise_no_threat_or_child(text: str) -> None:
    flags = risk_flags(text)
    assert R.THREAT_OF_VIOLENCE not in flags
    assert R.CHILD_AT_RISK not in flags


@pytest.mark.parametrize(
    "text",
    [
        "Most nights I stand on the bridge on the way home thinking how easy it would be to"
        " just go over.",
        "I've started stopping at the edge of the multi-storey roof wondering about jumping.",
    ],
)
def test_thoughts_of_jumping(text: str) -> None:
    assert R.SELF_HARM in risk_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not in a bad way or thinking of harming myself, just fed up.",
        "To be clear I'm not depressed or thinking about hurting myself.",
        "The bridge over the road is where they hang about, it would be easy to go over and"
        " talk to them.",
        "We are on the roof terrace and the noise is literally killing me.",
    ],
)
def test_denials_and_figures_of_speech_are_no_self_harm(text: str) -> None:
    assert R.SELF_HARM not in risk_flags(text)
