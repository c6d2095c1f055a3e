"""The values the incident assembler builds, and its running state (:mod:`nlp.incidents`).

:class:`AssemblyState` holds what the assembler knows while it reads an account in order (the
incidents told so far, the current one, the segment's date phrases and report cues) and the
helpers every part of it uses; the date rules (:mod:`nlp.incidents`) and the report rules
(:mod:`nlp.incident_reports`) extend it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from nlp.clauses import Cut, segmentation
from nlp.incident_phrases import row_led_by
from nlp.pipeline import doc_text
from nlp.reports import ReportCue


@dataclass(frozen=True)
class IncidentFinding:
    """One incident as found in the text (offsets are document offsets)."""

    start: date | None
    end: date | None
    reported: bool | None
    reported_on: date | None
    agencies: tuple[str, ...]
    references: tuple[str, ...]
    hate_strands: tuple[str, ...]
    summary: str
    evidence: tuple[tuple[int, int], ...]
    explanation: tuple[str, ...]


@dataclass(frozen=True)
class AnalysedSegment:
    """A segment's text after the pipeline ran, with where it sits in the document."""

    doc: Doc
    offset: int  # document offset of doc.text[0]
    recipient_agency: str | None = None  # who "you" is when the writer says "I reported it to you"
    writer_agency: str | None = None  # who "us" is when an officer writes "she reported it to us"
    chat: bool = False
    # A forwarder's own note above the account it forwards ("I visited her on Saturday"): its
    # dates start incidents only when it reports them.
    note: bool = False
    # A chat message answering the bot's "Did you report it / tell anyone?": a body it names is
    # who it was reported to ("the housing next day", "101 that night").
    report_answer: bool = False
    # A chat message answering the bot's question about the writer's landlord ("Is Thameside
    # Homes a housing association or a private landlord?"): what kind of body the landlord is.
    landlord_answer: bool = False


@dataclass
class Report:
    """A report cue attached to an incident: to whom, on which day (or how many days after it)."""

    cue: ReportCue
    span: tuple[int, int]
    on: date | None = None
    offset_days: int | None = None
    unknown_day: bool = False
    collective: bool = False
    sentence: int = -1
    segment: int = -1
    also_on: list[date] = field(default_factory=list)  # later reports told in the same clause


@dataclass
class Incident:
    """An incident being assembled: its dates, where it was told, and what was said about it."""

    start: date | None
    end: date | None
    segment: int
    sentence: int
    block: tuple[int, int]  # document offsets of the text told about it
    summary: str
    reports: list[Report] = field(default_factory=list)
    negative_reports: int = 0
    references: list[str] = field(default_factory=list)
    hate: set[str] = field(default_factory=set)
    explanation: list[str] = field(default_factory=list)
    anchor: int = -1  # document offset of the date phrase that started it (-1: none)


class Sentences:
    """Sentence numbering for a Doc: its ``paragraph_sentence`` cuts (spaCy's sentences, also
    cut at blank lines), and the ``clause``/``part`` around a phrase (:mod:`nlp.clauses`)."""

    def __init__(self, doc: Doc) -> None:
        self.cuts = segmentation(doc)
        self.starts = [c.start for c in self.cuts.of(Cut.PARAGRAPH_SENTENCE)]
        self.text = doc_text(doc)  # Doc.text joins every token: read it once

    def clause_around(self, kind: Cut, sentence: int, start: int, end: int) -> str:
        """The ``kind`` clause of sentence ``sentence`` that holds [start, end)."""
        return self.cuts.clause_around(kind, self.bounds(sentence), start, end)

    def bounds_around(self, kind: Cut, sentence: int, start: int, end: int) -> tuple[int, int]:
        """The character offsets of the ``kind`` clause of sentence ``sentence`` holding
        [start, end)."""
        return self.cuts.bounds_around(kind, self.bounds(sentence), start, end)

    def index(self, char: int) -> int:
        """The number of the sentence holding character ``char``."""
        return bisect.bisect_right(self.starts, char) - 1

    def bounds(self, index: int) -> tuple[int, int]:
        """The character offsets of sentence ``index``."""
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return start, end


def overlaps(mention: Any, incident: Incident) -> bool:
    """Whether a date phrase may be about ``incident`` (its dates meet, or either is unknown)."""
    if mention.start_date is None or incident.start is None or incident.end is None:
        return True
    return bool(
        mention.start_date <= incident.end
        and incident.start <= (mention.end_date or mention.start_date)
    )


# How many days before a case log's contact the day its note names may be.
_CONTACT_REACH_DAYS = 31


class AssemblyState:
    """The assembler's running state and the helpers its date and report rules share."""

    def __init__(self, parts: list[AnalysedSegment]) -> None:
        self.parts = parts
        self.incidents: list[Incident] = []
        self.current: Incident | None = None
        self.pending: dict[int, list[Any]] = {}
        # date finding id -> the day its pending reports were made, when told before it ("reported
        # to us on 29 October that on 27 September ...")
        self.pending_on: dict[int, date] = {}
        self.corrections: dict[int, Any] = {}
        self.clause_dates: dict[int, list[Any]] = {}
        self.last_agencies: tuple[str, ...] = ()
        # the incident a report named by what happened went to, and where that report was told
        # (segment, sentence): the next cue of the same sentence goes there too
        self.topic_target: tuple[int, int, Incident] | None = None
        # what kind of body the writer's landlord is, once looked for
        self._landlord_kind: tuple[str, ...] | None = None
        self._landlord_looked = False
        self.segment_mentions: list[Any] = []
        self.names_in_segment: set[str] = set()
        self.mention_starts: list[int] = []
        self.by_segment: dict[int, list[Incident]] = {}
        self.block_starts: dict[int, list[int]] = {}
        self.segment_cues: list[Any] = []
        self.segment_agencies: list[Any] = []
        self.cue_starts: list[int] = []
        self.superseded: set[int] = set()
        self.in_report_clause: set[int] = set()
        self.incident_mentions: set[int] = set()

    # -- helpers -------------------------------------------------------------------------
    def new_incident(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: Sentences,
        char: int,
        start: date | None,
        end: date | None,
        why: str,
    ) -> Incident:
        """Start an incident told in the sentence holding ``char``; it becomes the current one."""
        sentence = sents.index(char)
        s_start, s_end = sents.bounds(sentence)
        summary = " ".join(sents.text[s_start:s_end].split())
        if len(summary) > 160:
            summary = summary[:157].rstrip() + "..."
        incident = Incident(
            start=start,
            end=end,
            segment=seg_index,
            sentence=sentence,
            block=(part.offset + s_start, part.offset + s_end),
            summary=summary,
            explanation=[why],
            anchor=part.offset + char,
        )
        self.incidents.append(incident)
        self.by_segment.setdefault(seg_index, []).append(incident)
        self.current = incident
        return incident

    def incident_at(self, seg_index: int, char: int) -> Incident | None:
        """The incident told last before ``char`` in this segment (its block holds ``char``)."""
        told = self.by_segment.get(seg_index, [])
        cached = self.block_starts.get(seg_index)
        if cached is None or len(cached) != len(told):
            cached = self.block_starts[seg_index] = [i.block[0] for i in told]
        k = bisect.bisect_right(cached, char) - 1
        return told[k] if k >= 0 else None

    def cues_between(self, start: int, end: int) -> list[Any]:
        """The segment's report cues starting in [start, end), in order."""
        lo = bisect.bisect_left(self.cue_starts, start)
        hi = bisect.bisect_left(self.cue_starts, end)
        return self.segment_cues[lo:hi]

    def mentions_between(self, start: int, end: int) -> list[Any]:
        """The segment's date phrases starting in [start, end), in order."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return self.segment_mentions[lo:hi]

    def contact_row(self, text: str, lead: Any) -> tuple[Any, Any] | None:
        """(the report cue, the date phrase) of a case log's row whose first cell is the day of a
        contact and whose note tells a report of an earlier day ("09/10/2026 | Phone in | T
        reports loud music ... on 08/10/2026"), or None."""
        row = row_led_by(text, lead.start)
        day = lead.value.start_date
        if row is None or day is None or day != lead.value.end_date:
            return None
        for m in self.mentions_between(lead.end, row[1]):
            v = m.value
            if (
                v.start_date is None
                or v.start_date != v.end_date
                or str(getattr(v, "anchor", "reference")) == "incident"
                or not 0 <= (day - v.start_date).days <= _CONTACT_REACH_DAYS
            ):
                continue
            told = [
                c
                for c in self.cues_between(lead.end, m.start)
                if c.label != "collective" and not c.value.negated
            ]
            return (told[-1], m) if told else None
        return None

    def extend_block(
        self,
        incident: Incident,
        part: AnalysedSegment,
        sents: Sentences,
        char: int,
        seg_index: int,
    ) -> None:
        """Widen ``incident``'s evidence to the sentence holding ``char`` (same segment only)."""
        if incident.segment != seg_index:
            return
        _s, s_end = sents.bounds(sents.index(char))
        incident.block = (incident.block[0], max(incident.block[1], part.offset + s_end))
