"""Round nine of issue 7: report attachment. Sentences of our own, with near-misses that must
not change.

- A report told as a form's field: a line "Reported: <who>, <when>" under an incident's lines
  names the body and the day on that line; "Reported: No - ..." says nobody was told.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # Wednesday 2 December 2026


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _rows(
    nlp: Language, text: str
) -> list[tuple[date | None, bool | None, date | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported, i.reported_on, tuple(sorted(i.agencies))) for i in found]


FORM = (
    "Here are the incidents from my records.\n\n"
    "Date: 3 November\n"
    "Incident: Someone smashed the glass in her back door with a brick.\n"
    "Reported: Thornbury Housing, 5/11/2026.\n\n"
    "Date: 12 November\n"
    "Incident: The men from number 9 threatened to burn her car.\n"
    "Reported: Police on 101, that night.\n\n"
    "Date: 20 November\n"
    "Incident: Loud parties until 3am again.\n"
    "Reported: Westby District Council noise team, 24/11/2026.\n\n"
    "Date: 26 November\n"
    "Incident: Rubbish tipped over her garden wall.\n"
    "Reported: No - she was too worn out to ring anyone.\n"
)


def test_form_fields_name_body_and_day(nlp: Language) -> None:
    rows = _rows(nlp, FORM)
    assert rows == [
        (date(2026, 11, 3), True, date(2026, 11, 5), ("housing",)),
        (date(2026, 11, 12), True, date(2026, 11, 12), ("police",)),
        (date(2026, 11, 20), True, date(2026, 11, 24), ("council",)),
        (date(2026, 11, 26), False, None, ()),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: "reported" inside a sentence, and a colon that is no field's
        "On 3 November someone smashed her back door. She reported: it was a brick, then rang "
        "nobody else.\n",
        "On 3 November someone smashed her back door.\nThe police said: no further action.\n",
        # a heading over reports told in full: the sentence's own body, not every one after it
        "On 3 November someone smashed her back door.\n\nReports: she rang Northfield Homes "
        "about the door. She reported the graffiti to the police on 9 November.\n",
    ],
)
def test_not_a_field(nlp: Language, text: str) -> None:
    rows = _rows(nlp, text)
    assert rows and rows[0][1] is not False and "police" not in rows[0][3]
