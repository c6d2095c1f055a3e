"""The date rules on what happened: whether the words around a date tell behaviour (an
incident) or something else (an appointment, a letter, a day still to come, a forwarder's note).
They run in the order of :data:`nlp.incident_candidates.DATE_RULES`, after the rules on time
(:mod:`nlp.incident_when`).
"""

from __future__ import annotations

import re

from nlp.clauses import Cut
from nlp.incident_candidate import (
    BEHAVIOUR_RULES,
    Accept,
    Candidate,
    CandidateBase,
    Reject,
    Verdict,
    without_asides,
)
from nlp.incident_model import Sentences
from nlp.incident_phrases import (
    AWAY_OR_QUIET,
    BARE_DATE_WORDS,
    SAID_NOT_INCIDENT,
    row_led_by,
)
from nlp.incident_rules import (
    FUTURE,
    NOT_THEM,
    PAST,
    REMEMBERED,
    SAID,
    SAME_AGAIN,
    TOLD_ABOUT,
    aside,
    clause_veto,
    date_scope,
    has_actor,
    has_strong_event,
    rule_book,
    tells_behaviour,
)
from nlp.incident_words import (
    ANAPHORA,
    PLACE_COURT,
    has_event,
    has_perpetrator,
    is_incident_anchor,
    lower_words,
)
from nlp.pipeline import doc_text, findings

# Words a heading date may stand with ("1. On Friday 5 June:", "Incident 2 - date: ..."), and how
# many sentences on its behaviour may be told.
_HEADING_WORDS = frozenset({"on", "date", "incident", "day", "no", "number"})
_HEADING_REACH = 3
# "the water was on Monday", "that was last Friday": a day given to what was told before
_PINNING = re.compile(
    r"\s*(?:and |so |oh |well )?(?:the (?P<noun>[a-z]+)|that|this|it)(?: one| thing| incident)?"
    r" (?:was|were|happen(?:ed|d)?)(?: on| at| in)? ?",
    re.I,
)


def _own_cell(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    """The part of ``text[a:b]`` between the cell separators ("|", a tab) around a phrase."""
    a = max(a, text.rfind("|", a, start) + 1, text.rfind("\t", a, start) + 1)
    stops = [k for k in (text.find("|", end, b), text.find("\t", end, b)) if k >= 0]
    return a, min([b, *stops])


class BehaviourRules(CandidateBase):
    """The date rules on what the words around a date tell (see the module docstring)."""

    def _rule_forwarder_note(self, c: Candidate) -> Verdict | None:
        # A forwarder's note tells an incident only with its report ("She did not report this").
        if not c.part.note or c.cue_nearby(self):
            return None
        sents, text = c.sents, c.text
        if c.sentence + 1 >= len(sents.starts) or not any(
            cue.label != "collective"
            and ANAPHORA.intersection(lower_words(text[cue.end : cue.end + 30])[:4])
            for cue in self.cues_between(*sents.bounds(c.sentence + 1))
        ):
            return Reject()
        return None

    def _rule_said_not_incident(self, c: Candidate) -> Verdict | None:
        # "the hospital appointment on the 14th and the letter dated the 16th are not incidents",
        # "the 3rd was my birthday, not an incident": the writer says so after the date, in its
        # own clause
        later = self.mentions_between(c.mention.end, c.s_end)
        end = min([c.s_end] + [m.start for m in later if m.start > c.mention.end])
        if SAID_NOT_INCIDENT.search(c.text, c.mention.end, end):
            return Reject()
        return None

    def _rule_not_incident_clause(self, c: Candidate) -> Verdict | None:
        # "on 2 October the CPS wrote to me", "the hearing on the 14th"; only inside the date's
        # own conjuncts, and not when another of them tells behaviour.
        a, b = c.sents.bounds_around(Cut.CLAUSE, c.sentence, c.mention.start, c.mention.end)
        # "02/11/2026 | Home visit | T reports ... spat at her Sat 31/10/2026": a later cell of
        # a table's row is a clause of its own (the row's leading date is read with its row)
        if row_led_by(c.text, c.mention.start) is None:
            a, b = _own_cell(c.text, a, b, c.mention.start, c.mention.end)
        spans = [(m.start - a, m.end - a) for m in self.mentions_between(a, b)]
        own = (c.mention.start - a, c.mention.end - a)
        clause = without_asides(PLACE_COURT.sub(lambda x: " " * len(x.group(0)), c.text[a:b]), own)
        veto = clause_veto(date_scope(clause, spans, own))
        if veto is None:
            return None
        topic, words = veto
        return Reject({"topic": topic, "words": words})

    def _rule_report_of_rejected(self, c: Candidate) -> Verdict | None:
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
            if rule in BEHAVIOUR_RULES
        )
        if not rejected_before:
            return None
        for cue in self.cues_between(c.s_start, c.mention.start + 1):
            after = c.text[cue.end : c.s_end]
            if ANAPHORA.intersection(lower_words(after)[:4]) or not has_strong_event(after):
                self.pending.pop(id(c.mention), None)
                return Reject()
        return None

    def _rule_other_part(self, c: Candidate) -> Verdict | None:
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
        return Reject()

    def _own_conjuncts(self, c: Candidate) -> list[str]:
        around = c.text[c.s_start : c.s_end]
        spans = [
            (m.start - c.s_start, m.end - c.s_start)
            for m in self.mentions_between(c.s_start, c.s_end)
        ]
        own = (c.mention.start - c.s_start, c.mention.end - c.s_start)
        return date_scope(around, spans, own)

    def _rule_told_as_future(self, c: Candidate) -> Verdict | None:
        # "my mother-in-law is coming to stay for Christmas": a day still to come, whichever
        # year the bare name resolves to
        if aside(c.text, c.s_start, c.s_end, c.mention.start, c.mention.end) is not None:
            return None  # the aside's own words decide (no_behaviour)
        for piece in self._own_conjuncts(c):
            piece = re.sub(r"\([^()]*\)", " ", piece)  # an aside is its own
            # what was said is not when it happened; nor is the reader's remembering
            piece = REMEMBERED.sub(" ", SAID.split(piece, maxsplit=1)[0])
            if FUTURE.search(piece) and not PAST.search(piece):
                return Reject()
        return None

    def _rule_disclaimed(self, c: Candidate) -> Verdict | None:
        # "Bonfire Night was awful but that was everyone's fireworks, not her": not them
        sentence = c.text[c.s_start : c.s_end]
        if NOT_THEM.search(sentence) and not self._told_next(c.sents, c.sentence, c.text):
            return Reject()
        return None

    def _rule_told_someone(self, c: Candidate) -> Verdict | None:
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
                return Reject()  # a report to a relevant body is read by the report rules
        return None

    def _rule_row_cell(self, c: Candidate) -> Verdict | None:
        # "Sat 07/11/2026<TAB>Party ...<TAB>Dartford BC online form, 09/11": a later cell of a
        # row led by another date tells that incident's report or time, not another incident
        line_start = c.text.rfind("\n", 0, c.mention.start) + 1
        leading = self.mentions_between(line_start, c.mention.start)
        if leading and row_led_by(c.text, leading[0].start) is not None:
            contact = self.contact_row(c.text, leading[0])
            if contact is not None and contact[1] is c.mention:
                return None  # a case log's note: the day it names is the incident's
            return Reject()
        return None

    def _rule_contact_row(self, c: Candidate) -> Verdict | None:
        # "09/10/2026 | Phone in | T reports loud music ... on 08/10/2026": a case log's first
        # cell is the day of the contact, the report of the day its note names
        if self.contact_row(c.text, c.mention) is not None:
            return Reject()
        return None

    def _rule_no_behaviour(self, c: Candidate) -> Verdict | None:
        bracketed = aside(c.text, c.s_start, c.s_end, c.mention.start, c.mention.end)
        if bracketed is not None:
            # "(I was on nights all of last week, which is why ...)": an aside about the date
            # tells only what it holds; the sentence around it is about something else
            inner = c.text[bracketed[0] : bracketed[1]]
            if tells_behaviour(inner) or any(
                x.label != "collective" for x in self.cues_between(*bracketed)
            ):
                assert c.start is not None and c.end is not None
                return Accept(c.start, c.end, f"date phrase '{c.value.text}'")
            return Reject()
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
            around = without_asides(around, own)  # a date in a dashed aside scopes nothing
            spans = [(m.start - c.s_start, m.end - c.s_start) for m in others]
            spans = [(a, b) for a, b in spans if around[a:b].strip()]
            around = " ".join(date_scope(around, spans, own))
        if AWAY_OR_QUIET.search(around) and not has_strong_event(around):
            # "im ok right now hes at work", "Monday they were away": nothing done that day
            return Reject()
        if self._nothing_done_that_day(c):
            return Reject()
        nothing_done = rule_book().nothing_done
        if nothing_done.search(around) and not has_strong_event(nothing_done.sub(" ", around)):
            # "at Halloween they left us alone for once": an occasion nothing was done on
            return Reject()
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
            or self._reported_of_that_day(c)
        ):
            assert c.start is not None and c.end is not None
            return Accept(c.start, c.end, f"date phrase '{c.value.text}'")
        return Reject()

    def _reported_of_that_day(self, c: Candidate) -> bool:
        """Whether a report told just after, in the same paragraph and before any other date,
        is made "the same day", "that night" or "the next morning": what the date tells was
        reported, so it happened ("On Sunday a bike came through the hedge and just missed a
        boy. His mum was shaken. I rang 101 the same day.")."""
        sentence = c.sentence
        for _ in range(2):
            if sentence + 1 >= len(c.sents.starts):
                return False
            sentence += 1
            n_start, n_end = c.sents.bounds(sentence)
            if re.search(r"\n\s*\n", c.text[c.s_end : n_start + 1]):
                return False  # a new paragraph
            later = self.mentions_between(n_start, n_end)
            if not later:
                continue
            first = later[0]
            return (
                is_incident_anchor(first.value)
                and id(first) in self.in_report_clause
                and any(x.label != "collective" for x in self.cues_between(n_start, first.start))
            )
        return False

    def _nothing_done_that_day(self, c: Candidate) -> bool:
        """Whether the writer says, of the date's own day, that nothing was done: "the lads sat
        on the wall laughing on the 3rd but they didn't do anything that day" (the next date
        phrase in the sentence is "that day" or "that night", with "nothing done" before it)."""
        later = self.mentions_between(c.mention.end, c.s_end)
        if not later or not is_incident_anchor(later[0].value):
            return False
        if getattr(later[0].value, "offset_days", None):
            return False
        between = c.text[c.mention.end : later[0].start]
        return bool(rule_book().nothing_done.search(between)) and not has_strong_event(between)

    def _next_message_tells(self, c: Candidate) -> bool:
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

    def _pins_told(self, c: Candidate) -> bool:
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

    def _heading_of(self, c: Candidate) -> bool:
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
