"""What a report cue says (:class:`ReportCue`), shared by the report recognisers
(:mod:`nlp.reports`) and the incident assembler."""

from __future__ import annotations

from dataclasses import dataclass

COUNTED_REPORTS = "counted reports of several incidents"


@dataclass(frozen=True)
class ReportCue:
    """What a report cue says: negated or not, and which agencies its clause names."""

    negated: bool
    agencies: tuple[str, ...]
    until: bool = False  # "didn't report it until <date>": reported, late
