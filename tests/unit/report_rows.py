"""What the incident assembler makes of one text, as rows the report tests compare: each
incident's first day, whether it was reported, and the bodies told (sorted)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # Wednesday 2 December 2026
HALLOWEEN = date(2026, 10, 31)
DEED = "On Halloween they threw eggs and flour at her door. "


def incident_rows(
    nlp: Language, text: str
) -> list[tuple[date | None, bool | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported, tuple(sorted(i.agencies))) for i in found]
