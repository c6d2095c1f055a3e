"""From date phrases and report cues to incidents.

The account is read in order, segment by segment (a chat message, an email body, a forwarded
original), keeping a *current incident*:

- every date phrase is a candidate incident, which the ordered, named date rules of
  :mod:`nlp.incident_candidates` accept or reject (``patterns/incident_rules.json``): behaviour
  words (``EVENT`` in ``patterns/events.jsonl``), a perpetrator or a report cue in its own
  conjuncts make it an incident; background dates ("since 2019", "every weekend"), future dates,
  long periods ("this year"), clauses about something else (a GP appointment, a court hearing),
  the writer's own household ("I drove my son to football") do not, and each rejection keeps its
  rule and reason (:func:`assemble` returns them beside the incidents); dates inside reference
  numbers are not candidates;
- a report cue ("reported it", "rang 101") belongs to the current incident; the first date phrase
  in its clause is the report's date when the clause refers back ("reported *it* on 2 June") or the
  incident was just told; otherwise that date is a new incident told through its report ("rang 101
  on the 3rd about the cars");
- "the next day", "two days later" in a report clause count from the incident's day;
  "straight away", "that night" are the incident's day (extract-contract.md, date conventions);
- a report whose day is not given is the incident's day ("a report told as part of the incident"),
  unless the text says the day is not known, or one statement covers several incidents;
- "both", "every one of these", "the lot" apply one report statement to several incidents,
  "a couple of times" too (days not given); "the earlier one" aims it at one of them;
- "it was the 14th not the 15th" moves the incident dated the 15th to the 14th;
- "one time they ..." starts an incident with no date.

Pure: reads analysed spaCy Docs, returns plain values. The reading is here, the date rules in
:mod:`nlp.incident_candidates` (run in order; the rules on time in :mod:`nlp.incident_when`, on
what happened in :mod:`nlp.incident_behaviour`, their words in :mod:`nlp.incident_rules`); the
report rules are in :mod:`nlp.incident_reports`, the words and phrases in
:mod:`nlp.incident_words`, the values and the running state in :mod:`nlp.incident_model`;
sentences and clauses come from the ``clauses`` component (:mod:`nlp.clauses`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from nlp.hate import names_strand
from nlp.hate_deeds import Reasons, general_statement, is_reason
from nlp.incident_candidates import CandidateRules
from nlp.incident_model import AnalysedSegment, Incident, IncidentFinding, Sentences
from nlp.incident_reports import answered_reports, incident_finding
from nlp.incident_rules import (
    Rejection,
    has_actor,
    has_strong_event,
)
from nlp.incident_words import (
    DATED_LINE,
    HAPPENING,
    LEAD_IN,
    LIST_LINE_BREAK,
    NAMED_AFTER_KIN,
    POSSESSIVE,
    SAME_ABUSE,
    SELF_CORRECTION,
    clause_end_char,
    drop_shadowed,
    event_lexicon,
    has_event,
    is_incident_anchor,
    reference_day_of,
    report_day_unsure,
    specificity,
    when_clause,
    within_spans,
)
from nlp.pipeline import doc_text, findings

__all__ = [
    "AnalysedSegment",
    "Assembly",
    "IncidentFinding",
    "Rejection",
    "assemble",
    "assemble_incidents",
]


# An undated phrase that names who did it ("the time he", "the time they").
_DOER_NAMED = re.compile(r"\b(?:he|she|they|someone|somebody|them)$", re.I)
# Something aimed at the writer or the household ("told me", "at my gate", "at us").
_AT_WRITER = re.compile(r"\b(?:me|us|my|our)\b", re.I)
# Words said at the victim: the abuse a motivation told before ("because we are gay") is about.
_NAME_CALLING = re.compile(
    r"\b(?:called|calling|call|shouted|shouting|yelled|yelling|screamed|screaming)"
    r"\s+(?:at\s+)?(?:us|me|him|her|them|my\s+\w+|our\s+\w+)\s+(?:names|a\s+|an\s+|[\"'“‘])",
    re.I,
)
# What may follow an undated phrase told after its behaviour ("once before", "one time too").
_AFTER_UNDATED = re.compile(r"\b(?:before|already|too|as well|also|again|previously)\b", re.I)
# Where the clause of an undated phrase told after its behaviour ends: a comma, ";" or "but".
# When a behaviour began, not an occurrence of it ("can't remember when they started shouting").
_BEGAN = re.compile(r"\b(?:start\w*|began|begun|begin\w*|first)\b", re.I)
# A behaviour word in the past tense: one occurrence, not a habit ("they slashed", "he broke").
_PAST_DONE = re.compile(
    r"\b\w+ed\b|\b(?:broke|threw|spat|stole|hit|cut|bit|tore|took|kicked|smashed)\b", re.I
)
_UNDATED_CLAUSE_END = re.compile(r"[,;]|\bbut\b", re.I)


# A motivation told of every incident at once ("all of this is about my son's autism").
_EVERY_ONE = re.compile(
    r"\b(?:every one of|each of|all of)\s+(?:these|them|those|this|it)\b|\ball\s+(?:these|those)\s+"
    r"(?:things|incidents|times)\b|\b(?:all this|everything)\s+(?:is|was|has been)\b",
    re.I,
)


@dataclass(frozen=True)
class Assembly:
    """The incidents an account tells, and the date phrases set aside with why."""

    incidents: list[IncidentFinding]
    rejected: list[Rejection]


def _weaker(first: Any, second: Any) -> Any | None:
    """Of two phrases in apposition, the one whose days hold the other's single day ("Last year
    on Christmas Eve", "in July, the 14th"): the single day says which. None when neither does."""
    a = (first.value.start_date, first.value.end_date)
    b = (second.value.start_date, second.value.end_date)
    if None in a or None in b or a == b:
        return None
    if a[0] == a[1] and b[0] <= a[0] <= b[1]:
        return second
    if b[0] == b[1] and a[0] <= b[0] <= a[1]:
        return first
    return None


class _Assembler(CandidateRules):
    """Reads the analysed segments in order and assembles the incidents they tell."""

    # -- main loop -----------------------------------------------------------------------
    def run(self) -> list[IncidentFinding]:
        """The incidents told across the segments, in date order."""
        # strands of abuse told with no incident ("every time we walk past they shout ..."), which
        # a later incident told as the same abuse ("shouting it", "the same shouting") takes
        self.loose_hate: set[str] = set()
        self.reasons = Reasons()  # "they only do it to me because I'm old": see nlp.hate_deeds
        for seg_index, part in enumerate(self.parts):
            self._segment(seg_index, part)
        return self._finish()

    def _segment(self, seg_index: int, part: AnalysedSegment) -> None:
        doc = part.doc
        text = doc_text(doc)
        sents = Sentences(doc)
        lex = event_lexicon()
        references = findings(doc, "references")
        ref_spans = sorted((r.start, r.end) for r in references)
        ref_starts = [s for s, _e in ref_spans]
        mentions = [
            f for f in findings(doc, "dates") if not within_spans(f.start, ref_spans, ref_starts)
        ]
        mentions = drop_shadowed(mentions)
        self.segment_mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.names_in_segment = {w.lower() for w in NAMED_AFTER_KIN.findall(text)}
        cues = sorted(findings(doc, "reports"), key=lambda c: c.start)
        if part.report_answer and not any(c.label != "collective" for c in cues):
            cues = sorted(
                cues + answered_reports(text, findings(doc, "agencies")), key=lambda c: c.start
            )
        self.segment_cues = cues
        self.cue_starts = [c.start for c in cues]
        agencies = findings(doc, "agencies")
        self.segment_agencies = agencies
        reference_day = reference_day_of(doc)
        if not part.chat or self.current is None or self.current.segment < seg_index - 3:
            # A new email part starts afresh; a chat message may go on about the last incident.
            if not part.chat:
                self.current = None

        # "A fortnight ago, the Wednesday, ...", "Monday, 31st August": two phrases in apposition
        # name one day; the more specific one says which.
        for first, second in zip(mentions, mentions[1:], strict=False):
            between = text[first.end : second.start]
            # a date ending one row of a log and the date starting the next are two days
            new_row = "\n" in between and DATED_LINE.match(
                text, first.end + between.rfind("\n") + 1
            )
            if (
                re.fullmatch(r"\s*[,(–-]?\s*", between)
                and not LIST_LINE_BREAK.search(between)
                and not new_row
                # a date ending one line of a list and the one heading the next ("... on 14
                # April\nAug. 7 - music ...") are two days
                and sents.index(first.start) == sents.index(second.start)
            ):
                weaker = _weaker(first, second) or (
                    first if specificity(first.value) < specificity(second.value) else second
                )
                listed = (
                    specificity(first.value) == specificity(second.value)
                    and first.value.start_date == first.value.end_date
                    and second.value.start_date == second.value.end_date
                    and first.value.start_date != second.value.start_date
                    and bool(self.mentions_between(second.end + 1, second.end + 14))
                    and re.match(r"\s*(?:,|and\b|or\b|&)", text[second.end :]) is not None
                )  # "the 3rd, the 5th and last Saturday": a list of days, not one day twice
                if (
                    not listed
                    and not is_incident_anchor(first.value)
                    and not is_incident_anchor(second.value)
                ):
                    self.superseded.add(id(weaker))
        # "it was the 14th not the 15th": pair each correcting phrase with the negated one beside
        # it.
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
            if len(between) < 90 and SELF_CORRECTION.search(between):
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
        for m in lex.day_unknown.finditer(text):
            # "they slashed my tyres too, rang 101 about it but couldn't tell you when": read at
            # the start of its sentence, so that the report told in it is this incident's
            events.append((sents.bounds(sents.index(m.start()))[0], -1, "day_unknown", m))
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
            clause_end = clause_end_char(doc, c.end)
            # "I reported Friday's incident on Monday": a day's possessive names what was
            # reported, not when
            inside = [
                m
                for m in self.mentions_between(c.end, clause_end)
                if not POSSESSIVE.match(text, m.end)
                and not report_day_unsure(text, c.end, m.start, clause_end)
            ]
            if not inside:
                # "... and two days later I reported it": a day told just before the report verb
                before = self.mentions_between(max(0, c.start - 40), c.start)
                if before and LEAD_IN.fullmatch(text[before[-1].end : c.start]):
                    if is_incident_anchor(before[-1].value) or self.current is not None:
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
                following = when_clause(text, clause_end)
                if following is not None and not has_event(text[following[0] : following[1]]):
                    inside = inside + self.mentions_between(*following)
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
                    and not self.mentions_between(s_start, s_end)
                    and HAPPENING.search(text[s_start:s_end])
                ):
                    self.new_incident(
                        seg_index, part, sents, char, reference_day, reference_day, "happening now"
                    )
                continue
            if kind == "day_unknown":
                self._day_unknown(seg_index, part, sents, item)
                continue
            if kind == "undated":
                s_start, s_end = sents.bounds(sentence)
                # a report's own day ("..., I reported it the same day") says nothing of when
                sentence_mentions = [
                    m
                    for m in self.mentions_between(s_start, s_end)
                    if not (is_incident_anchor(m.value) and id(m) in self.in_report_clause)
                ]
                # "one night they ...", or told first and placed after: "They slashed a tyre once
                # before.", "they broke a panel at some point, I reported it ..."
                own_end = _UNDATED_CLAUSE_END.search(text, item.end(), s_end)
                placed_after = not re.search(
                    r"\w",
                    _AFTER_UNDATED.sub(
                        "", text[item.end() : own_end.start() if own_end else s_end]
                    ),
                ) and has_actor(text[s_start : item.start()])
                told = text[s_start : item.start()] if placed_after else text[item.end() : s_end]
                # "the time he stood at my gate and told me ...": the phrase names who, and what
                # he did is aimed at the writer
                aimed = _DOER_NAMED.search(item.group(0)) is not None and bool(
                    _AT_WRITER.search(told)
                )
                # "another time they kicked my gate in, ... cant remember when": the incident the
                # day-unknown phrase started already (read at the sentence's start)
                started = any(
                    (i.segment, i.sentence) == (seg_index, sentence) and i.start is None
                    for i in self.incidents
                )
                # "at some point they put bacon on my door handle, I reported that to the
                # police": done by them and reported (or hateful), whatever the words for it
                reported = has_actor(told) and (
                    any(
                        c.label != "collective" and not c.value.negated
                        for c in self.cues_between(item.end(), s_end)
                    )
                    or any(s_start <= h.start < s_end for h in findings(doc, "hate"))
                )
                if (
                    not sentence_mentions
                    and not started
                    and (has_event(told, strong=True) or aimed or reported)
                ):
                    self.new_incident(
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
            self.attach_cue(seg_index, part, sents, item, cues, report_dates, claimed, mentions)

        # references and hate markers go to the incident whose block holds them
        for r in references:
            target = self.incident_at(seg_index, part.offset + r.start)
            if target is not None:
                target.references.append(str(r.value))
        for h in findings(doc, "hate"):
            if _EVERY_ONE.search(text[h.start : h.end]):
                # "every one of these things is about our colour": each incident told
                for incident in self.incidents if part.chat else self.by_segment.get(seg_index, []):
                    incident.hate.add(h.label)
                continue
            target = self.incident_at(seg_index, part.offset + h.start)
            said = sents.bounds(sents.index(h.start))
            if is_reason(h) and not self.mentions_between(*said):
                after = sents.bounds(min(sents.index(h.start) + 2, len(sents.starts) - 1))[1]
                spreads = general_statement(h, text[slice(*said)], text[said[1] : after])
                holder = target
                if holder is None and part.chat and self.current is not None:
                    # a chat message going on about the incident of the message before
                    holder = self.current if self.current.segment >= seg_index - 2 else None
                self.reasons.state(h.label, seg_index, part.chat, holder, spreads)
                if holder is not None:
                    continue
            if target is None and part.chat and self.current is not None:
                # a chat message going on about the incident of the message before
                if self.current.segment >= seg_index - 2:
                    target = self.current
            if target is not None:
                target.hate.add(h.label)
            else:
                self.loose_hate.add(h.label)
        # "the same lads shouted the same stuff at me": the abuse told before, again
        for incident in self.by_segment.get(seg_index, []):
            self.reasons.told(incident, text[slice(*sents.bounds(incident.sentence))])
            block = text[incident.block[0] - part.offset : incident.block[1] - part.offset]
            if not incident.hate and SAME_ABUSE.search(block):
                earlier = [i for i in self.incidents if i.hate and i is not incident]
                if earlier:
                    incident.hate |= earlier[-1].hate
                elif self.loose_hate:
                    incident.hate |= self.loose_hate
            elif not incident.hate and self.loose_hate and _NAME_CALLING.search(block):
                # "... harassing us because we are a gay couple. On the 4th he called us names"
                incident.hate |= self.loose_hate

    def _day_unknown(
        self, seg_index: int, part: AnalysedSegment, sents: Sentences, item: re.Match[str]
    ) -> None:
        """An incident told with no date phrase and its day said to be unknown ("they also
        slashed two tyres, no idea when"): behaviour by a perpetrator told before the phrase,
        ahead of any report verb, in a sentence with no date phrase and no incident yet."""
        text = sents.text
        sentence = sents.index(item.start())
        s_start, s_end = sents.bounds(sentence)
        if self.mentions_between(s_start, s_end) or any(
            (i.segment, i.sentence) == (seg_index, sentence) for i in self.incidents
        ):
            return
        told_end = next(
            (c.start for c in self.cues_between(s_start, item.start()) if c.label != "collective"),
            item.start(),
        )
        told = text[s_start:told_end]
        # "cars were parked across her path ... and she reported that to the police, but she
        # cannot recall the date": a report told with it makes any behaviour word enough
        reported = told_end < item.start() and any(
            not c.value.negated for c in self.cues_between(told_end, item.start())
        )
        strong = has_strong_event(told) or (reported and has_event(told, strong=True))
        if not (has_actor(told) and strong and _PAST_DONE.search(told)):
            # "I can't remember the date but he also threw eggs", "another incident, unsure of
            # the date, when he kicked my gate in": the behaviour told after the phrase
            told_end = next(
                (c.start for c in self.cues_between(item.end(), s_end) if c.label != "collective"),
                s_end,
            )
            told = text[item.end() : told_end]
            strong = has_strong_event(told) and not _BEGAN.search(told)
        if has_actor(told) and strong and _PAST_DONE.search(told):
            self.new_incident(
                seg_index,
                part,
                sents,
                s_start,
                None,
                None,
                f"an occurrence whose day is not known ('{item.group(0)}')",
            )

    # -- output --------------------------------------------------------------------------
    def _finish(self) -> list[IncidentFinding]:
        self.reasons.apply(names_strand)
        merged: list[Incident] = []
        by_day: dict[tuple[date, date | None], Incident] = {}
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
            out.append(incident_finding(incident))
        out.sort(key=lambda f: (f.start is None, f.start or date.min, f.end or date.min))
        return out


def assemble(parts: list[AnalysedSegment]) -> Assembly:
    """The incidents told across the analysed segments of one document, in date order, and the
    date phrases the rules set aside, in text order."""
    assembler = _Assembler(parts)
    incidents = assembler.run()
    return Assembly(incidents, sorted(assembler.rejected, key=lambda r: r.start))


def assemble_incidents(parts: list[AnalysedSegment]) -> list[IncidentFinding]:
    """The incidents told across the analysed segments of one document, in date order."""
    return assemble(parts).incidents
