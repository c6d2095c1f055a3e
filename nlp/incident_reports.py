"""Report cues attached to the incidents they report, and what was reported when.

A report cue ("reported it", "rang 101") belongs to the current incident, or its date starts a
new incident told through its report; "both", "every one of these" apply one statement to
several incidents; only a relevant body makes a report count (threshold-rules.md). See
:mod:`nlp.incidents` for the whole reading.
"""

from __future__ import annotations

import re
from typing import Any

from nlp.incident_items import ItemisedReports
from nlp.incident_model import (
    AnalysedSegment,
    Incident,
    Report,
    Sentences,
    overlaps,
)
from nlp.incident_rules import has_actor, has_strong_event
from nlp.incident_words import (
    ABOUT_WORDS,
    ANAPHORA,
    POSSESSIVE,
    clause_end_char,
    event_lexicon,
    has_event,
    is_incident_anchor,
)
from nlp.pipeline import doc_text, findings
from nlp.report_answers import answered_reports
from nlp.report_findings import incident_finding
from nlp.report_ordinals import OrdinalReference
from nlp.report_words import (
    ABOUT_THAT_ONE,
    AFTER_CLAUSE_END,
    ALREADY,
    AND_AGAIN,
    BOTH_TIMES,
    DOER_FIRST,
    FROM_BODY,
    FRONTED_ONE,
    HABIT,
    IS_LANDLORD,
    LANDLORD_IS,
    MANY_REPORTERS,
    NOT_TOPIC,
    OTHER_REPORTER_ALSO,
    OTHER_REPORTER_HAS,
    PRIVATE,
    REPORT_SAID,
    REPORTED_BY_WRITER,
    REPORTER_UNKNOWN,
    REPORTERS_BEFORE,
    REPORTERS_EACH,
    SAME_BODY,
    SAVE_FOR,
    SHARED_AMONG,
    TO_OUR_OFFICE,
    TO_US,
    TO_YOU,
)
from nlp.reports import COUNTED_REPORTS, ReportCue

__all__ = ["ReportAttachment", "answered_reports", "incident_finding"]


_POSSESSIVE_HER = re.compile(r"\s*her\s+(?:(?:own|local|usual|new)\s+)?", re.IGNORECASE)
_UNSURE_REACH = 40  # characters after "if it was" within which a doubted body is named


def _starts_new_clause(text: str, cue_end: int, date_f: Any, s_end: int) -> bool:
    """Whether the report's date opens a clause joined by "and"/"then"/"but" in which a
    perpetrator does something ("... and on the 2nd they threw eggs")."""
    if not re.search(r"\b(?:and|then|but)\b", text[cue_end : date_f.start], re.I):
        return False
    own = AFTER_CLAUSE_END.split(text[date_f.end : s_end], maxsplit=1)[0]
    return bool(DOER_FIRST.match(own)) and has_strong_event(own)


def _already_near(text: str, cue_f: Any, s_start: int, s_end: int) -> bool:
    """Whether "already" stands just before or after the cue, with no time after it."""
    m = ALREADY.search(text, max(s_start, cue_f.start - 12), s_end)
    return m is not None and m.start() < cue_f.end + 20


class ReportAttachment(OrdinalReference, ItemisedReports):
    """The assembler's report rules: where each report cue goes."""

    def _contact_of(self, text: str, cue_f: Any) -> tuple[Any, Any] | None:
        """(the leading date, the day told) when ``cue_f`` is the report cue of a case log's row
        (:meth:`contact_row`), else None."""
        line_start = text.rfind("\n", 0, cue_f.start) + 1
        leading = self.mentions_between(line_start, cue_f.start)
        if not leading:
            return None
        contact = self.contact_row(text, leading[0])
        if contact is None or contact[0] is not cue_f:
            return None
        return leading[0], contact[1]

    def _told_in_report(self, text: str, date_f: Any, s_end: int) -> Any:
        """The date phrase opening what a report dated ``date_f`` said ("reported to us on 29
        October that on 27 September they ...", "rang on the 5th to say that on the 3rd ..."),
        when behaviour follows it; else None."""
        if date_f is None or is_incident_anchor(date_f.value):
            return None
        value = date_f.value
        if value.start_date is None or value.start_date != value.end_date:
            return None
        said = REPORT_SAID.match(text, date_f.end)
        if said is None:
            return None
        opening = [m for m in self.mentions_between(said.end(), s_end) if m.start == said.end()]
        if not opening or is_incident_anchor(opening[0].value):
            return None
        if not has_strong_event(text[opening[0].end : s_end]):
            return None
        return opening[0]

    def attach_cue(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: Sentences,
        cue_f: Any,
        cues: list[Any],
        report_dates: dict[int, Any],
        claimed: set[int],
        mentions: list[Any],
    ) -> None:
        """Attach a report cue to the incident it reports, or keep it for the one its date
        starts."""
        if id(cue_f) in self.consumed_cues:
            return  # read as part of an itemised statement before it
        s_first, s_last = sents.bounds(sents.index(cue_f.start))
        about_every: list[Any] = []
        if MANY_REPORTERS.search(sents.text, max(s_first, cue_f.start - 120), cue_f.start):
            # "four households have complained to the council": who has reported, unless the
            # sentence says what ("six of us have rung 101 about these, about every one of them")
            about_every = [
                c
                for c in self.cues_between(cue_f.end, s_last)
                if c.label == "collective"
                and c.explanation != COUNTED_REPORTS
                # "... who complained separately, each to the police or to environmental
                # health": the bodies shared among the reporters, not the incidents
                and not SHARED_AMONG.match(sents.text, c.end)
                # "Mr and Mrs Cottam, who each rang in": who reported, not about what
                and not REPORTERS_EACH.search(sents.text, max(0, c.start - 12), c.start)
            ]
            if not about_every:
                return
        if self.attach_items(seg_index, part, sents, cue_f, claimed):
            return  # "I reported the eggs to the council on the 5th, and the tyres to ..."
        doc, text = part.doc, sents.text
        cue: ReportCue = cue_f.value
        sentence = sents.index(cue_f.start)
        s_start, s_end = sents.bounds(sentence)
        if HABIT.search(text, max(s_start, cue_f.start - 40), cue_f.start):
            return  # "the only two who ever ring it in": who reports, not one report
        date_f = report_dates.get(id(cue_f))
        clause_end = clause_end_char(doc, cue_f.end)
        clause_words = re.findall(r"[a-z]+", text[cue_f.end : clause_end].lower())
        refers_back = bool(ANAPHORA.intersection(clause_words[:6]))
        if (
            not refers_back
            and date_f is None
            and OTHER_REPORTER_ALSO.search(text, max(s_start, cue_f.start - 60), cue_f.start)
        ):
            # "My neighbour Jo has also complained to the council about them": another
            # reporter of the problem (the community route counts them), not this incident's report
            return
        if (
            date_f is None
            and SAME_BODY.match(text, cue_f.end, clause_end)
            and OTHER_REPORTER_HAS.search(text, max(s_start, cue_f.start - 60), cue_f.start)
        ):
            return  # "Mrs Okoro has reported it as well": another reporter, as above
        if (
            not cue.agencies
            and TO_YOU.match(text[cue_f.end : clause_end])
            and part.recipient_agency
        ):
            cue = ReportCue(cue.negated, (part.recipient_agency,), cue.until)
        if not cue.agencies and part.writer_agency and TO_US.match(text[cue_f.end : clause_end]):
            cue = ReportCue(cue.negated, (part.writer_agency,), cue.until)
        if (
            not cue.agencies
            and part.writer_agency
            and cue.until
            and TO_OUR_OFFICE.search(text, cue_f.end, min(s_end, cue_f.end + 80))
        ):
            # "did not report this until she came into our office on 30 October": the late
            # report went to the writer's body
            cue = ReportCue(cue.negated, (part.writer_agency,), cue.until)
        cue_words = re.findall(r"[a-z]+", text[cue_f.start : clause_end].lower())[:4]
        if (
            not cue.agencies
            and self.last_agencies
            and not cue.negated
            and ("again" in cue_words or SAME_BODY.match(text, cue_f.end, clause_end))
        ):
            # "rang again", "reported that one as well": the same body as the report before
            cue = ReportCue(cue.negated, self.last_agencies, cue.until)
        said_from = FROM_BODY.search(text, cue_f.end, s_end)
        if said_from is not None and len(cue.agencies) <= 1:
            # "i told the housing officer when she come round, shes from the council"
            bodies = [
                a.label
                for a in self.segment_agencies
                if said_from.start() <= a.start < said_from.end()
            ]
            if bodies:
                cue = ReportCue(cue.negated, (bodies[0],), cue.until)
        if "other" in cue.agencies and "landlord" in clause_words:
            # "rang my landlord" when the account says the landlord is a housing association
            kind = self.landlord_kind()
            if kind is not None:
                bodies = [a for a in cue.agencies if a != "other"] + list(kind)
                cue = ReportCue(cue.negated, tuple(dict.fromkeys(bodies)), cue.until)
        if cue.agencies and not cue.negated:
            self.last_agencies = cue.agencies
        current = self.current
        named = self._named_by_day(text, cue_f.end, clause_end)
        if named is not None:
            # "I reported Friday's incident on Monday": the incident of that day, named by it
            current, refers_back = named, True
        elif current is not None and (
            current.segment != seg_index or sentence - current.sentence > 1
        ):
            # "I rang the police about the bin fire the same night", "The car I reported on
            # Saturday": a report told apart from its incident, naming what happened
            topic = self._named_by_topic(text, s_start, cue_f, clause_end, seg_index, part.chat)
            if topic is None and self.topic_target is not None:
                seg, at, target = self.topic_target
                # "... about the bin fire the same night - the fire brigade came out as well"
                topic = target if (seg, at) == (seg_index, sentence) else None
            if topic is not None:
                current, refers_back = topic, True
                self.topic_target = (seg_index, sentence, topic)
        # The cue is about the incident just told when it follows closely, refers back ("reported
        # it"), or names a later day and no behaviour of its own ("I told the council in
        # September"); otherwise its date is a new incident told through its report.
        clause_text = text[cue_f.end : clause_end]
        later_day = (
            current is not None
            and current.start is not None
            and date_f is not None
            and not is_incident_anchor(date_f.value)
            and date_f.value.start_date is not None
            and date_f.value.start_date >= current.start
            and not has_event(clause_text)
        )
        recent = current is not None and (
            (current.segment == seg_index and sentence - current.sentence <= 1)
            or (current.segment == seg_index - 1 and part.chat)
            or refers_back
            or (later_day and current.segment == seg_index)
            # a chat told in fragments: "saturday" / "keyed all down the side" / "rang 101
            # sunday morning"
            or (later_day and part.chat and current.segment >= seg_index - 3)
        )
        if (
            date_f is not None
            and current is not None
            and _starts_new_clause(text, cue_f.end, date_f, s_end)
        ):
            # "I rang the council and on the 2nd they threw eggs": the date starts a clause of its
            # own whose perpetrator does something; the report told before it has no day given
            date_f = None
        contact = self._contact_of(text, cue_f)
        if contact is not None:
            # "09/10/2026 | Phone in | T reports loud music ... on 08/10/2026": reported on the
            # row's day, to the log's keeper unless the note names another body
            lead, told = contact
            if not cue.agencies and part.writer_agency:
                cue = ReportCue(cue.negated, (part.writer_agency,), cue.until)
            span = (part.offset + cue_f.start, part.offset + cue_f.end)
            self.pending.setdefault(id(told), []).append((cue, span, sentence, seg_index))
            self.pending_on[id(told)] = lead.value.start_date
            return
        told = self._told_in_report(text, date_f, s_end)
        if told is not None and date_f is not None:
            # "Mr G reported to us on 29 October that on 27 September they threw a mattress ...":
            # the report's day, and the incident its words tell
            span = (part.offset + cue_f.start, part.offset + cue_f.end)
            self.pending.setdefault(id(told), []).append((cue, span, sentence, seg_index))
            self.pending_on[id(told)] = date_f.value.start_date
            claimed.add(id(date_f))
            return
        if date_f is not None and not is_incident_anchor(date_f.value):
            after = text[date_f.end : s_end]
            after_words = re.findall(r"[a-z]+", after.lower())[:3]
            introduces_event = bool(ABOUT_WORDS.intersection(after_words)) and has_event(after)
            own = AFTER_CLAUSE_END.split(after, maxsplit=1)[0]
            if DOER_FIRST.match(own) and has_strong_event(own):
                introduces_event = True  # "I rang 101 on the 2nd they were kicking the door"
            between_words = re.findall(r"[a-z]+", text[cue_f.end : date_f.start].lower())
            if introduces_event and ANAPHORA.intersection(between_words[:8]):
                # "I rang 101 about that on 24 August because I'd been away": the report of the
                # incident it names, on that day; what follows says why, unless a perpetrator
                # does something in it ("... on the 3rd, when they came back and did it again")
                introduces_event = has_actor(own) and has_strong_event(own)
            starts_before_current = (
                current is not None
                and current.start is not None
                and date_f.value.end_date is not None
                and date_f.value.end_date < current.start
            )
            # "I rang the police about all of them on 12 October, when ...": a report of the
            # incidents told, on that day, whatever follows it
            about_all = current is not None and any(
                c.label == "collective"
                and c.explanation != COUNTED_REPORTS
                and c.start < date_f.start
                for c in self.cues_between(cue_f.end, clause_end)
            )
            if (cue.until and current is not None and recent) or about_all:
                pass  # "didn't report it until 2 September": that is when it was reported
            elif not recent or current is None or introduces_event or starts_before_current:
                # The date is when it happened, told through its report ("rang 101 on the 3rd"):
                # the incident that date starts takes this cue, reported that day.
                span = (part.offset + cue_f.start, part.offset + cue_f.end)
                self.pending.setdefault(id(date_f), []).append((cue, span, sentence, seg_index))
                # "rang 101 on the 3rd when ... and again last night when ...": the same report
                # verb tells the next incident too
                next_end = sents.bounds(min(sentence + 1, len(sents.starts) - 1))[1]
                for later in self.mentions_between(date_f.end, next_end):
                    if self.cues_between(date_f.end, later.start):
                        break
                    if AND_AGAIN.search(text, max(0, later.start - 30), later.start):
                        self.pending.setdefault(id(later), []).append(
                            (cue, span, sentence, seg_index)
                        )
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
                and not overlaps(m.value, current)
                and id(m) not in self.incident_mentions
                and id(m) not in self.in_report_clause
                for m in self.mentions_between(s_start, cue_f.start)
            )
        ):
            return  # "in the summer I made a report to ...": about another time, not this incident
        if (
            date_f is None
            and clause_words[:1] in (["them"], ["him"], ["her"])
            and (current.segment, current.sentence) != (seg_index, sentence)
            and not _possessed_body(doc, text, cue_f.end)
        ):
            return  # "my neighbour has reported them as well": the people, not this incident
        report = Report(
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
                if not is_incident_anchor(m.value)
                and m.value.start_date is not None
                and m.value.start_date == m.value.end_date
                and value.start_date is not None
                and value.end_date is not None
                and value.start_date <= m.value.start_date <= value.end_date
            ]
            if is_incident_anchor(value):
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
                if other is not date_f and not is_incident_anchor(v) and v.start_date is not None:
                    report.also_on.append(v.start_date)
        if (
            event_lexicon().day_unknown.search(text[s_start:s_end])
            or self._day_unknown_next(sents, sentence)
            or _already_near(text, cue_f, s_start, s_end)
        ):
            # "I've reported it already": when, not said
            report.unknown_day = True
        next_end = sents.bounds(min(sentence + 1, len(sents.starts) - 1))[1]
        unsure_from = max(s_start, cue_f.start - 30)
        unsure = event_lexicon().agency_unknown.search(text[unsure_from : max(s_end, next_end)])
        day_unsure = unsure is not None and self._day_unsure(
            unsure.group(0), unsure_from + unsure.end()
        )
        if day_unsure:
            report.unknown_day = True  # "can't remember if it was that week or later on"
        # "someone rang the police, I don't know who": the reporter is not known, the body is
        if (
            unsure
            and not (
                unsure.group(0).lower().endswith("who")
                and REPORTER_UNKNOWN.search(text, s_start, cue_f.start)
            )
            and not day_unsure
        ):
            # "I can't remember if it was the police form or the council one"; "She reported this
            # to her landlord. I have not been able to establish whether her landlord is ..."; a
            # body named as a guess ("... but it might have been the police website")
            report.cue = ReportCue(cue.negated, (), cue.until)
        # "reported both", "reported every one of these", "the same day each time"
        # "every incident has been reported": the subject of a report verb, just before it
        subject = [
            c
            for c in self.cues_between(max(s_start, cue_f.start - 30), cue_f.start)
            if c.label == "collective"
            and c.explanation != COUNTED_REPORTS
            and re.fullmatch(
                r"\s*(?:(?:has|have|had|was|were)\s+)?(?:all\s+)?(?:been\s+)?",
                text[c.end : cue_f.start],
                re.I,
            )
            # "me and my neighbour both rang the police", "we each reported it": who reported
            and not REPORTERS_BEFORE.search(text, max(s_start, c.start - 60), c.start)
        ]
        collective = (
            subject
            + [
                c
                for c in self.cues_between(cue_f.end, clause_end)
                if c.label == "collective"
                and (
                    c.start - cue_f.end < 25
                    or "each time" in text[c.start : c.end + 5].lower()
                    or c.explanation == COUNTED_REPORTS  # "complained to the council twice"
                )
                # "rang them about it twice", "reported it twice, both times to the police": one
                # incident, reported more than once
                and not (
                    (c.explanation == COUNTED_REPORTS or BOTH_TIMES.match(text, c.start))
                    and {"it", "this", "that"}.intersection(
                        re.findall(r"[a-z]+", text[cue_f.start : c.start].lower())
                    )
                )
                # "rang the council three times about that one": the count is of its reports
                and not (c.explanation == COUNTED_REPORTS and ABOUT_THAT_ONE.match(text, c.end))
                # "to both the police and the council": both bodies, not both incidents
                and not any(
                    0 <= a.start - c.end <= 6
                    and re.fullmatch(r"\s*(?:the\s*)?", text[c.end : a.start])
                    for a in self.segment_agencies
                )
            ]
        )
        collective = collective or about_every
        targets = [current]
        fronted = self._fronted_one(text, s_start, cue_f, seg_index, part.chat)
        if fronted is not None:
            # "about the wall one I phoned the police a couple of times": that incident's reports
            counted = [c for c in collective if c.explanation == COUNTED_REPORTS]
            collective, targets = [], [fronted]
            report.unknown_day = report.unknown_day or (date_f is None and bool(counted))
        picked = self.ordinal_target(text, s_start, cue_f, clause_end, seg_index, part.chat)
        if picked is not None and not cue.negated:
            # "the first two I reported, the rest I didnt bother": the rest, not reported
            for t in self.rest_left(text, cue_f, s_end, picked, seg_index, part.chat):
                t.negative_reports += 1
        if picked is not None and len(picked) > 1:
            # "the first two I reported ... the day after each one": those incidents, each
            collective = []
            targets = picked
            report.unknown_day = date_f is None or report.unknown_day
        elif picked is not None and not collective:
            # "the earlier one went to the council, the later one ...": told apart from the
            # incident, so its day is not the incident's
            targets = picked
            report.unknown_day = date_f is None or report.unknown_day
        if date_f is None and any(
            c.label == "collective"
            and c.explanation == COUNTED_REPORTS
            and (c in collective or ABOUT_THAT_ONE.match(text, c.end))
            for c in self.cues_between(cue_f.end, clause_end)
        ):
            # "phoned them a couple of times", "rang the council three times about that one":
            # the days of the reports are not given
            report.unknown_day = True
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
                or is_incident_anchor(date_f.value)
                or date_f.value.start_date is None
                or i.start <= date_f.value.start_date
            ]
            targets = told[-2:] if word.startswith("both") else told
            # "all of them apart from the fireworks": the incident named after the exception
            save = SAVE_FOR.search(text[cue_f.start : s_end])
            if save is not None:
                stem = save.group("what").lower()[:5]
                targets = [t for t in targets if stem not in self._block_text(t)]
            if not targets:
                targets = [current]
        if cue.negated:
            listed = [
                i
                for i in self.by_segment.get(seg_index, [])
                if i.sentence == sentence and i.start is not None
            ]
            if (
                targets == [current]
                and len(listed) > 1
                and current in listed
                and not {"it", "this", "that"}.intersection(clause_words[:2])
            ):
                # "The ones after that - the 9th, the 13th, and last Saturday - I never reported"
                targets = listed
            for t in targets:
                t.negative_reports += 1
            return
        for t in targets:
            t.reports.append(report)
            self.extend_block(t, part, sents, cue_f.start, seg_index)

    def _fronted_one(
        self, text: str, s_start: int, cue_f: Any, seg_index: int, chat: bool
    ) -> Incident | None:
        """The incident a topic put before the report verb names ("about the wall one I
        phoned ...", "about that one we rang ..."): the current one for "that one", else the one
        incident told whose words hold the topic's word; None when there is no such topic."""
        m = FRONTED_ONE.search(text, max(s_start, cue_f.start - 50), cue_f.start)
        if m is None:
            return None
        what = m.group("what")
        if what is None:
            return self.current
        told = self.incidents if chat else self.by_segment.get(seg_index, [])
        stem = what.lower()[:5]
        named = [i for i in told if stem in self._block_text(i)]
        return named[0] if len(named) == 1 else None

    def _day_unsure(self, phrase: str, end: int) -> bool:
        """Whether "can't remember if it was ..." doubts the report's day, not its body: no body
        named just after it ("... if it was that week or later on")."""
        if not phrase.lower().endswith("it was"):
            return False
        return not any(end <= a.start < end + _UNSURE_REACH for a in self.segment_agencies)

    def _day_unknown_next(self, sents: Sentences, sentence: int) -> bool:
        """Whether the next sentence says the day of the report just told is not known ("I told
        the council. I can't remember when I told them."), naming no day itself."""
        if sentence + 1 >= len(sents.starts):
            return False
        n_start, n_end = sents.bounds(sentence + 1)
        if self.mentions_between(n_start, n_end):
            return False
        return any(
            REPORTED_BY_WRITER.match(sents.text, m.end(), n_end)
            for m in event_lexicon().day_unknown.finditer(sents.text, n_start, n_end)
        )

    def _named_by_day(self, text: str, start: int, end: int) -> Incident | None:
        """The incident a day's possessive between ``start`` and ``end`` names ("Friday's
        incident", "Saturday's"), when one incident was told on that day."""
        for m in self.mentions_between(start, end):
            if not POSSESSIVE.match(text, m.end):
                continue
            same = [
                i
                for i in self.incidents
                if i.start is not None
                and i.start == m.value.start_date
                and i.end == m.value.end_date
            ]
            if len(same) == 1:
                return same[0]
        return None

    def _named_by_topic(
        self, text: str, s_start: int, cue_f: Any, clause_end: int, seg_index: int, chat: bool
    ) -> Incident | None:
        """The one incident told whose words the report's clause names ("about the bin fire",
        "reported the football and spitting", "the car I reported"): the words of the clause
        after the cue and of the sentence before it, matched by their stems."""
        comma = max(text.rfind(",", s_start, cue_f.start), text.rfind(";", s_start, cue_f.start))
        said = text[max(s_start, comma + 1) : clause_end]  # "the fire brigade came out"
        # lower-case words only: a name ("Mrs Lowery") is in every incident told of her
        stems = {w[:5] for w in re.findall(r"\b[a-z]{4,}", said) if w not in NOT_TOPIC}
        if not stems:
            return None
        told = self.incidents if chat else self.by_segment.get(seg_index, [])
        scored = []
        for incident in told:
            # what the incident's own telling says (its block grows with the reports told)
            words = {w[:5] for w in re.findall(r"[a-z]{4,}", incident.summary.lower())}
            scored.append((len(stems & words), incident))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1]

    def landlord_kind(self) -> tuple[str, ...] | None:
        """The body the writer's landlord is, when the account says ("my landlord is a housing
        association", "Clarion are our landlord", "housing association yeah" in answer to the
        bot's question), or None."""
        if self._landlord_looked:
            return self._landlord_kind
        kind: tuple[str, ...] | None = None
        for part in self.parts:
            text = doc_text(part.doc)
            said = LANDLORD_IS.search(text) or IS_LANDLORD.search(text)
            if said is None and part.landlord_answer and not PRIVATE.search(text):
                labels = [f.label for f in findings(part.doc, "agencies") if f.label != "other"]
                kind = (labels[0],) if labels else kind
                continue
            if said is not None:
                body = said.group("body").lower()
                kind = ("council",) if "council" in body else ("housing",)
        self._landlord_kind, self._landlord_looked = kind, True
        return kind

    def _block_text(self, incident: Incident) -> str:
        """The lower-cased text of the block that tells ``incident``."""
        part = self.parts[incident.segment]
        start, end = incident.block
        return doc_text(part.doc)[start - part.offset : end - part.offset].lower()


def _possessed_body(doc: Any, text: str, cue_end: int) -> bool:
    """Whether "her" after a report verb owns the body told ("Mum told her housing officer"),
    not the person reported ("reported her to the police")."""
    match = _POSSESSIVE_HER.match(text, cue_end)
    return match is not None and any(f.start == match.end() for f in findings(doc, "agencies"))
