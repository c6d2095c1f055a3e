"""Round eight of issue 7: report attachment. Sentences of our own, with near-misses that must
not change.

- A body named in full once and later by its initials ("Northgate Vale Homes" ... "NVH").
- A writer unsure of a report's day ("I can't remember if it was that week or the next") still
  knows the body told; unsure of the body ("if it was the police or the council") does not.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline, findings
from tests.unit.report_rows import DEED, HALLOWEEN, REFERENCE, incident_rows


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _agencies(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = analyse(nlp, text, REFERENCE)
    return [(f.label, f.value) for f in findings(doc, "agencies")]


@pytest.mark.parametrize(
    ("text", "initials", "label"),
    [
        ("She is a tenant of Northgate Vale Homes. She rang NVH the next day.", "NVH", "housing"),
        (
            "I work for Brookfield Bay Housing Association. It was reported to BBHA on the 3rd.",
            "BBHA",
            "housing",
        ),
        ("Copied to Wyre Forest District Council. WFDC have a log of it.", "WFDC", "council"),
        # a name the tokenizer cuts ("Shant" -> "Sha" + "nt") still gives its initials
        ("She is a Shant Vale Housing Association tenant. Rang SVHA on Monday.", "SVHA", "housing"),
    ],
)
def test_body_named_later_by_its_initials(
    nlp: Language, text: str, initials: str, label: str
) -> None:
    assert (label, initials) in _agencies(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # initials of no body named in the text, or too short to be read as one
        "She is a tenant of Northgate Vale Homes. The NHS letter came later.",
        "She rang Kent Police. KP never answered.",
        "Her landlord is a housing association. HA staff were rude.",
        # the initials as a case number's prefix
        "She is a tenant of Northgate Vale Homes, our ref NVH/ASB/0412.",
    ],
)
def test_initials_of_no_body_named_are_not_an_agency(nlp: Language, text: str) -> None:
    found = _agencies(nlp, text)
    assert all(value.isupper() is False for _, value in found), found


def test_log_row_reported_to_initials(nlp: Language) -> None:
    text = (
        "I am the ASB officer at Northgate Vale Homes.\n\n"
        "| Date | What happened | Reported to / on |\n"
        "| 31/10/2026 | eggs and flour thrown at her door | NVH, 31/10/2026 |\n"
    )
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    assert [(i.start, i.reported, i.agencies) for i in found] == [(HALLOWEEN, True, ("housing",))]


@pytest.mark.parametrize(
    "text",
    [
        "I rang the police about that but I can't remember if it was that night or the day after.",
        "I reported it to the council, not sure if it was the same week or later.",
    ],
)
def test_unsure_of_the_day_keeps_the_body(nlp: Language, text: str) -> None:
    rows = incident_rows(nlp, DEED + text)
    body = ("council",) if "council" in text else ("police",)
    assert [(r[1], r[2]) for r in rows] == [(True, body)]


def test_unsure_of_the_day_leaves_the_day_unknown(nlp: Language) -> None:
    text = DEED + "I rang the police, can't remember if it was that week or the one after."
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    assert [(i.reported, i.reported_on) for i in found] == [(True, None)]


@pytest.mark.parametrize(
    "text",
    [
        "I reported it but I can't remember if it was the police or the council.",
        "I made a report, not sure if it was to the police or the council.",
    ],
)
def test_unsure_of_the_body_clears_it(nlp: Language, text: str) -> None:
    rows = incident_rows(nlp, DEED + text)
    assert [(r[1], r[2]) for r in rows] == [(True, ())]


LISTED = (
    "The worst nights:\n"
    "- 3 October - fireworks let off at the windows\n"
    "- 17 October - a bin set alight against the fence\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Four of us from different houses have rung 101 about these, between us every one of "
        "them has been rung in.",
        "Several neighbours have reported these to the police, all of them in fact.",
    ],
)
def test_many_reporters_of_every_incident_report_each(nlp: Language, text: str) -> None:
    rows = incident_rows(nlp, LISTED + text)
    assert [(r[1], r[2]) for r in rows] == [(True, ("police",)), (True, ("police",))]


@pytest.mark.parametrize(
    "text",
    [
        # who has reported, not which incidents: attachment stays as before (not reported)
        "Four of us from different houses have rung 101 about the racing.",
        "Several neighbours have reported the bikes to the police.",
    ],
)
def test_many_reporters_alone_report_no_incident(nlp: Language, text: str) -> None:
    rows = incident_rows(nlp, LISTED + text)
    assert [(r[1], r[2]) for r in rows] == [(None, ()), (None, ())]
