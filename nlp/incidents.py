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

Pure: reads analysed spaCy Docs, returns plain values. The date rules are here; the report rules
are in :mod:`nlp.incident_reports`, the words and phrases in :mod:`nlp.incident_words`, the values
and the running state in :mod:`nlp.incident_model`; sentences and clauses come from the
``clauses`` component (:mod:`nlp.clauses`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from nlp.clauses import Cut
from nlp.incident_model import AnalysedSegment, Incident, IncidentFinding, Report, Sentences
from nlp.incident_reports import ReportAttachment, incident_finding
from nlp.incident_words import (
    ANAPHORA,
    HAPPENING,
    LEAD_IN,
    NAMED_AFTER_KIN,
    PLACE_COURT,
    SAME_ABUSE,
    SELF_CORRECTION,
    clause_end_char,
    date_value,
    drop_shadowed,
    event_lexicon,
    has_event,
    has_perpetrator,
    is_incident_anchor,
    lower_words,
    reference_day_of,
    specificity,
    when_clause,
    within_spans,
)
from nlp.pipeline import doc_text, findings

__all__ = ["AnalysedSegment", "IncidentFinding", "assemble_incidents"]

_LONGEST_INCIDENT = timedelta(days=31)


class _Assembler(ReportAttachment):
    """Reads the analysed segments in order and assembles the incidents they tell."""

    # -- main loop -----------------------------------------------------------------------
    def run(self) -> list[IncidentFinding]:
        """The incidents told across the segments, in date order."""
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
            if re.fullmatch(r"\s*[,(–-]?\s*", text[first.end : second.start]):
                weaker = first if specificity(first.value) < specificity(second.value) else second
                if not is_incident_anchor(first.value) and not is_incident_anchor(second.value):
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
            inside = self.mentions_between(c.end, clause_end)
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
            if kind == "undated":
                s_start, s_end = sents.bounds(sentence)
                sentence_mentions = self.mentions_between(s_start, s_end)
                if not sentence_mentions and has_event(text[item.end() : s_end], strong=True):
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
            target = self.incident_at(seg_index, part.offset + h.start)
            if target is None and part.chat and self.current is not None:
                # a chat message going on about the incident of the message before
                if self.current.segment >= seg_index - 2:
                    target = self.current
            if target is not None:
                target.hate.add(h.label)
        # "the same lads shouted the same stuff at me": the abuse told before, again
        for incident in self.by_segment.get(seg_index, []):
            block = text[incident.block[0] - part.offset : incident.block[1] - part.offset]
            if not incident.hate and SAME_ABUSE.search(block):
                earlier = [i for i in self.incidents if i.hate and i is not incident]
                if earlier:
                    incident.hate |= earlier[-1].hate

    def _date(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: Sentences,
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
        if is_incident_anchor(m):
            # "the next day they were back": an incident relative to the one just told.
            offset = getattr(m, "offset_days", None) or 0
            base = self.current
            if base is None or offset <= 0 or base.end is None:
                return
            sentence = sents.index(mention_f.start)
            s_start, s_end = sents.bounds(sentence)
            rest = text[mention_f.end : s_end]
            if not has_event(rest):
                return  # "the officer who rang me back the next day was rude": not an incident
            day = base.end + timedelta(days=offset)
            self.new_incident(
                seg_index,
                part,
                sents,
                mention_f.start,
                day,
                day,
                f"'{m.text}' after the incident of {base.end.isoformat()}",
            )
            return
        start, end = date_value(m)
        if start is None or end is None:
            return
        if reference_day is not None and start > reference_day:
            return  # the future ("next year", a hearing next week) is not an incident
        if end - start > _LONGEST_INCIDENT - timedelta(days=1):
            return  # "this year", "last year": a period, not an occurrence
        before = text[max(0, mention_f.start - 40) : mention_f.start]
        lex = event_lexicon()
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
            for other in self.mentions_between(mention_f.end + 1, mention_f.end + 40)
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
                # "last weekend ..., Saturday and Sunday", "Monday, 31st August": the same time
                # told again
                return
        around = text[s_start:s_end]
        cue_nearby = any(c.label != "collective" for c in self.cues_between(s_start, s_end))
        if part.note and not cue_nearby:
            # A forwarder's note tells an incident only with its report ("She did not report this").
            if sentence + 1 >= len(sents.starts) or not any(
                c.label != "collective"
                and ANAPHORA.intersection(lower_words(text[c.end : c.end + 30])[:4])
                for c in self.cues_between(*sents.bounds(sentence + 1))
            ):
                return
        clause = sents.clause_around(Cut.CLAUSE, sentence, mention_f.start, mention_f.end)
        if lex.not_incident.intersection(lower_words(PLACE_COURT.sub(" ", clause))):
            return  # "on 2 October the CPS wrote to me", "the hearing on the 14th"
        part_of = sents.clause_around(Cut.PART, sentence, mention_f.start, mention_f.end)
        heading = not re.search(r"\w", part_of.replace(m.text, ""))  # "- 4/8/26: cars racing..."
        if (
            not heading
            and len(part_of) < len(around) - 2
            and not (
                has_event(part_of)
                or has_perpetrator(part_of)
                or any(
                    c.label != "collective"
                    for c in self.cues_between(
                        s_start + around.find(part_of),
                        s_start + around.find(part_of) + len(part_of),
                    )
                )
            )
        ):
            return  # "Since Mum sent me that on Thursday things got worse: yesterday ...": not it
        if not (has_event(around) or has_perpetrator(around) or cue_nearby):
            if not self._told_next(sents, sentence, text):
                return
        incident = self.new_incident(
            seg_index, part, sents, mention_f.start, start, end, f"date phrase '{m.text}'"
        )
        self.incident_mentions.add(id(mention_f))
        for cue, span, cue_sentence, cue_segment in self.pending.pop(id(mention_f), []):
            if cue.negated:
                incident.negative_reports += 1
                continue
            incident.reports.append(
                Report(
                    cue=cue, span=span, offset_days=0, sentence=cue_sentence, segment=cue_segment
                )
            )

    def _reported_not_until(self, mention_f: Any, text: str, sents: Sentences) -> bool:
        """ "I put it on the council website but not till Sunday": the report's day, not an
        incident."""
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
            for other in self.mentions_between(mention_f.start - 80, mention_f.start)
        )

    def _told_next(self, sents: Sentences, sentence: int, text: str) -> bool:
        """Whether the next sentence goes on about it: "Last night was the worst. At about ten he
        kicked the door", or "On the 24th a rock came through the window. I reported it ..."."""
        if sentence + 1 >= len(sents.starts):
            return False
        n_start, n_end = sents.bounds(sentence + 1)
        following = text[n_start:n_end]
        if has_event(following) and has_perpetrator(following):
            return True
        return any(
            c.label != "collective"
            and ANAPHORA.intersection(lower_words(following[c.end - n_start :][:25]))
            for c in self.cues_between(n_start, n_end)
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

    # -- output --------------------------------------------------------------------------
    def _finish(self) -> list[IncidentFinding]:
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


def assemble_incidents(parts: list[AnalysedSegment]) -> list[IncidentFinding]:
    """The incidents told across the analysed segments of one document, in date order."""
    return _Assembler(parts).run()
