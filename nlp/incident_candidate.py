"""A candidate incident date and the verdicts the date rules give it (:mod:`nlp.incident_candidates`
runs the rules; :mod:`nlp.incident_when` and :mod:`nlp.incident_behaviour` hold them by family).

A :class:`Candidate` is one date phrase with the sentence it stands in; a rule returns
:class:`Accept` (a new incident), :class:`Reject` (set aside, with the values of its reason) or
:class:`Merged` (told already, or applied to an incident), or ``None`` to let the next rule decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nlp.incident_model import AnalysedSegment, AssemblyState, Sentences
from nlp.incident_reports import ReportAttachment
from nlp.incident_rules import Rejection, has_strong_event

# Rules that set a date aside because nothing happened then: a report dated in the same sentence
# is then not an incident of its own either.
BEHAVIOUR_RULES = frozenset({"forwarder_note", "not_incident_clause", "other_part", "no_behaviour"})


@dataclass(frozen=True)
class Reject:
    """Set aside, with the values of the rule's reason."""

    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Merged:
    """Told already (the same day again), or applied to an incident (a correction)."""


@dataclass(frozen=True)
class Accept:
    """A new incident over these days, and why."""

    start: date
    end: date
    why: str
    relative: bool = False  # counted from the incident before ("the next day")


Verdict = Reject | Merged | Accept


@dataclass(frozen=True)
class Candidate:
    """One date phrase being decided, with the sentence it stands in."""

    seg_index: int
    part: AnalysedSegment
    sents: Sentences
    mention: Any
    value: Any
    reference_day: date | None
    start: date | None
    end: date | None
    sentence: int
    s_start: int
    s_end: int

    @property
    def text(self) -> str:
        return self.sents.text

    def cue_nearby(self, state: AssemblyState) -> bool:
        """Whether a report cue stands in the candidate's sentence."""
        return any(c.label != "collective" for c in state.cues_between(self.s_start, self.s_end))


# A spaced dash opening or closing an aside (" - ", " – ", " — ").
ASIDE_DASH = re.compile(r" [-–—] ")


def without_asides(clause: str, own: tuple[int, int]) -> str:
    """The clause with each aside between spaced dashes that does not hold the date blanked out,
    when behaviour is told after it ("On Saturday - my appointment was the next day - they threw
    eggs"): what the aside is about does not veto the date. A log line's later fields ("01/06 -
    PCSO visited - police") tell no behaviour and stay."""
    dashes = list(ASIDE_DASH.finditer(clause))
    for opening, closing in zip(dashes[::2], dashes[1::2], strict=False):
        inside = opening.end() <= own[0] < closing.start()
        if not inside and has_strong_event(clause[closing.end() :]):
            width = closing.start() - opening.end()
            clause = clause[: opening.end()] + " " * width + clause[closing.start() :]
    return clause


class CandidateBase(ReportAttachment):
    """The assembler's state the date rules share: what was set aside, and where."""

    def __init__(self, parts: list[AnalysedSegment]) -> None:
        super().__init__(parts)
        self.rejected: list[Rejection] = []
        # segment, sentence, char, rule, day (when a single day) of each rejection
        self.rejected_at: list[tuple[int, int, int, str, date | None]] = []
