"""Hate shown by deeds, and the victim's stated reason reaching each deed aimed at them.

People often show hate motivation by what was done rather than what was said: a banana pushed
through a black family's letterbox, a rainbow flag burned on a gay couple's doorstep, a blind
woman's cane thrown on a roof, a card in a trans woman's old name. The phrases and templates live
in ``nlp/patterns/hate_deeds.json`` and are read by :mod:`nlp.hate` with the other families.

A victim also often says once why they are targeted ("they only ever do it to me because I'm
old", "we're the only Muslim family on the row, they know exactly what they're doing") and then
tells each incident without repeating it. :func:`general_statement` says which findings state such
a reason; :func:`reached_by_reason` says which incidents it reaches: a deed aimed at the victim or
their household, not a noise nuisance (loud music is a nuisance to everyone) and not one the
victim says is about something else ("the egging is not about religion").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from nlp.findings import Finding
from nlp.hate_explained import MOTIVATION_RULES, rule_of
from nlp.lexicon import load_data


@dataclass(frozen=True)
class Deeds:
    """The compiled data of ``hate_deeds.json`` that :mod:`nlp.hate` and the incidents read."""

    phrases: list[dict[str, Any]]
    templates: dict[str, str]
    general: frozenset[str]
    exclusive_rules: frozenset[str]
    exclusive: re.Pattern[str]
    disclaims_previous: re.Pattern[str]
    told_as_past: re.Pattern[str]
    deed_aimed: re.Pattern[str]
    against_the_person: re.Pattern[str]
    nuisance: re.Pattern[str]
    deed_disclaimed: re.Pattern[str]
    needs_exclusive: frozenset[str]


@cache
def deeds() -> Deeds:
    """``hate_deeds.json``, read and compiled once."""
    data = load_data("hate_deeds.json")
    return Deeds(
        phrases=data["phrases"],
        templates=data["templates"],
        general=frozenset(data["general"]) | MOTIVATION_RULES,
        exclusive_rules=frozenset(data["exclusive_rules"]),
        exclusive=re.compile(data["exclusive"]),
        disclaims_previous=re.compile(data["disclaims_previous"]),
        told_as_past=re.compile(data["told_as_past"], re.I),
        deed_aimed=re.compile(data["deed_aimed"], re.I),
        against_the_person=re.compile(data["against_the_person"], re.I),
        nuisance=re.compile(data["nuisance"], re.I),
        deed_disclaimed=re.compile(data["deed_disclaimed"], re.I),
        needs_exclusive=frozenset(data["needs_exclusive"]),
    )


def exclusive(canon: str) -> bool:
    """True when a sentence says the victim alone is targeted ("they don't do it to anyone
    else", "they leave the young couple next door alone"): not indiscriminate abuse."""
    return bool(deeds().exclusive.search(canon))


def needs_exclusive(rule: str) -> bool:
    """True when a rule counts only beside a sentence saying the victim alone is targeted ("we
    are the only Polish family in the road" with "only ours" or "nobody else's" around it)."""
    return rule in deeds().needs_exclusive


def disclaims_previous(canon: str) -> bool:
    """True when a sentence denies what the sentence before it named ("I know what racist abuse
    looks like. This is not that.")."""
    return bool(deeds().disclaims_previous.search(canon))


def is_reason(finding: Finding) -> bool:
    """True when ``finding`` states why the victim is targeted (a perceived-motivation rule)."""
    return rule_of(finding) in deeds().general


def general_statement(finding: Finding, sentence: str, after: str = "") -> bool:
    """True when ``finding`` states why the victim alone is targeted, as a whole: a
    perceived-motivation rule in a ``sentence`` that says nobody else gets it ("they only ever do
    it to me because I'm old", "we're the only Muslim family on the row"), or whose next
    sentences (``after``) do ("... because I am woman alone. He not speak like this to the men"),
    told in the present, not in the past right after one incident ("we were only targeted that
    day because ...")."""
    d = deeds()
    rule = rule_of(finding)
    if rule not in d.general or d.told_as_past.search(sentence):
        return False
    return rule in d.exclusive_rules or bool(d.exclusive.search(f"{sentence} {after}".lower()))


class _Told(Protocol):
    @property
    def hate(self) -> set[str]: ...
    @property
    def segment(self) -> int: ...


@dataclass
class Reasons:
    """The reasons a victim states apart from any date, and the incidents they reach.

    ``state`` a reason as it is read: ``segment``, its segment; ``chat``, every message of a chat
    is one account, so the reason reaches the messages after it too; ``holder``, the incident
    whose block holds the statement (None: an overview told before any incident); ``spreads``,
    the statement says the victim alone is targeted (:func:`general_statement`). ``told`` each
    incident with its own sentence; ``apply`` once all are read."""

    stated: list[tuple[str, int, bool, object | None, bool]] = field(default_factory=list)
    sentence_of: dict[int, tuple[_Told, str]] = field(default_factory=dict)

    def state(
        self, strand: str, segment: int, chat: bool, holder: object | None, spreads: bool
    ) -> None:
        """A reason for ``strand`` told in ``segment`` inside ``holder``'s block."""
        self.stated.append((strand, segment, chat, holder, spreads))

    def told(self, incident: _Told, sentence: str) -> None:
        """``incident`` was told in ``sentence``."""
        self.sentence_of[id(incident)] = (incident, sentence)

    def apply(self, names_strand: Callable[[str, str], bool]) -> None:
        """Give each stated strand to the incidents it reaches (``names_strand(strand, text)``:
        the text names the strand). Never a nuisance or a deed the victim says is about
        something else. The holder always; an overview, every deed aimed at the victim; a
        statement told with one incident, another only when that one is against the person or
        names the strand itself ("they threw a can at his car as he left for the mosque")."""
        d = deeds()
        for strand, segment, chat, holder, spreads in self.stated:
            for incident, sentence in self.sentence_of.values():
                if incident.segment != segment and not (chat and incident.segment > segment):
                    continue
                if d.nuisance.search(sentence) or d.deed_disclaimed.search(sentence):
                    continue
                if incident is holder:
                    incident.hate.add(strand)
                elif spreads and d.deed_aimed.search(sentence):
                    if holder is None or d.against_the_person.search(sentence):
                        incident.hate.add(strand)
                    elif names_strand(strand, sentence):
                        incident.hate.add(strand)
