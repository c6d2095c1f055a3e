"""nlp.hate against the hate suite (tests/unit/hate_suite.py): hateful sentences said to a victim
must give their strand at least 90% of the time, neutral ones (the controls) any strand at most 2%
of the time. The misses are printed, by functionality, so a failing run says what to fix."""

from __future__ import annotations

from collections import Counter

import pytest

from nlp.hate import find_hate_markers, hate_strands
from tests.unit.hate_suite import HATEFUL, NEUTRAL, RA, Case, slur, space
from tests.unit.hate_suite_second import HATEFUL_SECOND, NEUTRAL_SECOND
from tests.unit.hate_suite_third import HATEFUL_THIRD, NEUTRAL_THIRD
from trigger.vocabulary import HateStrand

ALL_HATEFUL = HATEFUL + HATEFUL_SECOND + HATEFUL_THIRD
ALL_NEUTRAL = NEUTRAL + NEUTRAL_SECOND + NEUTRAL_THIRD
HATEFUL_FLOOR = 0.90
NEUTRAL_CEILING = 0.02


def _misses(cases: list[Case], hateful: bool) -> list[tuple[Case, set[str]]]:
    out = []
    for case in cases:
        found = {s.value for s in hate_strands(case.text)}
        wrong = (case.strand is None or case.strand.value not in found) if hateful else bool(found)
        if wrong:
            out.append((case, found))
    return out


def _report(title: str, misses: list[tuple[Case, set[str]]], total: int) -> str:
    lines = [f"{title}: {len(misses)} of {total} wrong"]
    by_function = Counter(case.functionality for case, _ in misses)
    for name, count in by_function.most_common():
        lines.append(f"  {name}: {count}")
    lines += [f"    {case.text!r} -> {sorted(found)}" for case, found in misses]
    return "\n".join(lines)


def test_suite_is_large_and_covers_every_strand() -> None:
    assert len(ALL_HATEFUL) >= 250 and len(ALL_NEUTRAL) >= 150
    assert {c.strand for c in ALL_HATEFUL} == set(HateStrand)
    assert all(c.strand is None for c in ALL_NEUTRAL)
    texts = [c.text for c in ALL_HATEFUL + ALL_NEUTRAL]
    assert len(set(texts)) == len(texts)


def test_hateful_sentences_get_their_strand() -> None:
    misses = _misses(ALL_HATEFUL, hateful=True)
    rate = 1 - len(misses) / len(ALL_HATEFUL)
    print(_report("hateful", misses, len(ALL_HATEFUL)))
    assert rate >= HATEFUL_FLOOR, _report("hateful", misses, len(ALL_HATEFUL))


def test_neutral_sentences_get_no_strand() -> None:
    misses = _misses(ALL_NEUTRAL, hateful=False)
    rate = len(misses) / len(ALL_NEUTRAL)
    print(_report("neutral", misses, len(ALL_NEUTRAL)))
    assert rate <= NEUTRAL_CEILING, _report("neutral", misses, len(ALL_NEUTRAL))


def test_split_slur_span_covers_both_pieces_and_explanation_names_no_word() -> None:
    text = f"Yesterday he called me a {slur(RA, 0, space)} again."
    (finding,) = find_hate_markers(text)
    assert text[finding.start : finding.end] == slur(RA, 0, space)
    assert slur(RA) not in finding.explanation


def test_carried_strand_keeps_the_attack_as_evidence() -> None:
    text = "I'm Polish.\nThe man at 12 says we are all thieves."
    (finding,) = find_hate_markers(text)
    assert finding.label == "race"
    assert text[finding.start : finding.end] == "says we are all thieves"
    assert "carried" in finding.explanation


def test_culprit_identity_is_no_cue_for_a_carried_strand() -> None:
    assert hate_strands("The Polish lads next door say people like me are scum.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I am a trans woman and they said people like me shouldn't live here.",
            {HateStrand.TRANSGENDER_IDENTITY},
        ),
        (
            "I'm 6 months pregnant and the woman downstairs calls me a breeder and a scrounger.",
            {HateStrand.PREGNANCY_MATERNITY},
        ),
    ],
    ids=["a trans woman is one strand", "the culprit's sex is no cue"],
)
def test_exactly_the_victims_strand(text: str, expected: set[HateStrand]) -> None:
    assert hate_strands(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # text-speak: a dropped g and spellings such as "woz", "kno" read as the words they spell
        ("they woz mockin the way my son talks, hes got a stammer", {HateStrand.DISABILITY}),
        ("kids keep laughin at my wifes wheelchair", {HateStrand.DISABILITY}),
        (
            "im trans an they keep callin me him and shoutin my old name",
            {HateStrand.TRANSGENDER_IDENTITY},
        ),
        # misgendering and deadnaming where the writer says they are trans
        (
            "I'm a trans man. The lads on the corner call me her and laugh.",
            {HateStrand.TRANSGENDER_IDENTITY},
        ),
        (
            "She is trans and he was yelling her dead name across the car park.",
            {HateStrand.TRANSGENDER_IDENTITY},
        ),
        # told to go back, however it is phrased
        ("he told me to get back to my own country", {HateStrand.RACE}),
        ("one of them yelled piss off back to where you came from", {HateStrand.RACE}),
        # a motivation told of every incident at once
        (
            "We are Sikh and I know every one of these incidents is about our religion.",
            {HateStrand.RELIGION},
        ),
        # controls: the same words with no hostile shape
        ("My son is learnin to walk again after the operation.", set()),
        ("I got back to my own house at ten.", set()),
        ("They were shoutin and bangin on the door at 2am.", set()),
    ],
)
def test_text_speak_misgendering_and_collective_motivation(
    text: str, expected: set[HateStrand]
) -> None:
    assert hate_strands(text) == expected
