"""What the console works out for a case, without I/O: the evidence highlights of a message,
the incident an officer's form describes, and the draft's
decision re-run after a change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from trigger.draft import DateRange, Draft, Incident, RejectedDate, Span
from trigger.profiles import Profile
from trigger.threshold import threshold_result
from trigger.vocabulary import Agency, HateStrand, RiskFlag


@dataclass(frozen=True)
class Mark:
    """One fact found at a place in the text: ``kind`` incident or set-aside date."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str


@dataclass(frozen=True)
class Piece:
    """A run of the message text and the facts that cover it (none: plain text)."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def title(self) -> str:
        """What the highlight is evidence of, in words."""
        return "; ".join(mark.label for mark in self.marks)

    @property
    def kind(self) -> str:
        """The CSS modifier of the highlight: a set-aside date only when nothing else is."""
        kinds = {mark.kind for mark in self.marks}
        return "incident" if "incident" in kinds else next(iter(kinds), "")


def facts(draft: Draft) -> list[Mark]:
    """Every fact of ``draft`` that has an evidence span: incidents and set-aside dates."""
    marks: list[Mark] = []
    for number, incident in enumerate(draft.incidents, start=1):
        for span in incident.evidence:
            marks.append(
                Mark(span.start, span.end, "incident", f"Incident {number}", f"incident-{number}")
            )
    for number, rejected in enumerate(draft.rejected_dates, start=1):
        marks.append(
            Mark(
                rejected.span.start,
                rejected.span.end,
                "set-aside",
                f"Date set aside: {rejected.reason}",
                f"set-aside-{number}",
            )
        )
    return marks


def highlight(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """``text`` cut where facts start and end; spans outside the text are clipped away."""
    inside = [
        Mark(max(0, m.start), min(len(text), m.end), m.kind, m.label, m.anchor)
        for m in marks
        if m.start < len(text) and m.end > m.start
    ]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    pieces: list[Piece] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in inside if m.start <= start and end <= m.end)
        pieces.append(Piece(text[start:end], covering))
    return pieces


URGENT_FLAGS = frozenset(RiskFlag)


def urgent(draft: Draft) -> bool:
    """True when the draft carries any risk flag (shown first in the queue)."""
    return bool(URGENT_FLAGS.intersection(draft.risk_flags))


def redecide(draft: Draft, profile: Profile) -> Draft:
    """A copy of ``draft`` with the threshold engine's decision made again."""
    changed = draft.model_copy(deep=True)
    changed.threshold = threshold_result(changed, profile)
    return changed


class FormProblem(ValueError):
    """An officer's form that cannot be used; the message says what to fix."""


def _day(value: str, what: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FormProblem(f"{what} must be a real date, like 2026-03-27") from None


def incident_from_form(
    *,
    occurred_start: str,
    occurred_end: str,
    reported: str,
    reported_on: str,
    agencies: Sequence[str],
    references: str,
    hate_strands: Sequence[str],
    summary: str,
    evidence: Sequence[Span] = (),
) -> Incident:
    """The incident an officer's form describes (``reported``: yes, no or unknown)."""
    start = _day(occurred_start, "The day it happened")
    end = _day(occurred_end, "The last day it happened") or start
    if start is None and end is not None:
        start = end
    if start is not None and end is not None and end < start:
        raise FormProblem("The last day it happened must be on or after the first")
    answer = {"yes": True, "no": False, "unknown": None}
    if reported not in answer:
        raise FormProblem("Say whether it was reported")
    try:
        agency_list = [Agency(value) for value in agencies]
        strands = [HateStrand(value) for value in hate_strands]
    except ValueError:
        raise FormProblem("Choose agencies and hate strands from the lists") from None
    return Incident(
        occurred=DateRange(start=start, end=end),
        reported=answer[reported],
        reported_on=_day(reported_on, "The day it was reported"),
        agencies=agency_list,
        references=[part.strip() for part in references.split(",") if part.strip()],
        hate_strands=strands,
        summary=summary.strip()[:2000],
        evidence=list(evidence),
    )


def promoted(rejected: RejectedDate) -> Incident:
    """A set-aside date made into an incident (its evidence kept; the rest for the officer)."""
    return Incident(occurred=rejected.occurred, evidence=[rejected.span], summary=rejected.phrase)
