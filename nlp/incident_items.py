"""Reports that name what they report: "I reported the eggs to the council on 5 October, and the
tyres to the police on 11 October", "I rang the police about the window the same night".

A report statement may name each incident by a word of its own telling (its *topic*: "the eggs",
"the fence", "the road one") instead of pointing back with "it", and may give each its own body and
day, the report verb told once and left out of the items after it ("..., and the tyres to the
police on 11 October"). Such an item reports the one incident whose telling holds that word, and
the days it gives are report days, never incidents of their own. A word that several incidents
share ("the car") names none of them; the ordinary report rules (:mod:`nlp.incident_reports`) then
decide. Words that name no particular incident ("the incident", "the lot") are in
``patterns/incident_rules.json`` (``NOT_TOPIC``).

Pure: plain text and analysed findings in, reports attached to the assembler's incidents.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from nlp.incident_model import AnalysedSegment, AssemblyState, Incident, Report, Sentences
from nlp.incident_words import event_lexicon, is_incident_anchor
from nlp.pipeline import doc_text
from nlp.reports import ReportCue

# What may follow an item's topic: the body it went to, how, or when.
_AFTER_TOPIC = (
    r"(?=(?:to|with|on|online|via|at|in|by|using|through|the\s+same|straight|that|first|"
    r"next|a\s+(?:day|week|few))\b)"
)
# A compound's second word is a content word ("the bin fire"), never a function word.
_HEAD = (
    r"(?:\s+(?!(?:the|a|an|to|on|in|at|by|with|via|online|that|this|and|or|of|for|from|i|we|it"
    r"|same|next|first|straight|about|as|when|because|so|but|after|before|again|back|all)\b)"
    r"(?P<head>[a-z]+))"
)
_TOPIC = (
    rf"(?:the|my|our)\s+(?P<noun>[a-z]+){_HEAD}??"
    r"(?:\s+(?:one|thing|incident|business))?\s+"
)
# The first item, right after the report verb ("reported| the eggs to ..."), or what the report
# was about ("rang the police about the window ...").
_FIRST_ITEM = re.compile(rf"\s+{_TOPIC}{_AFTER_TOPIC}", re.I)
_ABOUT_ITEM = re.compile(
    rf"^(?:\s+[\w'’]+){{1,6}}?\s+about\s+{_TOPIC}(?:{_AFTER_TOPIC}|(?=[,.;]|$))", re.I
)
# A later item with its verb left out: ", and the tyres to ..."
_NEXT_ITEM = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){_TOPIC}{_AFTER_TOPIC}", re.I)
# The topic told first, then the report of it: "The garage fire I reported to ... on 26 October."
_TOPIC_FIRST = re.compile(
    rf"(?:^|[.!?:;,]\s+|\n)\s*(?:and\s+)?(?:the|my|our)\s+(?P<noun>[a-z]+){_HEAD}?"
    r"\s+(?:i|we)\s+(?:also\s+|then\s+|only\s+)?$",
    re.I,
)
# Where the statement ends within its sentence.
_STATEMENT_END = re.compile(r";|\s+but\s+|\.\s", re.I)


@lru_cache(maxsize=1)
def _not_topic() -> frozenset[str]:
    raw = resources.files("nlp").joinpath("patterns", "incident_rules.json").read_text("utf-8")
    return frozenset(json.loads(raw)["NOT_TOPIC"])


@dataclass(frozen=True)
class _Item:
    """One item of a report statement: the topic word and the text it spans (segment offsets)."""

    noun: str
    start: int
    end: int
    head: str = ""  # a compound's second word ("the bin fire"), tried when the noun names none


def _topic_pattern(noun: str) -> re.Pattern[str]:
    """The noun and its other number ("tyres" -> tyre, tyres)."""
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun
    return re.compile(rf"\b{re.escape(stem)}(?:s|es)?\b", re.I)


class ItemisedReports(AssemblyState):
    """Report statements whose items name the incidents they report (see the module)."""

    def __init__(self, parts: list[AnalysedSegment]) -> None:
        super().__init__(parts)
        self.consumed_cues: set[int] = set()  # ids of cues read as part of an itemised statement

    def _items(self, text: str, cue_f: Any, s_start: int, s_end: int) -> list[_Item]:
        """The items of the statement the cue starts; empty when its first names no topic."""
        stop = _STATEMENT_END.search(text, cue_f.end, s_end)
        end = stop.start() if stop is not None else s_end
        rest = text[cue_f.end : end]
        first = _FIRST_ITEM.match(rest) or _ABOUT_ITEM.match(rest)
        if first is None:
            told_first = _TOPIC_FIRST.search(text, max(0, s_start - 2), cue_f.start)
            if told_first is None:
                return []
            noun, head = told_first.group("noun").lower(), (told_first.group("head") or "").lower()
            return [_Item(noun, cue_f.end, end, head)]
        heads = [(first.start("noun"), first.group("noun").lower(), _head(first))]
        heads += [
            (m.start("noun"), m.group("noun").lower(), _head(m)) for m in _NEXT_ITEM.finditer(rest)
        ]
        heads = [h for h in heads if h[0] >= heads[0][0]]
        items = []
        for k, (at, noun, head) in enumerate(heads):
            item_end = heads[k + 1][0] if k + 1 < len(heads) else len(rest)
            items.append(_Item(noun, cue_f.end + at, cue_f.end + item_end, head))
        return items

    def _day_of(self, item: _Item) -> date | None:
        """The day an item's report was made, when the item names one ("on 1 October")."""
        for m in self.mentions_between(item.start, item.end):
            v = m.value
            if not is_incident_anchor(v) and v.start_date is not None:
                return v.start_date if v.start_date == v.end_date else None
        return None

    def _topic_incident(
        self, noun: str, told: list[Incident], before: int, reported: date | None = None
    ) -> Incident | None:
        """The one incident whose telling (before document offset ``before``) holds ``noun``;
        never one that began after the day it was ``reported``."""
        lex = event_lexicon()
        if noun in _not_topic() or noun in lex.perpetrator_words or len(noun) < 3:
            return None
        pattern = _topic_pattern(noun)
        found: set[int] = set()
        for incident in told:
            if reported is not None and incident.start is not None and incident.start > reported:
                continue  # "rang the police about the window on 1 October": not the 8th's
            part = self.parts[incident.segment]
            start, end = incident.block
            end = min(end, before)
            text = doc_text(part.doc)
            for match in pattern.finditer(text, start - part.offset, max(0, end - part.offset)):
                at = part.offset + match.start()
                found.add(id(_owner(told, incident.segment, at) or incident))
        if len(found) != 1:
            return None
        return next(i for i in told if id(i) == next(iter(found)))

    def attach_items(
        self,
        seg_index: int,
        part: AnalysedSegment,
        sents: Sentences,
        cue_f: Any,
        claimed: set[int],
    ) -> bool:
        """Attach each item of an itemised report statement to the incident its topic names;
        whether the cue was read so (else the ordinary report rules read it)."""
        text = sents.text
        sentence = sents.index(cue_f.start)
        _s_start, s_end = sents.bounds(sentence)
        items = self._items(text, cue_f, _s_start, s_end)
        if not items:
            return False
        told = self.incidents if part.chat else self.by_segment.get(seg_index, [])
        cue: ReportCue = cue_f.value
        targets = [
            self._topic_incident(item.noun, told, part.offset + cue_f.start, self._day_of(item))
            or (
                self._topic_incident(item.head, told, part.offset + cue_f.start, self._day_of(item))
                if item.head
                else None
            )
            for item in items
        ]
        if targets[0] is None:
            return False
        for item, target in zip(items, targets, strict=True):
            dates = self.mentions_between(item.start, item.end)
            for m in dates:
                claimed.add(id(m))  # a day an item gives is a report's day
            if target is None:
                continue
            report = Report(
                cue=ReportCue(cue.negated, self._item_agencies(part, item, cue), cue.until),
                span=(part.offset + item.start, part.offset + item.end),
                sentence=sentence,
                segment=seg_index,
            )
            if dates:
                value = dates[0].value
                if is_incident_anchor(value):
                    report.offset_days = getattr(value, "offset_days", None) or 0
                elif value.start_date is None or value.start_date != value.end_date:
                    report.unknown_day = True
                elif target.start is not None and value.start_date < target.start:
                    continue  # a report cannot come before what it reports
                else:
                    report.on = value.start_date
            if cue.negated:
                target.negative_reports += 1
                continue
            target.reports.append(report)
        for other in self.cues_between(cue_f.end, items[-1].end):
            self.consumed_cues.add(id(other))
        return True

    def _item_agencies(self, part: AnalysedSegment, item: _Item, cue: ReportCue) -> tuple[str, ...]:
        """The bodies an item names ("to the council"), or "you" when the message's reader is
        one; none named: the cue's own only when it names one body."""
        named: list[str] = []
        for a in self.segment_agencies:
            if item.start <= a.start < item.end and a.label not in named:
                named.append(a.label)
        if named:
            return tuple(named)
        if part.recipient_agency and re.search(
            r"\b(?:you|your)\b", doc_text(part.doc)[item.start : item.end], re.I
        ):
            return (part.recipient_agency,)
        return cue.agencies if len(cue.agencies) == 1 else ()


def _head(match: re.Match[str]) -> str:
    return (match.group("head") or "").lower()


def _owner(told: list[Incident], segment: int, at: int) -> Incident | None:
    """The incident a word at document offset ``at`` is told of: of the incidents whose block
    holds it, the last one started at or before it, else the first."""
    holding = [i for i in told if i.segment == segment and i.block[0] <= at < i.block[1]]
    if not holding:
        return None
    started = [i for i in holding if 0 <= i.anchor <= at]
    if started:
        return max(started, key=lambda i: i.anchor)
    return min(holding, key=lambda i: i.anchor)
