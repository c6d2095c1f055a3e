"""The date rules: each date phrase of an account is a candidate incident, which an ordered list
of named rules accepts or rejects (:mod:`nlp.incident_rules` holds their words and reasons).

:class:`CandidateRules` runs ``DATE_RULES`` in order over one candidate; the first that decides
accepts it (a new incident), rejects it (a :class:`nlp.incident_rules.Rejection` with the rule's
name and plain-English reason, kept for the draft's ``rejected_dates``) or finds it told already
(the same day again, a correction applied). The reading around it is in :mod:`nlp.incidents`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nlp.clauses import Cut
from nlp.incident_model import AnalysedSegment, AssemblyState, Report, Sentences
from nlp.incident_phrases import (
    ANY_SUCH_DAY,
    AWAY_OR_QUIET,
    BARE_DATE_WORDS,
    LATE_REPORT_DAY,
    SAID_NOT_INCIDENT,
    row_led_by,
)
from nlp.incident_reports import ReportAttachment
from nlp.incident_rules import (
    FUTURE,
    MONTH_NAMES,
    NOT_THEM,
    PAST,
    SAME_AGAIN,
    TOLD_ABOUT,
    Rejection,
    aside,
    clause_veto,
    counted_many_beside,
    date_scope,
    has_actor,
    has_strong_event,
    reason,
    rule_book,
    tells_behaviour,
)
from nlp.incident_words import (
    ANAPHORA,
    DATED_LINE,
    LIST_LINE_BREAK,
    PLACE_COURT,
    POSSESSIVE,
    date_value,
    event_lexicon,
    has_event,
    has_perpetrator,
    is_incident_anchor,
    lower_words,
)
from nlp.pipeline import doc_text, findings

_LONGEST_INCIDENT = timedelta(days=31)

# The date rules in the order they run (patterns/incident_rules.json names them and gives their
# reasons): the first that decides accepts the candidate, rejects it, or finds it told already.
DATE_RULES: tuple[str, ...] = (
    "negated",
    "superseded",
    "report_not_until",
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
    "row_cell",
    "no_behaviour",
)
# Rules that set a date aside because nothing happened then: a report dated in the same sentence
# is then not an incident of its own either.
_BEHAVIOUR_RULES = frozenset(
    {"forwarder_note", "not_incident_clause", "other_part", "no_behaviour"}
)


@dataclass(frozen=True)
class _Reject:
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Merged:
    """Told already (the same day again), or applied to an incident (a correction)."""


@dataclass(frozen=True)
class _Accept:
    start: date
    end: date
    why: str
    relative: bool = False  # counted from the incident before ("the next day")


_Verdict = _Reject | _Merged | _Accept


@dataclass(frozen=True)
class _Candidate:
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


# Words a heading date may stand with ("1. On Friday 5 June:", "Incident 2 - date: ..."), and how
# many sentences on its behaviour may be told.
_HEADING_WORDS = frozenset({"on", "date", "incident", "day", "no", "number"})
_HEADING_REACH = 3
# "the water was on Monday", "that was last Friday": a day given to what was told before
_PINNING = re.compile(
    r"\s*(?:and |so |oh |well )?(?:the (?P<noun>[a-z]+)|that|this|it)(?: one| thing| incident)?"
    r" (?:was|happened|were)(?: on| at| in)? ?",
    re.I,
)
# "on a Sunday", "of an evening", "on any Friday night": a kind of day, not one day
# A spaced dash opening or closing an aside (" - ", " – ", " — ").
_ASIDE_DASH = re.compile(r" [-–—] ")


def _without_asides(clause: str, own: tuple[int, int]) -> str:
    """The clause with each aside between spaced dashes that does not hold the date blanked out,
    when behaviour is told after it ("On Saturday - my appointment was the next day - they threw
    eggs"): what the aside is about does not veto the date. A log line's later fields ("01/06 -
    PCSO visited - police") tell no behaviour and stay."""
    dashes = list(_ASIDE_DASH.finditer(clause))
    for opening, closing in zip(dashes[::2], dashes[1::2], strict=False):
        inside = opening.end() <= own[0] < closing.start()
        if not inside and has_strong_event(clause[closing.end() :]):
            width = closing.start() - opening.end()
            clause = clause[: opening.end()] + " " * width + clause[closing.start() :]
    return clause


class CandidateRules(ReportAttachment):
    """The assembler's date rules (see the module docstring)."""

    def __init__(self, parts: list[AnalysedSegment]) -> None:
        super().__init__(parts)
        self.rejected: list[Rejection] = []
        # segment, sentence, char, rule, day (when a single day) of each rejection
        self.rejected_at: list[tuple[int, int, int, str, date | None]] = []

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
        candidate = _Candidate(
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
            if isinstance(verdict, _Merged):
                return  # told already, or applied to an incident: neither new nor set aside
            if isinstance(verdict, _Reject):
                self._reject(candidate, name, verdict.values)
                return
            self._accept(candidate, verdict)
            return

    def _reject(self, c: _Candidate, rule: str, values: dict[str, str]) -> None:
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

    def _accept(self, c: _Candidate, verdict: _Accept) -> None:
        incident = self.new_incident(
            c.seg_index, c.part, c.sents, c.mention.start, verdict.start, verdict.end, verdict.why
        )
        if verdict.relative:
            return
        self.incident_mentions.add(id(c.mention))
        for cue, span, cue_sentence, cue_segment in self.pending.pop(id(c.mention), []):
            if cue.negated:
                incident.negative_reports += 1
                continue
            incident.reports.append(
                Report(
                    cue=cue, span=span, offset_days=0, sentence=cue_sentence, segment=cue_segment
                )
            )

    # -- the date rules, in the order of DATE_RULES -----------------------------------------
    def _rule_negated(self, c: _Candidate) -> _Verdict | None:
        return _Reject() if getattr(c.value, "negated", False) else None

    def _rule_superseded(self, c: _Candidate) -> _Verdict | None:
        return _Merged() if id(c.mention) in self.superseded else None

    def _rule_report_not_until(self, c: _Candidate) -> _Verdict | None:
        return _Merged() if self._reported_not_until(c.mention, c.text, c.sents) else None

    def _rule_corrected(self, c: _Candidate) -> _Verdict | None:
        if getattr(c.value, "corrects", False) or id(c.mention) in self.corrections:
            wrong = self.corrections.get(id(c.mention))
            if wrong is not None and self._correct(c.value, wrong):
                return _Merged()
        return None

    def _rule_relative_to_other_event(self, c: _Candidate) -> _Verdict | None:
        # "the morning after the residents' meeting": after that event, not after the incident
        if not is_incident_anchor(c.value) or not re.search(
            r"\b(?:after|before)\s*$", c.value.text, re.I
        ):
            return None
        following = c.text[c.mention.end : c.mention.end + 12]
        if re.match(r"\s+(?:the|my|our|his|her|their|that|a|an)\b", following, re.I):
            return _Reject()
        return None

    def _rule_relative_without_incident(self, c: _Candidate) -> _Verdict | None:
        # "the next day they were back": an incident relative to the one just told.
        if not is_incident_anchor(c.value):
            return None
        offset = getattr(c.value, "offset_days", None) or 0
        base = self.current
        if base is None or offset <= 0 or base.end is None:
            # "My GP appointment was on the 4th. That night they were screaming ...": counted
            # from the day just set aside, when behaviour follows and no incident came between
            aside = self._day_set_aside(c)
            if aside is not None and has_strong_event(c.text[c.mention.end : c.s_end]):
                day = aside + timedelta(days=offset)
                return _Accept(day, day, f"'{c.value.text}' after {aside.isoformat()}", True)
            return _Reject()
        return None

    def _day_set_aside(self, c: _Candidate) -> date | None:
        """The day of the date phrase set aside just before ``c`` (this or the sentence before,
        no incident told since), when it named one day."""
        if not self.rejected_at:
            return None
        seg, sentence, at, rule, day = self.rejected_at[-1]
        if seg != c.seg_index or rule not in _BEHAVIOUR_RULES or day is None:
            return None
        if not (sentence == c.sentence and at < c.mention.start or sentence == c.sentence - 1):
            return None
        current = self.current
        if current is not None and current.segment == seg and current.sentence >= sentence:
            return None
        return day

    def _rule_relative_without_behaviour(self, c: _Candidate) -> _Verdict | None:
        if not is_incident_anchor(c.value):
            return None
        base = self.current
        assert base is not None and base.end is not None  # the rule before checked
        if not has_event(c.text[c.mention.end : c.s_end]):
            return _Reject()  # "the officer who rang me back the next day was rude"
        if self._rule_not_incident_clause(c) is not None:
            return _Reject()  # "I was at the hospital the next day where I cut it on the glass"
        if self._in_aside_about_something_else(c):
            return _Reject()  # "- I had the hearing the next day -": a day of something else
        day = base.end + timedelta(days=getattr(c.value, "offset_days", None) or 0)
        why = f"'{c.value.text}' after the incident of {base.end.isoformat()}"
        return _Accept(day, day, why, relative=True)

    def _in_aside_about_something_else(self, c: _Candidate) -> bool:
        """Whether the date stands in an aside between spaced dashes ("A fortnight ago - I had
        the hearing at court the next day - he kicked my car") that is about something else."""
        before = [m.end() for m in _ASIDE_DASH.finditer(c.text, c.s_start, c.mention.start)]
        after = _ASIDE_DASH.search(c.text, c.mention.end, c.s_end)
        if not before or after is None:
            return False
        a, b = before[-1], after.start()
        spans = [(m.start - a, m.end - a) for m in self.mentions_between(a, b)]
        own = (c.mention.start - a, c.mention.end - a)
        return clause_veto(date_scope(c.text[a:b], spans, own)) is not None

    def _rule_unresolved(self, c: _Candidate) -> _Verdict | None:
        return _Reject() if c.start is None or c.end is None else None

    def _rule_future(self, c: _Candidate) -> _Verdict | None:
        # the future ("next year", a hearing next week) is not an incident
        future = c.reference_day is not None and c.start is not None and c.start > c.reference_day
        return _Reject() if future else None

    def _rule_period(self, c: _Candidate) -> _Verdict | None:
        assert c.start is not None and c.end is not None
        return _Reject() if c.end - c.start > _LONGEST_INCIDENT - timedelta(days=1) else None

    def _rule_counted(self, c: _Candidate) -> _Verdict | None:
        # "he threw rubbish over the fence many times in September": the month spans them all
        assert c.start is not None and c.end is not None
        if c.end <= c.start:
            return None
        before, after = c.text[c.s_start : c.mention.start], c.text[c.mention.end : c.s_end]
        return _Reject() if counted_many_beside(before, after) else None

    def _rule_background(self, c: _Candidate) -> _Verdict | None:
        before = c.text[max(0, c.mention.start - 40) : c.mention.start]
        lex = event_lexicon()
        if lex.background.search(before) or lex.background_start.match(c.value.text):
            return _Reject()
        if ANY_SUCH_DAY.search(before) and not re.search(r"\d", c.value.text):
            return _Reject()  # "sorry to bother you on a Sunday": any Sunday, not one
        return None

    def _rule_behaviour_stopped(self, c: _Candidate) -> _Verdict | None:
        before = c.text[max(0, c.mention.start - 40) : c.mention.start]
        return _Reject() if rule_book().stopped.search(before) else None

    def _rule_range_end(self, c: _Candidate) -> _Verdict | None:
        # the far end of "from March to June", or "the next day (18/6)"; not the date opening the
        # next line of a log ("... that night\n- 30/08/2025 - ...")
        follows = self._follows_date(c.mention, c.text, r"\s*(?:to|till|until|-|–|\()\s*")
        return _Reject() if follows else None

    def _rule_birth(self, c: _Candidate) -> _Verdict | None:
        return _Reject() if "birth" in str(getattr(c.value, "explanation", "")).lower() else None

    def _rule_person_named(self, c: _Candidate) -> _Verdict | None:
        # "June's illness", "my wife June ... June gets upset": a person, not the month
        word = c.value.text.strip()
        # a day's possessive is the day's ("Friday's incident", "yesterday's noise"): the
        # incident of that day again, when one was told
        if word.lower() not in MONTH_NAMES:
            if POSSESSIVE.match(c.text, c.mention.end) and any(
                i.start == c.start and i.end == c.end for i in self.incidents
            ):
                return _Merged()
            return None
        if " " not in word and (
            re.match(r"['’]s\b", c.text[c.mention.end : c.mention.end + 3])
            or word.lower() in self.names_in_segment
        ):
            return _Reject()
        return None

    def _rule_narrowed(self, c: _Candidate) -> _Verdict | None:
        # "in October, it was the 18th": the later, exact day tells it
        start, end = c.start, c.end
        assert start is not None and end is not None
        if start != end and any(
            0 < other.start - c.mention.end < 40
            and other.value.start_date is not None
            and id(other) not in self.in_report_clause
            and start <= other.value.start_date <= end
            and other.value.start_date == other.value.end_date
            for other in self.mentions_between(c.mention.end + 1, c.mention.end + 40)
        ):
            return _Merged()
        return None

    def _rule_same_incident(self, c: _Candidate) -> _Verdict | None:
        # "last weekend ..., Saturday and Sunday", "Monday, 31st August": the same time told again
        current = self.current
        if (
            current is not None
            and current.segment == c.seg_index
            and current.sentence == c.sentence
            and current.start is not None
            and c.start is not None
            and c.end is not None
            and current.start <= c.start
            and c.end <= (current.end or c.end)
        ):
            return _Merged()
        return None

    def _rule_forwarder_note(self, c: _Candidate) -> _Verdict | None:
        # A forwarder's note tells an incident only with its report ("She did not report this").
        if not c.part.note or c.cue_nearby(self):
            return None
        sents, text = c.sents, c.text
        if c.sentence + 1 >= len(sents.starts) or not any(
            cue.label != "collective"
            and ANAPHORA.intersection(lower_words(text[cue.end : cue.end + 30])[:4])
            for cue in self.cues_between(*sents.bounds(c.sentence + 1))
        ):
            return _Reject()
        return None

    def _rule_said_not_incident(self, c: _Candidate) -> _Verdict | None:
        # "the hospital appointment on the 14th and the letter dated the 16th are not incidents",
        # "the 3rd was my birthday, not an incident": the writer says so after the date, in its
        # own clause
        later = self.mentions_between(c.mention.end, c.s_end)
        end = min([c.s_end] + [m.start for m in later if m.start > c.mention.end])
        if SAID_NOT_INCIDENT.search(c.text, c.mention.end, end):
            return _Reject()
        return None

    def _rule_not_incident_clause(self, c: _Candidate) -> _Verdict | None:
        # "on 2 October the CPS wrote to me", "the hearing on the 14th"; only inside the date's
        # own conjuncts, and not when another of them tells behaviour.
        a, b = c.sents.bounds_around(Cut.CLAUSE, c.sentence, c.mention.start, c.mention.end)
        spans = [(m.start - a, m.end - a) for m in self.mentions_between(a, b)]
        own = (c.mention.start - a, c.mention.end - a)
        clause = _without_asides(PLACE_COURT.sub(lambda x: " " * len(x.group(0)), c.text[a:b]), own)
        veto = clause_veto(date_scope(clause, spans, own))
        if veto is None:
            return None
        topic, words = veto
        return _Reject({"topic": topic, "words": words})

    def _rule_report_of_rejected(self, c: _Candidate) -> _Verdict | None:
        # "..., the day of the hearing, and I reported it on the 10th": the report of what was set
        # aside is not an incident of its own.
        told = self.pending.get(id(c.mention))
        if not told:
            return None
        rejected_before = any(
            (seg, sentence) == (c.seg_index, c.sentence)
            and at < c.mention.start
            or (seg, sentence) == (c.seg_index, c.sentence - 1)
            for seg, sentence, at, rule, _day in self.rejected_at
            if rule in _BEHAVIOUR_RULES
        )
        if not rejected_before:
            return None
        for cue in self.cues_between(c.s_start, c.mention.start + 1):
            after = c.text[cue.end : c.s_end]
            if ANAPHORA.intersection(lower_words(after)[:4]) or not has_strong_event(after):
                self.pending.pop(id(c.mention), None)
                return _Reject()
        return None

    def _rule_other_part(self, c: _Candidate) -> _Verdict | None:
        # "Since Mum sent me that on Thursday things got worse: yesterday ...": not it
        part_of = c.sents.clause_around(Cut.PART, c.sentence, c.mention.start, c.mention.end)
        around = c.text[c.s_start : c.s_end]
        # "- 4/8/26: cars ...", "- 29 September, the evening before the funeral: he revved ..."
        bare = rule_book().appositive.sub(" ", part_of.replace(c.value.text, ""))
        heading = not re.search(r"\w", bare)
        if heading or len(part_of) >= len(around) - 2:
            return None
        offset = c.s_start + around.find(part_of)
        if (
            has_event(part_of)
            or has_actor(part_of)
            or any(
                x.label != "collective" for x in self.cues_between(offset, offset + len(part_of))
            )
        ):
            return None
        return _Reject()

    def _own_conjuncts(self, c: _Candidate) -> list[str]:
        around = c.text[c.s_start : c.s_end]
        spans = [
            (m.start - c.s_start, m.end - c.s_start)
            for m in self.mentions_between(c.s_start, c.s_end)
        ]
        own = (c.mention.start - c.s_start, c.mention.end - c.s_start)
        return date_scope(around, spans, own)

    def _rule_told_as_future(self, c: _Candidate) -> _Verdict | None:
        # "my mother-in-law is coming to stay for Christmas": a day still to come, whichever
        # year the bare name resolves to
        if aside(c.text, c.s_start, c.s_end, c.mention.start, c.mention.end) is not None:
            return None  # the aside's own words decide (no_behaviour)
        for piece in self._own_conjuncts(c):
            piece = re.sub(r"\([^()]*\)", " ", piece)  # an aside is its own
            if FUTURE.search(piece) and not PAST.search(piece):
                return _Reject()
        return None

    def _rule_disclaimed(self, c: _Candidate) -> _Verdict | None:
        # "Bonfire Night was awful but that was everyone's fireworks, not her": not them
        sentence = c.text[c.s_start : c.s_end]
        if NOT_THEM.search(sentence) and not self._told_next(c.sents, c.sentence, c.text):
            return _Reject()
        return None

    def _rule_told_someone(self, c: _Candidate) -> _Verdict | None:
        # "I told the landlord, who lives away, about it yesterday but he says ...": when the
        # writer told someone of what was told before; nothing done is told up to the date
        for telling in TOLD_ABOUT.finditer(c.text, c.s_start, c.mention.start):
            if c.mention.start - telling.end() > 25:
                continue
            told = c.text[telling.start() : c.mention.end]
            if (
                not has_strong_event(TOLD_ABOUT.sub(" ", told))
                and not self.mentions_between(telling.start(), c.mention.start)
                and not any(
                    x.label != "collective"
                    for x in self.cues_between(telling.start(), c.mention.end)
                )
            ):
                return _Reject()  # a report to a relevant body is read by the report rules
        return None

    def _rule_row_cell(self, c: _Candidate) -> _Verdict | None:
        # "Sat 07/11/2026<TAB>Party ...<TAB>Dartford BC online form, 09/11": a later cell of a
        # row led by another date tells that incident's report or time, not another incident
        line_start = c.text.rfind("\n", 0, c.mention.start) + 1
        leading = self.mentions_between(line_start, c.mention.start)
        if leading and row_led_by(c.text, leading[0].start) is not None:
            return _Reject()
        return None

    def _rule_no_behaviour(self, c: _Candidate) -> _Verdict | None:
        bracketed = aside(c.text, c.s_start, c.s_end, c.mention.start, c.mention.end)
        if bracketed is not None:
            # "(I was on nights all of last week, which is why ...)": an aside about the date
            # tells only what it holds; the sentence around it is about something else
            inner = c.text[bracketed[0] : bracketed[1]]
            if tells_behaviour(inner) or any(
                x.label != "collective" for x in self.cues_between(*bracketed)
            ):
                assert c.start is not None and c.end is not None
                return _Accept(c.start, c.end, f"date phrase '{c.value.text}'")
            return _Reject()
        around = c.text[c.s_start : c.s_end]
        others = self.mentions_between(c.s_start, c.s_end)
        row = row_led_by(c.text, c.mention.start)
        if row is not None:
            # "Sat 03/10/2026<TAB>23:30<TAB>Music so loud ...<TAB>noise line, Mon 05/10": a log's
            # or a table's row is told of the date that leads it, whatever its cells hold
            around, others = c.text[row[0] : row[1]], []
        if len(others) > 1:
            # several dates in the sentence: only the conjuncts of this one tell about it
            own = (c.mention.start - c.s_start, c.mention.end - c.s_start)
            around = _without_asides(around, own)  # a date in a dashed aside scopes nothing
            spans = [(m.start - c.s_start, m.end - c.s_start) for m in others]
            spans = [(a, b) for a, b in spans if around[a:b].strip()]
            around = " ".join(date_scope(around, spans, own))
        if AWAY_OR_QUIET.search(around) and not has_strong_event(around):
            # "im ok right now hes at work", "Monday they were away": nothing done that day
            return _Reject()
        # "and last night AGAIN": the behaviour just told, again
        # "Last weekend it was the same": so too
        again = self.current is not None and (
            "again" in lower_words(around) or bool(SAME_AGAIN.search(around))
        )
        if (
            tells_behaviour(around)
            or again
            or c.cue_nearby(self)
            or any(c.s_start <= h.start < c.s_end for h in findings(c.part.doc, "hate"))
            or self._told_next(c.sents, c.sentence, c.text, weak=has_event(around))
            or self._heading_of(c)
            or self._pins_told(c)
            or self._next_message_tells(c)
        ):
            assert c.start is not None and c.end is not None
            return _Accept(c.start, c.end, f"date phrase '{c.value.text}'")
        return _Reject()

    def _next_message_tells(self, c: _Candidate) -> bool:
        """Whether a chat message that is only a date ("saturday", "last night about 11") is
        answered by the writer's next message telling behaviour with no day of its own ("keyed
        all down the side")."""
        if not c.part.chat or c.seg_index + 1 >= len(self.parts):
            return False
        rest = c.text[: c.mention.start] + c.text[c.mention.end :]
        if {w for w in lower_words(rest) if not w.isdigit()} - BARE_DATE_WORDS:
            return False
        following = self.parts[c.seg_index + 1]
        if not following.chat or findings(following.doc, "dates"):
            return False
        told = doc_text(following.doc)
        return has_strong_event(told) or (has_event(told) and has_actor(told))

    def _pins_told(self, c: _Candidate) -> bool:
        """Whether the sentence only gives the day of behaviour told earlier: "they poured water
        through my ceiling ... The water was on Monday", "That was last Friday"."""
        match = _PINNING.fullmatch(c.text[c.s_start : c.mention.start])
        if match is None:
            return False
        earlier = " ".join(doc_text(p.doc) for p in self.parts[: c.seg_index])
        earlier = (earlier + " " + c.text[: c.s_start])[-600:]
        noun = match.group("noun")
        if noun is not None and noun.lower() not in lower_words(earlier):
            return False
        return has_event(earlier, strong=True) and has_actor(earlier)

    def _heading_of(self, c: _Candidate) -> bool:
        """Whether the date stands alone as the heading of what the next sentences tell ("2.
        Saturday 5 June. Music until 3am. ..."): behaviour told before the next date or blank
        line."""
        rest = c.text[c.s_start : c.s_end]
        for m in reversed(self.mentions_between(c.s_start, c.s_end)):
            # "24/12/25 Christmas Eve.": a day named twice heads what follows too
            rest = rest[: m.start - c.s_start] + " " + rest[m.end - c.s_start :]
        if {w for w in lower_words(rest) if not w.isdigit()} - _HEADING_WORDS:
            return False
        sentence = c.sentence
        for _ in range(_HEADING_REACH):
            if sentence + 1 >= len(c.sents.starts):
                return False
            sentence += 1
            n_start, n_end = c.sents.bounds(sentence)
            following = c.text[n_start:n_end]
            if self.mentions_between(n_start, n_end) or re.search(r"\n\s*\n", following):
                return False
            if has_event(following) or tells_behaviour(following):
                return True
        return False

    def _reported_not_until(self, mention_f: Any, text: str, sents: Sentences) -> bool:
        """ "I put it on the council website but not till Sunday": the report's day, not an
        incident."""
        # the date phrase may hold the "until" itself ("not | until the 2nd")
        lead = re.match(r"\s*(?:until|till|til|untill)\b", mention_f.value.text, re.I)
        end = mention_f.start + (lead.end() if lead else 0)
        before = text[max(0, mention_f.start - 40) : end].lower()
        current = self.current
        if current is None or not LATE_REPORT_DAY.search(before):
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
            and not LIST_LINE_BREAK.search(text[other.end : mention_f.start])
            # a date opening the next row of a log or table ("01/06<TAB>-\nSat 06/06/2026")
            and not (
                "\n" in text[other.end : mention_f.start]
                and DATED_LINE.match(text, text.rfind("\n", 0, mention_f.start) + 1)
            )
            for other in self.mentions_between(mention_f.start - 80, mention_f.start)
        )

    def _told_next(self, sents: Sentences, sentence: int, text: str, weak: bool = False) -> bool:
        """Whether the next sentence goes on about it: "Last night was the worst. At about ten he
        kicked the door", or "On the 24th a rock came through the window. I reported it ...".
        After a sentence with a weak behaviour word ("the meet that took over the car park"),
        behaviour told next is enough ("Cars were racing round ...")."""
        while (
            sentence + 1 < len(sents.starts)
            and not text[slice(*sents.bounds(sentence + 1))].strip()
        ):
            sentence += 1  # the blank line between paragraphs
        if sentence + 1 >= len(sents.starts):
            return False
        n_start, n_end = sents.bounds(sentence + 1)
        following = text[n_start:n_end]
        dated = bool(self.mentions_between(n_start, n_end))  # then it tells its own day
        if not dated and has_event(following) and has_perpetrator(following):
            return True
        if weak and (
            (not dated and has_strong_event(following))
            or any(c.label != "collective" for c in self.cues_between(n_start, n_end))
        ):
            return True  # "... called me names. I rang the police straight away."
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
        told = [
            i
            for i in reversed(self.incidents)
            if i.start == wrong.start_date and i.end == wrong.end_date
        ]
        if not told and wrong.start_date is not None and wrong.end_date is not None:
            # "the paint was 15 June not May": the one incident told within the month denied
            told = [
                i
                for i in self.incidents
                if i.start is not None
                and i.end is not None
                and wrong.start_date <= i.start
                and i.end <= wrong.end_date
            ]
            told = told if len(told) == 1 else []
        wrong_day = re.fullmatch(
            r"(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?", str(wrong.text).strip(), re.I
        )
        if not told and wrong_day and start is not None and start == end:
            # "it was the 5th of sept not the 6th": the 6th of the month the right day names
            told = [
                i
                for i in reversed(self.incidents)
                if i.start is not None
                and i.start == i.end
                and i.start.day == int(wrong_day.group(1))
                and (i.start.year, i.start.month) == (start.year, start.month)
            ][:1]
        for incident in told[:1]:
            incident.explanation.append(f"date corrected to '{m.text}'")
            incident.start, incident.end = start, end
            self.current = incident
            return True
        return False
