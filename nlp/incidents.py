"""From date phrases and report cues to incidents.

The account is read in order, segment by segment (a chat message, an email body, a forwarded
original), keeping a *current incident*:

- a date phrase that names when something happened starts a new incident, when behaviour words
  (``EVENT`` in ``patterns/events.jsonl``) or a report cue stand near it; background dates
  ("since 2019", "every weekend", "for the last month"), future dates, long periods ("this year")
  and dates inside reference numbers do not;
- a report cue ("reported it", "rang 101") belongs to the current incident; the first date phrase
  in its clause is the report's date when the clause refers back ("reported *it* on 2 June") or the
  incident was just told; otherwise that date is a new incident told through its report ("rang 101
  on the 3rd about the cars");
- "the next day", "two days later" in a report clause count from the incident's day;
  "straight away", "that night" are the incident's day (extract-contract.md, date conventions);
- a report whose day is not given is the incident's day ("a report told as part of the incident"),
  unless the text says the day is not known, or one statement covers several incidents;
- "both", "every one of these" apply one report statement to several incidents;
- "it was the 14th not the 15th" moves the incident dated the 15th to the 14th;
- "one time they ..." starts an incident with no date.

Pure: reads analysed spaCy Docs, returns plain values.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from spacy.tokens import Doc

from nlp.clauses import Cut, segmentation
from nlp.pipeline import doc_text, findings, token_starts
from nlp.reports import ReportCue, clause_end_token

# Words after which a clause refers back to the incident just told.
_ANAPHORA = frozenset("it this that these those them both one".split())
# Words that, right after a report date, introduce the incident it is about ("rang again 2 days
# ago when a car alarm went off"): then the date is the incident's.
_ABOUT_WORDS = frozenset("when about because after as".split())
_LONGEST_INCIDENT = timedelta(days=31)
# "my wife June", "Mrs April Jones": month words that are people's names in this text.
_NAMED_AFTER_KIN = re.compile(
    r"\b(?:wife|husband|partner|mum|mother|mam|daughter|son|sister|brother|friend|neighbour|"
    r"nan|gran|aunt|auntie|Mrs|Ms|Miss|Mr|called|named)\s+(January|February|April|May|June|July|August)\b"
)
_SELF_CORRECTION = re.compile(
    r"\b(?:no wait|no,? sorry|sorry,? no|sorry|i mean|i meant|or rather|no actually|actually no|correction)\b",
    re.I,
)


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
    chat: bool = False
    # A forwarder's own note above the account it forwards ("I visited her on Saturday"): its
    # dates start incidents only when it reports them.
    note: bool = False


@dataclass
class _Report:
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
class _Incident:
    start: date | None
    end: date | None
    segment: int
    sentence: int
    block: tuple[int, int]  # document offsets of the text told about it
    summary: str
    reports: list[_Report] = field(default_factory=list)
    negative_reports: int = 0
    references: list[str] = field(default_factory=list)
    hate: set[str] = field(default_factory=set)
    explanation: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    event_words: frozenset[str]
    event_stems: tuple[str, ...]
    perpetrator_words: frozenset[str]
    perpetrator_phrases: re.Pattern[str]
    not_incident: frozenset[str]
    undated: re.Pattern[str]
    day_unknown: re.Pattern[str]
    agency_unknown: re.Pattern[str]
    background: re.Pattern[str]
    background_start: re.Pattern[str]


def _phrase_regex(phrases: list[str], suffix: str = "") -> re.Pattern[str]:
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?![\w'’])" + suffix, re.I)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    rows: dict[str, Any] = {}
    text = resources.files("nlp").joinpath("patterns", "events.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            if "label" in row:
                rows[row["label"]] = row
    events = rows["EVENT"]["words"]
    return _Lexicon(
        event_words=frozenset(w for w in events if not w.endswith("*")),
        event_stems=tuple(w[:-1] for w in events if w.endswith("*")),
        perpetrator_words=frozenset(rows["PERPETRATOR"]["words"]),
        perpetrator_phrases=_phrase_regex(rows["PERPETRATOR"]["phrases"]),
        not_incident=frozenset(rows["NOT_INCIDENT"]["words"]),
        undated=_phrase_regex(rows["UNDATED"]["phrases"]),
        day_unknown=_phrase_regex(rows["REPORT_DAY_UNKNOWN"]["phrases"]),
        agency_unknown=_phrase_regex(rows["AGENCY_UNKNOWN"]["phrases"]),
        # A background word just before the date phrase, with at most one filler word between.
        background=_phrase_regex(
            rows["BACKGROUND"]["phrases"],
            r"\W+(?:(?:the|a|an|about|around|roughly|on|in|at|of|early|late|mid)\W+)?$",
        ),
        background_start=re.compile(
            r"(?:since|from|until|till|every|between|throughout|by)\b", re.I
        ),
    )


_WORD = re.compile(r"[a-z][a-z'’]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_WEAK_EVENT_WORDS = frozenset({"again", "back", "same", "called", "calling"})


def _has_event(text: str, strong: bool = False) -> bool:
    """Whether ``text`` says something was done: a behaviour word ("strong": not only "again")."""
    lex = _lexicon()
    return any(
        (w in lex.event_words or w.startswith(lex.event_stems))
        and not (strong and w in _WEAK_EVENT_WORDS)
        for w in _words(text)
    )


def _has_perpetrator(text: str) -> bool:
    """Whether ``text`` names someone doing something ("they", "the lads", "one of them")."""
    lex = _lexicon()
    return bool(lex.perpetrator_words.intersection(_words(text))) or bool(
        lex.perpetrator_phrases.search(text)
    )


class _Sentences:
    """Sentence numbering for a Doc: its ``paragraph_sentence`` cuts (spaCy's sentences, also
    cut at blank lines), and the ``clause``/``part`` around a phrase (:mod:`nlp.clauses`)."""

    def __init__(self, doc: Doc) -> None:
        self.cuts = segmentation(doc)
        self.starts = [c.start for c in self.cuts.of(Cut.PARAGRAPH_SENTENCE)]
        self.text = doc_text(doc)  # Doc.text joins every token: read it once

    def clause_around(self, kind: Cut, sentence: int, start: int, end: int) -> str:
        """The ``kind`` clause of sentence ``sentence`` that holds [start, end)."""
        return self.cuts.clause_around(kind, self.bounds(sentence), start, end)

    def index(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def bounds(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return start, end


def _date_value(mention: Any) -> tuple[date | None, date | None]:
    return mention.start_date, mention.end_date


def _is_incident_anchor(mention: Any) -> bool:
    return str(getattr(mention, "anchor", "reference")) == "incident"


class _Assembler:
    def __init__(self, parts: list[AnalysedSegment]) -> None:
        self.parts = parts
        self.incidents: list[_Incident] = []
        self.current: _Incident | None = None
        self.pending: dict[int, list[Any]] = {}
        self.corrections: dict[int, Any] = {}
        self.clause_dates: dict[int, list[Any]] = {}
        self.last_agencies: tuple[str, ...] = ()
        self.segment_mentions: list[Any] = []
        self.names_in_segment: set[str] = set()
        self.mention_starts: list[int] = []
        self.by_segment: dict[int, list[_Incident]] = {}
        self.block_starts: dict[int, list[int]] = {}
        self.segment_cues: list[Any] = []
        self.segment_agencies: list[Any] = []
        self.cue_starts: list[int] = []
        self.superseded: set[int] = set()
        self.in_report_clause: set[int] = set()
        self.incident_mentions: set[int] = set()

    # -- helpers -------------------------------------------------------------------------
    def _new_incident(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: _Sentences,
        char: int,
        start: date | None,
        end: date | None,
        why: str,
    ) -> _Incident:
        sentence = sents.index(char)
        s_start, s_end = sents.bounds(sentence)
        summary = " ".join(sents.text[s_start:s_end].split())
        if len(summary) > 160:
            summary = summary[:157].rstrip() + "..."
        incident = _Incident(
            start=start,
            end=end,
            segment=seg_index,
            sentence=sentence,
            block=(part.offset + s_start, part.offset + s_end),
            summary=summary,
            explanation=[why],
        )
        self.incidents.append(incident)
        self.by_segment.setdefault(seg_index, []).append(incident)
        self.current = incident
        return incident

    # -- main loop -----------------------------------------------------------------------
    def run(self) -> list[IncidentFinding]:
        for seg_index, part in enumerate(self.parts):
            self._segment(seg_index, part)
        return self._finish()

    def _segment(self, seg_index: int, part: AnalysedSegment) -> None:
        doc = part.doc
        text = doc_text(doc)
        sents = _Sentences(doc)
        lex = _lexicon()
        references = findings(doc, "references")
        ref_spans = sorted((r.start, r.end) for r in references)
        ref_starts = [s for s, _e in ref_spans]
        mentions = [
            f for f in findings(doc, "dates") if not _inside(f.start, ref_spans, ref_starts)
        ]
        mentions = _drop_shadowed(mentions)
        self.segment_mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.names_in_segment = {w.lower() for w in _NAMED_AFTER_KIN.findall(text)}
        cues = sorted(findings(doc, "reports"), key=lambda c: c.start)
        self.segment_cues = cues
        self.cue_starts = [c.start for c in cues]
        agencies = findings(doc, "agencies")
        self.segment_agencies = agencies
        reference_day = _reference_day(doc)
        if not part.chat or self.current is None or self.current.segment < seg_index - 3:
            # A new email part starts afresh; a chat message may go on about the last incident.
            if not part.chat:
                self.current = None

        # "A fortnight ago, the Wednesday, ...", "Monday, 31st August": two phrases in apposition
        # name one day; the more specific one says which.
        for first, second in zip(mentions, mentions[1:], strict=False):
            if re.fullmatch(r"\s*[,(–-]?\s*", text[first.end : second.start]):
                weaker = first if _specificity(first.value) < _specificity(second.value) else second
                if not _is_incident_anchor(first.value) and not _is_incident_anchor(second.value):
                    self.superseded.add(id(weaker))
        # "it was the 14th not the 15th": pair each correcting phrase with the negated one beside it.
        self.corrections = {}
        # "the 19th, no wait, the 18th": a self-correction between two date phrases.
        for first, second in zip(mentions, mentions[1:], strict=False):
            between = text[first.end : second.start]
            # "it wasn't the 9th of August, it was the 2nd"
            denied_first = re.search(
                r"(?:wasn'?t|wasn’t|was not|isn'?t|not)\s*$",
                text[max(0, first.start - 12) : first.start],
                re.I,
            )
            if (
                denied_first
                and len(between) < 40
                and re.match(r"\W*(?:it was|it's|it’s|but|actually|was)\b", between, re.I)
            ):
                self.corrections[id(second)] = first.value
                self.superseded.add(id(first))
                continue
            if len(between) < 90 and _SELF_CORRECTION.search(between):
                self.corrections[id(second)] = first.value
                self.superseded.add(id(first))
        for m in mentions:
            if getattr(m.value, "corrects", False) and id(m) not in self.corrections:
                same = [
                    n
                    for n in findings(doc, "dates")
                    if getattr(n.value, "negated", False)
                    and sents.index(n.start) == sents.index(m.start)
                ]
                if same:
                    nearest = min(same, key=lambda n: abs(n.start - m.start))
                    self.corrections[id(m)] = nearest.value

        events: list[tuple[int, int, str, Any]] = []
        for m in mentions:
            events.append((m.start, 1, "date", m))
        for c in cues:
            events.append((c.start, 0, "cue", c))
        for m in lex.undated.finditer(text):
            events.append((m.start(), 2, "undated", m))
        for risk in findings(doc, "risk"):
            if risk.label == "immediate_danger":
                events.append((risk.start, 3, "now", risk))
        events.sort(key=lambda e: (e[0], e[1]))

        claimed: set[int] = set()  # ids of date findings used as report dates
        self.pending = {}  # date finding id -> cues told with that date
        report_dates: dict[int, Any] = {}
        clause_dates: dict[int, list[Any]] = {}
        # First pass: the dates each report cue's clause names; the first decides what it is.
        for c in cues:
            if c.label == "collective":
                continue
            clause_end = _clause_end_char(doc, c.end)
            inside = self._mentions_between(c.end, clause_end)
            if not inside:
                # "... and two days later I reported it": a day told just before the report verb
                before = self._mentions_between(max(0, c.start - 40), c.start)
                if before and _LEAD_IN.fullmatch(text[before[-1].end : c.start]):
                    if _is_incident_anchor(before[-1].value) or self.current is not None:
                        inside = [before[-1]]
            # A later date in the clause is another report's date only when another body is
            # named before it ("... that night and to Environmental Health on 14/09/2026").
            for k in range(1, len(inside)):
                between = text[inside[k - 1].end : inside[k].start].lower()
                if not any(
                    inside[k - 1].end <= a.start < inside[k].start for a in agencies
                ) and not ("again" in between or re.fullmatch(r"\W*", between)):
                    inside = inside[:k]
                    break
            if not inside or inside[0].value.start_date != inside[0].value.end_date:
                # "I told the PCSO when she came round on the Wednesday": a "when" clause with no
                # behaviour in it says when the report was made.
                following = _when_clause(text, clause_end)
                if following is not None and not _has_event(text[following[0] : following[1]]):
                    inside = inside + self._mentions_between(*following)
            if inside:
                report_dates[id(c)] = inside[0]
                clause_dates[id(c)] = inside
        self.clause_dates = clause_dates
        self.in_report_clause = {id(m) for ms in clause_dates.values() for m in ms}

        for char, _order, kind, item in events:
            sentence = sents.index(char)
            if kind == "now":
                # "they're at the back door now trying to get in": an incident today, told as it
                # happens (the risk recogniser found it happening now)
                s_start, s_end = sents.bounds(sentence)
                if (
                    reference_day is not None
                    and not self._mentions_between(s_start, s_end)
                    and _HAPPENING.search(text[s_start:s_end])
                ):
                    self._new_incident(
                        seg_index, part, sents, char, reference_day, reference_day, "happening now"
                    )
                continue
            if kind == "undated":
                s_start, s_end = sents.bounds(sentence)
                sentence_mentions = self._mentions_between(s_start, s_end)
                if not sentence_mentions and _has_event(text[item.end() : s_end], strong=True):
                    self._new_incident(
                        seg_index,
                        part,
                        sents,
                        char,
                        None,
                        None,
                        f"an occurrence with no date ('{item.group(0)}')",
                    )
                continue
            if kind == "date":
                if id(item) in claimed:
                    continue
                self._date(seg_index, part, sents, item, reference_day, cues, report_dates, claimed)
                continue
            # a report cue
            if item.label == "collective":
                continue
            self._cue(seg_index, part, sents, item, cues, report_dates, claimed, mentions)

        # references and hate markers go to the incident whose block holds them
        for r in references:
            target = self._incident_at(seg_index, part.offset + r.start)
            if target is not None:
                target.references.append(str(r.value))
        for h in findings(doc, "hate"):
            target = self._incident_at(seg_index, part.offset + h.start)
            if target is None and part.chat and self.current is not None:
                # a chat message going on about the incident of the message before
                if self.current.segment >= seg_index - 2:
                    target = self.current
            if target is not None:
                target.hate.add(h.label)
        # "the same lads shouted the same stuff at me": the abuse told before, again
        for incident in self.by_segment.get(seg_index, []):
            block = text[incident.block[0] - part.offset : incident.block[1] - part.offset]
            if not incident.hate and _SAME_ABUSE.search(block):
                earlier = [i for i in self.incidents if i.hate and i is not incident]
                if earlier:
                    incident.hate |= earlier[-1].hate

    def _incident_at(self, seg_index: int, char: int) -> _Incident | None:
        """The incident told last before ``char`` in this segment (its block holds ``char``)."""
        told = self.by_segment.get(seg_index, [])
        cached = self.block_starts.get(seg_index)
        if cached is None or len(cached) != len(told):
            cached = self.block_starts[seg_index] = [i.block[0] for i in told]
        k = bisect.bisect_right(cached, char) - 1
        return told[k] if k >= 0 else None

    def _cues_between(self, start: int, end: int) -> list[Any]:
        """The segment's report cues starting in [start, end), in order."""
        lo = bisect.bisect_left(self.cue_starts, start)
        hi = bisect.bisect_left(self.cue_starts, end)
        return self.segment_cues[lo:hi]

    def _mentions_between(self, start: int, end: int) -> list[Any]:
        """The segment's date phrases starting in [start, end), in order."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return self.segment_mentions[lo:hi]

    def _extend_block(
        self,
        incident: _Incident,
        part: AnalysedSegment,
        sents: _Sentences,
        char: int,
        seg_index: int,
    ) -> None:
        if incident.segment != seg_index:
            return
        _s, s_end = sents.bounds(sents.index(char))
        incident.block = (incident.block[0], max(incident.block[1], part.offset + s_end))

    def _date(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: _Sentences,
        mention_f: Any,
        reference_day: date | None,
        cues: list[Any],
        report_dates: dict[int, Any],
        claimed: set[int],
    ) -> None:
        text = sents.text
        m = mention_f.value
        if getattr(m, "negated", False):
            return
        if id(mention_f) in self.superseded:
            return
        if self._reported_not_until(mention_f, text, sents):
            return
        if getattr(m, "corrects", False) or id(mention_f) in self.corrections:
            wrong = self.corrections.get(id(mention_f))
            if wrong is not None and self._correct(m, wrong):
                return
        if _is_incident_anchor(m):
            # "the next day they were back": an incident relative to the one just told.
            offset = getattr(m, "offset_days", None) or 0
            base = self.current
            if base is None or offset <= 0 or base.end is None:
                return
            sentence = sents.index(mention_f.start)
            s_start, s_end = sents.bounds(sentence)
            rest = text[mention_f.end : s_end]
            if not _has_event(rest):
                return  # "the officer who rang me back the next day was rude": not an incident
            day = base.end + timedelta(days=offset)
            self._new_incident(
                seg_index,
                part,
                sents,
                mention_f.start,
                day,
                day,
                f"'{m.text}' after the incident of {base.end.isoformat()}",
            )
            return
        start, end = _date_value(m)
        if start is None or end is None:
            return
        if reference_day is not None and start > reference_day:
            return  # the future ("next year", a hearing next week) is not an incident
        if end - start > _LONGEST_INCIDENT - timedelta(days=1):
            return  # "this year", "last year": a period, not an occurrence
        before = text[max(0, mention_f.start - 40) : mention_f.start]
        lex = _lexicon()
        if lex.background.search(before) or lex.background_start.match(m.text):
            return
        if self._follows_date(mention_f, text, r"\s*(?:to|till|until|-|–|\()\s*"):
            return  # the far end of "from March to June", or "the next day (18/6)"
        if str(getattr(m, "explanation", "")).lower().find("birth") >= 0:
            return
        if " " not in m.text.strip() and (
            re.match(r"['’]s\b", text[mention_f.end : mention_f.end + 3])
            or m.text.strip().lower() in self.names_in_segment
        ):
            return  # "June's illness", "my wife June ... June gets upset": a person, not the month
        if start != end and any(
            0 < other.start - mention_f.end < 40
            and other.value.start_date is not None
            and id(other) not in self.in_report_clause
            and start <= other.value.start_date <= end
            and other.value.start_date == other.value.end_date
            for other in self._mentions_between(mention_f.end + 1, mention_f.end + 40)
        ):
            return  # "in October, it was the 18th": the later, exact day tells it
        sentence = sents.index(mention_f.start)
        s_start, s_end = sents.bounds(sentence)
        # Adjacent phrases naming the same day ("Monday, 31st August") are one date.
        if (
            self.current is not None
            and self.current.segment == seg_index
            and self.current.sentence == sentence
        ):
            if (
                self.current.start is not None
                and self.current.start <= start
                and end <= (self.current.end or end)
            ):
                # "last weekend ..., Saturday and Sunday", "Monday, 31st August": the same time told again
                return
        around = text[s_start:s_end]
        cue_nearby = any(c.label != "collective" for c in self._cues_between(s_start, s_end))
        if part.note and not cue_nearby:
            # A forwarder's note tells an incident only with its report ("She did not report this").
            if sentence + 1 >= len(sents.starts) or not any(
                c.label != "collective"
                and _ANAPHORA.intersection(_words(text[c.end : c.end + 30])[:4])
                for c in self._cues_between(*sents.bounds(sentence + 1))
            ):
                return
        clause = sents.clause_around(Cut.CLAUSE, sentence, mention_f.start, mention_f.end)
        if lex.not_incident.intersection(_words(_PLACE_COURT.sub(" ", clause))):
            return  # "on 2 October the CPS wrote to me", "the hearing on the 14th"
        part_of = sents.clause_around(Cut.PART, sentence, mention_f.start, mention_f.end)
        heading = not re.search(r"\w", part_of.replace(m.text, ""))  # "- 4/8/26: cars racing..."
        if (
            not heading
            and len(part_of) < len(around) - 2
            and not (
                _has_event(part_of)
                or _has_perpetrator(part_of)
                or any(
                    c.label != "collective"
                    for c in self._cues_between(
                        s_start + around.find(part_of),
                        s_start + around.find(part_of) + len(part_of),
                    )
                )
            )
        ):
            return  # "Since Mum sent me that on Thursday things got worse: yesterday ...": not it
        if not (_has_event(around) or _has_perpetrator(around) or cue_nearby):
            if not self._told_next(sents, sentence, text):
                return
        incident = self._new_incident(
            seg_index, part, sents, mention_f.start, start, end, f"date phrase '{m.text}'"
        )
        self.incident_mentions.add(id(mention_f))
        for cue, span, cue_sentence, cue_segment in self.pending.pop(id(mention_f), []):
            if cue.negated:
                incident.negative_reports += 1
                continue
            incident.reports.append(
                _Report(
                    cue=cue, span=span, offset_days=0, sentence=cue_sentence, segment=cue_segment
                )
            )

    def _reported_not_until(self, mention_f: Any, text: str, sents: _Sentences) -> bool:
        """ "I put it on the council website but not till Sunday": the report's day, not an incident."""
        before = text[max(0, mention_f.start - 25) : mention_f.start].lower()
        current = self.current
        if current is None or not re.search(
            r"\b(?:not|only)\s+(?:until|till|til|untill)\s*$", before
        ):
            return False
        sentence = sents.index(mention_f.start)
        value = mention_f.value
        for r in reversed(current.reports):
            if (
                r.sentence == sentence
                and value.start_date is not None
                and value.start_date == value.end_date
            ):
                r.on, r.offset_days = value.start_date, None
                return True
        return False

    def _follows_date(self, mention_f: Any, text: str, between: str) -> bool:
        """Whether another date phrase ends just before this one, only ``between`` apart."""
        pattern = re.compile(between + r"$")
        return any(
            other.end <= mention_f.start
            and mention_f.start - other.end <= 6
            and pattern.fullmatch(text[other.end : mention_f.start])
            for other in self._mentions_between(mention_f.start - 80, mention_f.start)
        )

    def _told_next(self, sents: _Sentences, sentence: int, text: str) -> bool:
        """Whether the next sentence goes on about it: "Last night was the worst. At about ten he
        kicked the door", or "On the 24th a rock came through the window. I reported it ..."."""
        if sentence + 1 >= len(sents.starts):
            return False
        n_start, n_end = sents.bounds(sentence + 1)
        following = text[n_start:n_end]
        if _has_event(following) and _has_perpetrator(following):
            return True
        return any(
            c.label != "collective"
            and _ANAPHORA.intersection(_words(following[c.end - n_start :][:25]))
            for c in self._cues_between(n_start, n_end)
        )

    def _correct(self, m: Any, wrong: Any) -> bool:
        start, end = m.start_date, m.end_date
        bare_day = re.fullmatch(
            r"(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?", m.text.strip(), re.I
        )
        if bare_day and wrong.start_date is not None:
            # "it wasn't the 9th of August, it was the 2nd": the 2nd of the same month
            try:
                start = end = wrong.start_date.replace(day=int(bare_day.group(1)))
            except ValueError:
                pass
        for incident in reversed(self.incidents):
            if incident.start == wrong.start_date and incident.end == wrong.end_date:
                incident.explanation.append(f"date corrected to '{m.text}'")
                incident.start, incident.end = start, end
                self.current = incident
                return True
        return False

    def _cue(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: _Sentences,
        cue_f: Any,
        cues: list[Any],
        report_dates: dict[int, Any],
        claimed: set[int],
        mentions: list[Any],
    ) -> None:
        doc, text = part.doc, sents.text
        cue: ReportCue = cue_f.value
        sentence = sents.index(cue_f.start)
        s_start, s_end = sents.bounds(sentence)
        date_f = report_dates.get(id(cue_f))
        clause_end = _clause_end_char(doc, cue_f.end)
        clause_words = re.findall(r"[a-z]+", text[cue_f.end : clause_end].lower())
        refers_back = bool(_ANAPHORA.intersection(clause_words[:6]))
        if not cue.agencies and "you" in clause_words[:4] and part.recipient_agency:
            cue = ReportCue(cue.negated, (part.recipient_agency,), cue.until)
        cue_words = re.findall(r"[a-z]+", text[cue_f.start : clause_end].lower())[:4]
        if not cue.agencies and "again" in cue_words and self.last_agencies:
            cue = ReportCue(cue.negated, self.last_agencies, cue.until)  # "rang again": same body
        if cue.agencies and not cue.negated:
            self.last_agencies = cue.agencies
        current = self.current
        # The cue is about the incident just told when it follows closely, refers back ("reported
        # it"), or names a later day and no behaviour of its own ("I told the council in
        # September"); otherwise its date is a new incident told through its report.
        clause_text = text[cue_f.end : clause_end]
        later_day = (
            current is not None
            and current.start is not None
            and date_f is not None
            and not _is_incident_anchor(date_f.value)
            and date_f.value.start_date is not None
            and date_f.value.start_date >= current.start
            and not _has_event(clause_text)
        )
        recent = current is not None and (
            (current.segment == seg_index and sentence - current.sentence <= 1)
            or (current.segment == seg_index - 1 and part.chat)
            or refers_back
            or (later_day and current.segment == seg_index)
        )
        if date_f is not None and not _is_incident_anchor(date_f.value):
            after = text[date_f.end : s_end]
            after_words = re.findall(r"[a-z]+", after.lower())[:3]
            introduces_event = bool(_ABOUT_WORDS.intersection(after_words)) and _has_event(after)
            starts_before_current = (
                current is not None
                and current.start is not None
                and date_f.value.end_date is not None
                and date_f.value.end_date < current.start
            )
            if cue.until and current is not None and recent:
                pass  # "didn't report it until 2 September": that is when it was reported
            elif not recent or current is None or introduces_event or starts_before_current:
                # The date is when it happened, told through its report ("rang 101 on the 3rd"):
                # the incident that date starts takes this cue, reported that day.
                span = (part.offset + cue_f.start, part.offset + cue_f.end)
                self.pending.setdefault(id(date_f), []).append((cue, span, sentence, seg_index))
                return
        if current is None:
            return
        if current.segment != seg_index and not part.chat:
            return
        if (
            not refers_back
            and date_f is None
            and any(
                s_start <= m.start < cue_f.start
                and not _overlaps(m.value, current)
                and id(m) not in self.incident_mentions
                and id(m) not in self.in_report_clause
                for m in self._mentions_between(s_start, cue_f.start)
            )
        ):
            return  # "in the summer I made a report to ...": about another time, not this incident
        if (
            date_f is None
            and clause_words[:1] in (["them"], ["him"], ["her"])
            and (current.segment, current.sentence) != (seg_index, sentence)
        ):
            return  # "my neighbour has reported them as well": the people, not this incident
        report = _Report(
            cue=cue,
            span=(part.offset + cue_f.start, part.offset + cue_f.end),
            sentence=sentence,
            segment=seg_index,
        )
        if date_f is not None:
            value = date_f.value
            exact = [
                m.value
                for m in self.clause_dates.get(id(cue_f), [])
                if not _is_incident_anchor(m.value)
                and m.value.start_date is not None
                and m.value.start_date == m.value.end_date
                and value.start_date is not None
                and value.end_date is not None
                and value.start_date <= m.value.start_date <= value.end_date
            ]
            if _is_incident_anchor(value):
                report.offset_days = value.offset_days or 0
            elif value.start_date != value.end_date and exact:
                report.on = exact[0].start_date  # "in September ..., on the 14th"
            elif value.start_date != value.end_date:
                report.unknown_day = True  # "some day last week": the day itself is not known
            else:
                report.on = value.start_date
            # "to the police that night and to Environmental Health on 14/09": every date in the
            # clause is a report date; the first report counts.
            for other in self.clause_dates.get(id(cue_f), [date_f]):
                claimed.add(id(other))
                v = other.value
                if other is not date_f and not _is_incident_anchor(v) and v.start_date is not None:
                    report.also_on.append(v.start_date)
        if _lexicon().day_unknown.search(text[s_start:s_end]):
            report.unknown_day = True
        if _lexicon().agency_unknown.search(text[cue_f.start : s_end]):
            # "I can't remember if it was the police form or the council one"
            report.cue = ReportCue(cue.negated, (), cue.until)
        # "reported both", "reported every one of these", "the same day each time"
        collective = [
            c
            for c in self._cues_between(cue_f.end, clause_end)
            if c.label == "collective"
            and (c.start - cue_f.end < 25 or "each time" in text[c.start : c.end + 5].lower())
            # "to both the police and the council": both bodies, not both incidents
            and not any(
                0 <= a.start - c.end <= 6 and re.fullmatch(r"\s*(?:the\s*)?", text[c.end : a.start])
                for a in self.segment_agencies
            )
        ]
        targets = [current]
        if collective:
            report.collective = True
            word = text[collective[0].start : collective[0].end].lower()
            # In a chat the incidents were told in earlier messages; in an email, in this part.
            told = self.incidents if part.chat else self.by_segment.get(seg_index, [])
            told = [
                i
                for i in told
                if i.start is None
                or date_f is None
                or _is_incident_anchor(date_f.value)
                or date_f.value.start_date is None
                or i.start <= date_f.value.start_date
            ]
            targets = told[-2:] if word.startswith("both") else told
            if not targets:
                targets = [current]
        if cue.negated:
            for t in targets:
                t.negative_reports += 1
            return
        for t in targets:
            t.reports.append(report)
            self._extend_block(t, part, sents, cue_f.start, seg_index)

    # -- output --------------------------------------------------------------------------
    def _finish(self) -> list[IncidentFinding]:
        merged: list[_Incident] = []
        by_day: dict[tuple[date, date | None], _Incident] = {}
        for incident in self.incidents:
            same = (
                by_day.get((incident.start, incident.end)) if incident.start is not None else None
            )
            if same is not None:
                same.reports.extend(incident.reports)
                same.negative_reports += incident.negative_reports
                same.references.extend(incident.references)
                same.hate |= incident.hate
                same.explanation.extend(incident.explanation)
                continue
            merged.append(incident)
            if incident.start is not None:
                by_day[(incident.start, incident.end)] = incident
        out = []
        for incident in merged:
            out.append(self._to_finding(incident))
        out.sort(key=lambda f: (f.start is None, f.start or date.min, f.end or date.min))
        return out

    def _to_finding(self, incident: _Incident) -> IncidentFinding:
        # Only a relevant body makes a report count (threshold-rules.md): telling only an MP, a
        # councillor or a private landlord is "not reported"; a report to an unnamed body counts.
        relevant = [
            r
            for r in incident.reports
            if not r.cue.agencies or any(a != "other" for a in r.cue.agencies)
        ]
        reported: bool | None = None
        if relevant:
            reported = True
        elif incident.reports or incident.negative_reports:
            reported = False
        dated: list[date] = []
        dateless: list[_Report] = []
        sentence_dates: dict[tuple[int, int], date] = {}
        for r in relevant:
            if r.on is not None:
                sentence_dates.setdefault((r.segment, r.sentence), r.on)
        for r in relevant:
            dated.extend(r.also_on)
            if r.on is not None:
                dated.append(r.on)
            elif r.offset_days is not None and incident.end is not None:
                dated.append(incident.end + timedelta(days=r.offset_days))
            elif (r.segment, r.sentence) in sentence_dates:
                dated.append(sentence_dates[(r.segment, r.sentence)])
            else:
                dateless.append(r)
        reported_on: date | None = None
        if dated:
            # A report told without its day beside dated ones: the dated ones say when; only one
            # told in the incident's own sentence is that day ("... when I rang 101").
            own = [
                r
                for r in dateless
                if (r.segment, r.sentence) == (incident.segment, incident.sentence)
                and not r.unknown_day
            ]
            reported_on = min(dated + ([incident.end] if own and incident.end else []))
        elif (
            dateless
            and incident.end is not None
            and incident.start == incident.end  # a vague time ("mid October"): the day is unknown
            and not any(r.unknown_day or r.collective for r in dateless)
        ):
            reported_on = incident.end  # told as part of the incident: that day
        if incident.start is not None and reported_on is not None and reported_on < incident.start:
            reported_on = None  # a report cannot come before what it reports
        agencies: list[str] = []
        for r in incident.reports:
            for a in r.cue.agencies:
                if a not in agencies:
                    agencies.append(a)
        evidence = [incident.block] + [r.span for r in incident.reports]
        return IncidentFinding(
            start=incident.start,
            end=incident.end,
            reported=reported,
            reported_on=reported_on,
            agencies=tuple(agencies),
            references=tuple(dict.fromkeys(incident.references)),
            hate_strands=tuple(sorted(incident.hate)),
            summary=incident.summary,
            evidence=tuple(evidence),
            explanation=tuple(incident.explanation),
        )


def _when_clause(text: str, clause_end: int) -> tuple[int, int] | None:
    """The "when ..." clause starting at ``clause_end``, if that is where the clause broke."""
    m = re.match(r"\s*(?:when|as)\b", text[clause_end : clause_end + 8], re.I)
    if m is None:
        return None
    start = clause_end + m.end()
    stop = re.search(r"[.;:!?]|\b(?:but|and then|then)\b", text[start : start + 120])
    return start, start + (stop.start() if stop else min(120, len(text) - start))


# "Welland Court", "Kingsley Court": an address, not a court of law (Crown, County, Magistrates').
_PLACE_COURT = re.compile(
    r"\b(?!(?:Crown|County|Magistrates|Family|High|Youth|Supreme|Appeal)\b)[A-Z][a-z]+['’]?\s+Court\b"
)
# What may stand between a day and the report verb it dates: "two days later I reported it".
_LEAD_IN = re.compile(
    r"[\s,]*(?:and\s+|then\s+|so\s+)*(?:i|we|she|he|they|my \w+|mum|dad)?\s*(?:only|finally|then|also)?\s*",
    re.I,
)
_SAME_ABUSE = re.compile(
    r"\b(?:shout\w*|call\w*|said|yell\w*|scream\w*)\s+(?:\w+\s+){0,2}the same (?:stuff|things?|abuse|names|words|slurs?)\b",
    re.I,
)
# Someone doing something as the writer writes: "they're at the door", "he is kicking the car".
_HAPPENING = re.compile(
    r"\b(?:they['’]?re|they are|he['’]?s|he is|she['’]?s|she is|someone['’]?s|someone is|"
    r"somebody['’]?s|somebody is|there['’]?s (?:a|some|people|lads|men))\b",
    re.I,
)
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I
)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b", re.I)


def _specificity(mention: Any) -> int:
    """3 for a written day or month, 2 for a relative day ("a fortnight ago"), 1 for a weekday."""
    text = mention.text
    if re.search(r"\d", text) or _MONTH_WORD.search(text):
        return 3
    if _WEEKDAY_WORD.search(text):
        return 1
    return 2


def _inside(char: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, char) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def _overlaps(mention: Any, incident: _Incident) -> bool:
    if mention.start_date is None or incident.start is None or incident.end is None:
        return True
    return bool(
        mention.start_date <= incident.end
        and incident.start <= (mention.end_date or mention.start_date)
    )


def _drop_shadowed(mentions: list[Any]) -> list[Any]:
    """Where two date phrases overlap, keep the longer."""
    mentions = sorted(mentions, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Any] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _clause_end_char(doc: Doc, end_char: int) -> int:
    """Character offset where the clause starting at ``end_char`` ends (see nlp.reports)."""
    starts = token_starts(doc)
    k = bisect.bisect_left(starts, end_char)
    token_index = k if k < len(starts) else None
    if token_index is None or token_index == 0:
        return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    j = clause_end_token(doc, token_index)
    return doc[j].idx if j < len(doc) else doc[-1].idx + len(doc[-1].text_with_ws)


def _reference_day(doc: Doc) -> date | None:
    ref = doc._.reference
    if ref is None:
        return None
    return ref.astimezone(ZoneInfo("Europe/London")).date()  # type: ignore[no-any-return]


def assemble_incidents(parts: list[AnalysedSegment]) -> list[IncidentFinding]:
    """The incidents told across the analysed segments of one document, in date order."""
    return _Assembler(parts).run()
