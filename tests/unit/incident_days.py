"""What the incident assembler makes of one text, as the incident tests compare it: each
incident's first day (None for an undated one), in the order the assembler gives them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse

REFERENCE = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Friday 20 November 2026


def incident_days(nlp: Language, text: str) -> list[date | None]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [i.start for i in found]
