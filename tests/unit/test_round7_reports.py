"""Round seven of issue 7: a report kept from being made by someone else's word ("she would not
let me ring anyone", "he didn't want me to call the police") is no report, not an unknown one
nor one made. Sentences of our own, with controls that must not change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # Wednesday 2 December 2026
HALLOWEEN = date(2026, 10, 31)
DEED = "On Halloween they threw eggs and flour at her door. "


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _rows(nlp: Language, text: str) -> list[tuple[date | None, bool | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported, tuple(sorted(i.agencies))) for i in found]


@pytest.mark.parametrize(
    "text",
    [
        "She would not let me ring anyone.",
        "She didn't want me to call the police.",
        "He wouldnt let us report it.",
        "my mum won't let me tell anyone",
        "The carer says she refused to let me phone the police.",
        "she doesnt want me to ring the council about it",
        "Dad would not allow me to report it to anyone.",
        "Mrs B did not want us to contact the police.",
    ],
)
def test_report_refused_by_someone_else_is_no_report(nlp: Language, text: str) -> None:
    assert _rows(nlp, DEED + text) == [(HALLOWEEN, False, ())]


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("She let me ring the police.", ("police",)),
        ("I didn't want to but I rang the police.", ("police",)),
        ("She wanted me to call the police, so I did, I rang 999.", ("police",)),
        ("She let me report it to the council that day.", ("council",)),
    ],
)
def test_report_let_or_made_controls(nlp: Language, text: str, agencies: tuple[str, ...]) -> None:
    assert _rows(nlp, DEED + text) == [(HALLOWEEN, True, agencies)]


def test_told_not_to_report_is_still_no_report(nlp: Language) -> None:
    assert _rows(nlp, DEED + "He told me not to report it.") == [(HALLOWEEN, False, ())]
