"""The date rules: each date phrase of an account is a candidate incident, which an ordered list
of named rules accepts or rejects (:mod:`nlp.incident_rules` holds their words and reasons).

:class:`CandidateRules` runs ``DATE_RULES`` in order over one candidate; the first that decides
accepts it (a new incident), rejects it (a :class:`nlp.incident_rules.Rejection` with the rule's
name and plain-English reason, kept for the draft's ``rejected_dates``) or finds it told already
(the same day again, a correction applied). The reading around it is in :mod:`nlp.incidents`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nlp.incident_candidate import Accept, Candidate, Merged, Reject
from nlp.incident_model import AnalysedSegment, Report, Sentences
from nlp.incident_rules import Rejection, reason
from nlp.incident_when import WhenRules
from nlp.incident_words import date_value

# The date rules in the order they run (patterns/incident_rules.json names them and gives their
# reasons): the first that decides accepts the candidate, rejects it, or finds it told already.
DATE_RULES: tuple[str, ...] = (
    "negated",
    "superseded",
    "report_not_until",
    "report_day_unsure",
    "corrected",
    "relative_to_other_event",
    "relative_without_incident",
    "relative_without_behaviour",
    "unresolved",
    "future",
    "period",
    "counted",
    "background",
    "behaviour_stopped",
    "range_end",
    "birth",
    "person_named",
    "narrowed",
    "same_incident",
    "forwarder_note",
    "said_not_incident",
    "not_incident_clause",
    "report_of_rejected",
    "other_part",
    "told_as_future",
    "disclaimed",
    "told_someone",
    "contact_row",
    "row_cell",
    "no_behaviour",
)


class CandidateRules(WhenRules):
    """The assembler's date rules (see the module docstring)."""

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
        """Run the date rules over one candidate: the first that decides accepts or rejects it."""
        m = mention_f.value
        start, end = date_value(m)
        sentence = sents.index(mention_f.start)
        s_start, s_end = sents.bounds(sentence)
        candidate = Candidate(
            seg_index,
            part,
            sents,
            mention_f,
            m,
            reference_day,
            start,
            end,
            sentence,
            s_start,
            s_end,
        )
        for name in DATE_RULES:
            verdict = getattr(self, f"_rule_{name}")(candidate)
            if verdict is None:
                continue
            if isinstance(verdict, Merged):
                return  # told already, or applied to an incident: neither new nor set aside
            if isinstance(verdict, Reject):
                self._reject(candidate, name, verdict.values)
                return
            self._accept(candidate, verdict)
            return

    def _reject(self, c: Candidate, rule: str, values: dict[str, str]) -> None:
        offset = c.part.offset
        self.rejected.append(
            Rejection(
                phrase=c.value.text.strip(),
                start=offset + c.mention.start,
                end=offset + c.mention.end,
                occurred_start=c.start,
                occurred_end=c.end,
                rule=rule,
                reason=reason(rule, **values),
            )
        )
        day = c.start if c.start is not None and c.start == c.end else None
        self.rejected_at.append((c.seg_index, c.sentence, c.mention.start, rule, day))

    def _accept(self, c: Candidate, verdict: Accept) -> None:
        incident = self.new_incident(
            c.seg_index, c.part, c.sents, c.mention.start, verdict.start, verdict.end, verdict.why
        )
        if verdict.relative:
            return
        self.incident_mentions.add(id(c.mention))
        told_on = self.pending_on.pop(id(c.mention), None)  # a report made before it was told
        for cue, span, cue_sentence, cue_segment in self.pending.pop(id(c.mention), []):
            if cue.negated:
                incident.negative_reports += 1
                continue
            incident.reports.append(
                Report(
                    cue=cue,
                    span=span,
                    on=told_on,
                    offset_days=None if told_on is not None else 0,
                    sentence=cue_sentence,
                    segment=cue_segment,
                )
            )
