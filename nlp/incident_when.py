"""The date rules on time: whether a date phrase names one day an incident can fall on (not
negated, resolved, not to come, not a long period or a count over it, not the end of a range or
someone's name), or one told already (the same day again, a correction, a report's late day).
They run first in :data:`nlp.incident_candidates.DATE_RULES`; the rules on what happened follow
(:mod:`nlp.incident_behaviour`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from nlp.incident_behaviour import BehaviourRules
from nlp.incident_candidate import (
    ASIDE_DASH,
    BEHAVIOUR_RULES,
    Accept,
    Candidate,
    Merged,
    Reject,
    Verdict,
)
from nlp.incident_model import Sentences
from nlp.incident_phrases import ANY_SUCH_DAY, LATE_REPORT_DAY, SUCH_DAY_AFTER, WEEKDAY_ONLY
from nlp.incident_rules import (
    MONTH_NAMES,
    clause_veto,
    counted_many_beside,
    date_scope,
    has_strong_event,
    rule_book,
    visit_by_household_or_official,
)
from nlp.incident_words import (
    DATED_LINE,
    LIST_LINE_BREAK,
    POSSESSIVE,
    event_lexicon,
    has_event,
    is_incident_anchor,
    report_day_unsure,
)

_LONGEST_INCIDENT = timedelta(days=31)


# "the PCSO who came round", "the officer that visited": who came, read across the relative
_RELATIVE_PRONOUN = re.compile(r"\b(?:who|that|which)\b", re.I)


# "the June one", "that Friday incident", "the Halloween business": a told incident, by its time
_NAMED_BY_TIME_BEFORE = re.compile(r"\b(?:the|that|this)\s+$", re.I)
_NAMED_BY_TIME_AFTER = re.compile(
    r"\s+(?:one|ones|incident|thing|business|episode|attack|night|lot)\b", re.I
)

# A relative clause that names a day just given again ("the next day, which is today").
_WHICH_WAS = r",?\s*(?:which|that)\s+(?:is|was|were)\s+"


class WhenRules(BehaviourRules):
    """The date rules on time (see the module docstring)."""

    def _rule_negated(self, c: Candidate) -> Verdict | None:
        return Reject() if getattr(c.value, "negated", False) else None

    def _rule_superseded(self, c: Candidate) -> Verdict | None:
        return Merged() if id(c.mention) in self.superseded else None

    def _rule_report_not_until(self, c: Candidate) -> Verdict | None:
        return Merged() if self._reported_not_until(c.mention, c.text, c.sents) else None

    def _rule_report_day_unsure(self, c: Candidate) -> Verdict | None:
        # "i did report it but i cant remember if i rang on tuesday or wednesday": the days the
        # report may have been made on, neither of them an incident
        return Reject() if report_day_unsure(c.text, c.s_start, c.mention.start, c.s_end) else None

    def _rule_corrected(self, c: Candidate) -> Verdict | None:
        if getattr(c.value, "corrects", False) or id(c.mention) in self.corrections:
            wrong = self.corrections.get(id(c.mention))
            if wrong is not None and self._correct(c.value, wrong):
                return Merged()
        return None

    def _rule_relative_to_other_event(self, c: Candidate) -> Verdict | None:
        # "the morning after the residents' meeting": after that event, not after the incident
        if not is_incident_anchor(c.value) or not re.search(
            r"\b(?:after|before)\s*$", c.value.text, re.I
        ):
            return None
        following = c.text[c.mention.end : c.mention.end + 12]
        if re.match(r"\s+(?:the|my|our|his|her|their|that|a|an)\b", following, re.I):
            return Reject()
        return None

    def _rule_relative_without_incident(self, c: Candidate) -> Verdict | None:
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
                return Accept(day, day, f"'{c.value.text}' after {aside.isoformat()}", True)
            return Reject()
        return None

    def _day_set_aside(self, c: Candidate) -> date | None:
        """The day of the date phrase set aside just before ``c`` (this or the sentence before,
        no incident told since), when it named one day."""
        if not self.rejected_at:
            return None
        seg, sentence, at, rule, day = self.rejected_at[-1]
        if seg != c.seg_index or rule not in BEHAVIOUR_RULES or day is None:
            return None
        if not (sentence == c.sentence and at < c.mention.start or sentence == c.sentence - 1):
            return None
        current = self.current
        if current is not None and current.segment == seg and current.sentence >= sentence:
            return None
        return day

    def _rule_relative_without_behaviour(self, c: Candidate) -> Verdict | None:
        if not is_incident_anchor(c.value):
            return None
        base = self.current
        assert base is not None and base.end is not None  # the rule before checked
        # what is told after it, up to the next date phrase (which tells of its own day: "they
        # sent someone round the next day, we had the family round on the 3rd and the lads ...")
        later = [m.start for m in self.mentions_between(c.mention.end, c.s_end)]
        if not has_event(c.text[c.mention.end : min([c.s_end, *later])]):
            return Reject()  # "the officer who rang me back the next day was rude"
        if self._rule_not_incident_clause(c) is not None:
            return Reject()  # "I was at the hospital the next day where I cut it on the glass"
        if self._in_aside_about_something_else(c):
            return Reject()  # "- I had the hearing the next day -": a day of something else
        lead = _RELATIVE_PRONOUN.sub(" ", c.text[c.s_start : c.mention.start])
        if visit_by_household_or_official(lead) is not None:
            return Reject()  # "the pcso who came round the next day laughed": an official's day
        day = base.end + timedelta(days=getattr(c.value, "offset_days", None) or 0)
        why = f"'{c.value.text}' after the incident of {base.end.isoformat()}"
        return Accept(day, day, why, relative=True)

    def _in_aside_about_something_else(self, c: Candidate) -> bool:
        """Whether the date stands in an aside between spaced dashes ("A fortnight ago - I had
        the hearing at court the next day - he kicked my car") that is about something else."""
        before = [m.end() for m in ASIDE_DASH.finditer(c.text, c.s_start, c.mention.start)]
        after = ASIDE_DASH.search(c.text, c.mention.end, c.s_end)
        if not before or after is None:
            return False
        a, b = before[-1], after.start()
        spans = [(m.start - a, m.end - a) for m in self.mentions_between(a, b)]
        own = (c.mention.start - a, c.mention.end - a)
        return clause_veto(date_scope(c.text[a:b], spans, own)) is not None

    def _rule_unresolved(self, c: Candidate) -> Verdict | None:
        return Reject() if c.start is None or c.end is None else None

    def _rule_future(self, c: Candidate) -> Verdict | None:
        # the future ("next year", a hearing next week) is not an incident
        future = c.reference_day is not None and c.start is not None and c.start > c.reference_day
        return Reject() if future else None

    def _rule_period(self, c: Candidate) -> Verdict | None:
        assert c.start is not None and c.end is not None
        return Reject() if c.end - c.start > _LONGEST_INCIDENT - timedelta(days=1) else None

    def _rule_counted(self, c: Candidate) -> Verdict | None:
        # "he threw rubbish over the fence many times in September": the month spans them all
        assert c.start is not None and c.end is not None
        if c.end <= c.start:
            return None
        before, after = c.text[c.s_start : c.mention.start], c.text[c.mention.end : c.s_end]
        return Reject() if counted_many_beside(before, after) else None

    def _rule_background(self, c: Candidate) -> Verdict | None:
        before = c.text[max(0, c.mention.start - 40) : c.mention.start]
        lex = event_lexicon()
        if lex.background.search(before) or lex.background_start.match(c.value.text):
            return Reject()
        if not re.search(r"\d", c.value.text) and (
            ANY_SUCH_DAY.search(before)  # "sorry to bother you on a Sunday": any Sunday
            or (
                WEEKDAY_ONLY.fullmatch(c.value.text.strip())
                and SUCH_DAY_AFTER.match(c.text, c.mention.end)  # "Tuesday is his gym day"
            )
        ):
            return Reject()
        return None

    def _rule_behaviour_stopped(self, c: Candidate) -> Verdict | None:
        before = c.text[max(0, c.mention.start - 40) : c.mention.start]
        return Reject() if rule_book().stopped.search(before) else None

    def _rule_range_end(self, c: Candidate) -> Verdict | None:
        # the far end of "from March to June", or "the next day (18/6)"; not the date opening the
        # next line of a log ("... that night\n- 30/08/2025 - ...")
        follows = self._follows_date(c.mention, c.text, r"\s*(?:to|till|until|-|–|\()\s*")
        # "the next day, which is today", "last Friday, which was the 9th": the same day again
        same = self._follows_date(c.mention, c.text, _WHICH_WAS, reach=16)
        return Reject() if follows or same else None

    def _rule_birth(self, c: Candidate) -> Verdict | None:
        return Reject() if "birth" in str(getattr(c.value, "explanation", "")).lower() else None

    def _rule_person_named(self, c: Candidate) -> Verdict | None:
        # "June's illness", "my wife June ... June gets upset": a person, not the month
        word = c.value.text.strip()
        # "the June one was reported late", "that Friday incident": an incident told already,
        # named by its time
        if (
            c.start is not None
            and c.end is not None
            and _NAMED_BY_TIME_BEFORE.search(c.text, max(0, c.mention.start - 6), c.mention.start)
            and _NAMED_BY_TIME_AFTER.match(c.text, c.mention.end)
            and any(i.start is not None and c.start <= i.start <= c.end for i in self.incidents)
        ):
            return Merged()
        # a day's possessive is the day's ("Friday's incident", "yesterday's noise"): the
        # incident of that day again, when one was told
        if word.lower() not in MONTH_NAMES:
            if POSSESSIVE.match(c.text, c.mention.end) and any(
                i.start == c.start and i.end == c.end for i in self.incidents
            ):
                return Merged()
            return None
        if " " not in word and (
            re.match(r"['’]s\b", c.text[c.mention.end : c.mention.end + 3])
            or word.lower() in self.names_in_segment
        ):
            return Reject()
        return None

    def _rule_narrowed(self, c: Candidate) -> Verdict | None:
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
            return Merged()
        return None

    def _rule_same_incident(self, c: Candidate) -> Verdict | None:
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
            return Merged()
        return None

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

    def _follows_date(self, mention_f: Any, text: str, between: str, reach: int = 6) -> bool:
        """Whether another date phrase ends just before this one, only ``between`` apart (at
        most ``reach`` characters)."""
        pattern = re.compile(between + r"$")
        return any(
            other.end <= mention_f.start
            and mention_f.start - other.end <= reach
            and pattern.fullmatch(text[other.end : mention_f.start])
            and not LIST_LINE_BREAK.search(text[other.end : mention_f.start])
            # a date opening the next row of a log or table ("01/06<TAB>-\nSat 06/06/2026")
            and not (
                "\n" in text[other.end : mention_f.start]
                and DATED_LINE.match(text, text.rfind("\n", 0, mention_f.start) + 1)
            )
            for other in self.mentions_between(mention_f.start - 80, mention_f.start)
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
