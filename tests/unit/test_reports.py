"""Report cues, agencies and reference numbers (nlp/reports.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.language import Language

from nlp.pipeline import analyse, build_pipeline, findings

REFERENCE = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _cues(nlp: Language, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    return [
        (text[f.start : f.end], f.label, tuple(f.value.agencies) if f.value else ())
        for f in findings(doc, "reports")
        if f.label != "collective"
    ]


@pytest.mark.parametrize(
    ("text", "label", "agencies"),
    [
        ("We phoned the police on 101 about it.", "report", ("police",)),
        ("I logged it with the ASB team online.", "report", ("council",)),
        ("She emailed Riverside Housing the same evening.", "report", ("housing",)),
        ("I mentioned it to my GP last week.", "report", ("health",)),
        ("I told my local councillor.", "report", ("other",)),
        ("I dialled 999 and they came.", "report", ("police",)),
        ("He rang the council and the police that night.", "report", ("council", "police")),
        ("I made a complaint to environmental health.", "report", ("council",)),
        ("We haven't reported the latest one.", "no_report", ()),
        ("i didnt report it to anyone", "no_report", ()),
        ("I never reported that to the police.", "no_report", ("police",)),
    ],
)
def test_report_cue_and_agencies_when_stated(
    nlp: Language, text: str, label: str, agencies: tuple[str, ...]
) -> None:
    cues = _cues(nlp, text)
    assert cues, f"no cue found in {text!r}"
    assert cues[0][1] == label
    assert cues[0][2] == agencies


@pytest.mark.parametrize(
    "text",
    [
        "He called me a liar in front of everyone.",
        "They rang the doorbell and ran off.",
        "The police told me nothing could be done.",
        "He told us to go away.",
    ],
)
def test_no_report_cue_when_verb_is_not_a_report(nlp: Language, text: str) -> None:
    assert _cues(nlp, text) == []


def test_not_reported_until_a_day_means_reported_late(nlp: Language) -> None:
    doc = analyse(nlp, "I didn't report it until the 2nd.", REFERENCE)
    [cue] = [f for f in findings(doc, "reports") if f.label != "collective"]
    assert cue.label == "report"
    assert cue.value.until is True


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("crime ref 45/98765/26 was given", "45/98765/26"),
        ("(log 1182 of 03/05/2026)", "log 1182 of 03/05/2026"),
        ("CAD 771 04/06/26", "CAD 771 04/06/26"),
        ("incident number 55260112233", "55260112233"),
        ("our case is NUI/ASB/0042", "NUI/ASB/0042"),
        ("ref ASB-2025-0991 please", "ASB-2025-0991"),
    ],
)
def test_reference_numbers_kept_as_written(nlp: Language, text: str, reference: str) -> None:
    doc = analyse(nlp, text, REFERENCE)
    assert [f.value for f in findings(doc, "references")] == [reference]


def test_collective_cue_found(nlp: Language) -> None:
    doc = analyse(nlp, "I reported both of them to the police.", REFERENCE)
    assert [f.label for f in findings(doc, "reports")].count("collective") == 1


def test_the_report_word_matcher_finds_what_spacys_matcher_finds(nlp: Language) -> None:
    # Speed: the report patterns run on nlp.word_matcher, not spaCy's Matcher; its matches must
    # be spaCy's, in the order find_reports reads them (by start, longest first; matches of one
    # label over the same words are the same cue), for the sentences of the incident suite.
    from spacy.matcher import Matcher

    from nlp.reports import _matchers, _report_matches, report_patterns
    from tests.unit.test_incident_suite import SUITE

    texts = [text for text, *_ in SUITE]
    texts += [
        "I reported all of the incidents",
        "we got on to the council a couple of times",
        "each one, all of them, them all, every single one: I rang them and made a report",
        "took the photos round to the police, handed it to them and gave this video to the PCSO",
    ]
    texts.append(" ".join(texts))
    spacy_matcher = Matcher(nlp.vocab)
    for key, pattern in report_patterns():
        spacy_matcher.add(key, [pattern])
    matchers = _matchers(nlp.vocab)

    def read(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        ordered = sorted(matches, key=lambda m: (m[1], -m[2]))
        return [(key.split("#")[0], start, end) for key, start, end in ordered]

    found_any = 0
    for text in texts:
        doc = nlp.make_doc(text)
        expected = [(nlp.vocab.strings[m], s, e) for m, s, e in spacy_matcher(doc)]
        found = _report_matches(doc, matchers)
        assert sorted(found) == sorted(expected), text
        assert read(found) == read(expected), text
        found_any += bool(found)
    assert found_any > 20  # the comparison is not empty
