"""Hate shown by deeds (nlp/patterns/hate_deeds.json) and the reason a victim states once reaching
the deeds aimed at them (nlp.hate_deeds.Reasons, read by the incidents)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.hate import find_hate_markers, hate_strands
from nlp.hate_deeds import disclaims_previous, exclusive, general_statement
from nlp.incidents import AnalysedSegment, IncidentFinding, assemble_incidents
from nlp.pipeline import analyse, build_pipeline
from tests.unit.hate_suite import HATEFUL, NEUTRAL, Case
from tests.unit.hate_suite_deeds import HATEFUL_DEEDS, NEUTRAL_DEEDS
from tests.unit.hate_suite_second import HATEFUL_SECOND, NEUTRAL_SECOND
from tests.unit.hate_suite_third import HATEFUL_THIRD, NEUTRAL_THIRD

HATEFUL_FLOOR = 0.90
NEUTRAL_CEILING = 0.02
LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=LONDON)  # Wednesday 10 June 2026, evening


def _hateful_rate(cases: list[Case]) -> tuple[float, list[str]]:
    misses = [
        c.text
        for c in cases
        if c.strand is None or c.strand not in hate_strands(c.text)  # a hateful case has one
    ]
    return 1 - len(misses) / len(cases), misses


def _neutral_rate(cases: list[Case]) -> tuple[float, list[str]]:
    wrong = [c.text for c in cases if hate_strands(c.text)]
    return len(wrong) / len(cases), wrong


def test_the_deeds_batch_is_at_the_suite_bars() -> None:
    assert len(HATEFUL_DEEDS) >= 60 and len(NEUTRAL_DEEDS) >= 30
    hateful, misses = _hateful_rate(HATEFUL_DEEDS)
    neutral, wrong = _neutral_rate(NEUTRAL_DEEDS)
    assert hateful >= HATEFUL_FLOOR, misses
    assert neutral <= NEUTRAL_CEILING, wrong


def test_the_whole_suite_with_the_deeds_batch_stays_at_its_bars() -> None:
    hateful, misses = _hateful_rate(HATEFUL + HATEFUL_SECOND + HATEFUL_THIRD + HATEFUL_DEEDS)
    neutral, wrong = _neutral_rate(NEUTRAL + NEUTRAL_SECOND + NEUTRAL_THIRD + NEUTRAL_DEEDS)
    assert hateful >= HATEFUL_FLOOR, misses
    assert neutral <= NEUTRAL_CEILING, wrong


def test_a_deed_finding_names_its_family_not_the_words() -> None:
    text = "We're Somali and someone pushed a banana through our letterbox."
    [finding] = find_hate_markers(text)
    assert finding.label == "race"
    assert finding.explanation == "hate: phrase:a banana or monkey taunt by deed -> race"
    assert "banana" in text[finding.start : finding.end]


@pytest.mark.parametrize(
    "canon",
    [
        "it's because we're a gay couple , they don't do it to anyone else in the building",
        "they never bother anybody else on the landing",
        "they leave the young couple next door alone",
        "nobody else on the road gets it",
        "he only ever does it to me",
    ],
)
def test_the_victim_alone_is_targeted(canon: str) -> None:
    assert exclusive(canon)


@pytest.mark.parametrize(
    "canon",
    [
        "they shout at anyone who walks past",
        "everyone on the street gets the same",
        "they only come out at night",
    ],
)
def test_abuse_for_everybody_is_not_exclusive(canon: str) -> None:
    assert not exclusive(canon)


@pytest.mark.parametrize(
    "canon",
    [
        "this is not that .",
        "but this isn't that",
        "what's happening here is nothing like that .",
        "this one has nothing to do with that",
    ],
)
def test_a_sentence_that_denies_the_one_before(canon: str) -> None:
    assert disclaims_previous(canon)


@pytest.mark.parametrize("canon", ["this is not the first time .", "that is not fair on us"])
def test_other_denials_are_not_about_the_sentence_before(canon: str) -> None:
    assert not disclaims_previous(canon)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _incidents(nlp: Language, *messages: str, chat: bool = False) -> list[IncidentFinding]:
    parts = []
    offset = 0
    for text in messages:
        parts.append(
            AnalysedSegment(
                doc=analyse(nlp, text, WEDNESDAY), offset=offset, chat=chat, recipient_agency=""
            )
        )
        offset += len(text) + 1
    return assemble_incidents(parts)


def _strands(found: list[IncidentFinding]) -> list[tuple[date | None, tuple[str, ...]]]:
    return [(i.start, i.hate_strands) for i in found]


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


def test_an_overview_reason_reaches_every_deed_aimed_at_the_victim(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "The man in flat 5 only ever does it to the women in the block, never the men.\n\n"
        "On 2 June he kicked over my plant pots on the landing.\n\n"
        "On 8 June he banged on my door at 2am. I rang 101 straight away.",
    )
    assert _strands(found) == [(d(2), ("sex",)), (d(8), ("sex",))]


def test_a_reason_for_the_victim_alone_reaches_a_later_threat(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "yesterday they banged on my windows with sticks. they only pick on me because im old, "
        "they leave the young couple next door alone",
        "last friday one of them said he would burn the place down with me in it",
        chat=True,
    )
    assert _strands(found) == [(d(5), ("age",)), (d(9), ("age",))]


def test_a_reason_told_with_one_incident_skips_a_later_plain_deed(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "yesterday they banged on my windows with sticks. they only pick on me because im old, "
        "they leave the young couple next door alone",
        "last friday they threw eggs at my front door",
        chat=True,
    )
    assert _strands(found) == [(d(5), ()), (d(9), ("age",))]


def test_a_reason_reaches_a_deed_that_names_the_strand(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "on monday someone hung bacon on our door handle. we r the only muslim family on the row "
        "they know exactly what theyre doing",
        "yesterday they threw a can at my husbands car as he left for the mosque",
        chat=True,
    )
    assert _strands(found) == [(d(8), ("religion",)), (d(9), ("religion",))]


@pytest.mark.parametrize(
    "later",
    [
        "and 3 weeks ago they had music blaring on the green till 4am outside my house",
        "yesterday they threw eggs at my door but that one was not about my religion",
    ],
)
def test_a_reason_never_reaches_a_nuisance_or_a_disclaimed_deed(nlp: Language, later: str) -> None:
    found = _incidents(
        nlp,
        "i'm the only sikh on my road and they know exactly what they're doing",
        later,
        chat=True,
    )
    assert all(strands == () for _, strands in _strands(found))


def test_a_reason_told_of_one_past_incident_stays_with_it() -> None:
    past = "We were only targeted because of our religion, nobody else on the road."
    present = "We are only targeted because of our religion, nobody else on the road."
    assert all(not general_statement(f, past) for f in find_hate_markers(past))
    assert any(general_statement(f, present) for f in find_hate_markers(present))


def test_a_plain_reason_stays_with_the_incident_it_is_told_with(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "On 2 June they shouted at me in the street. I am being picked on because I am old.\n\n"
        "On 8 June they let the tyres down on my car.",
    )
    assert _strands(found) == [(d(2), ("age",)), (d(8), ())]


def test_a_reason_next_to_a_nuisance_incident_is_not_its_strand(nlp: Language) -> None:
    found = _incidents(
        nlp,
        "On Friday they had music blasting into our garden until 1am. I reported the noise.\n\n"
        "We are only targeted because we're a gay couple.",
    )
    assert _strands(found) == [(d(5), ())]
