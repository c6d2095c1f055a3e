"""Which hate markers another strand explains: acts read in the light of the victim's reasons.

Some markers show a strand only by what was done to a thing the victim uses ("took my walking
stick", "knocked my frame over") or by a wish said of many groups ("should be put down"). When
the victim names another strand as the reason ("they pick on me because of my age") and nothing
but such acts points at this one, the act belongs to the hostility the victim names, not to a
strand of its own: the victim's perception decides. Ageist words alone ("old git", "hurry up and
die") explain them too: an old person's walking frame goes with the age abused, where a racist
slur and a kicked wheelchair are two hostilities. Read per text by :mod:`nlp.hate` and across a
whole account (a chat's messages are analysed apart) by the extractor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from nlp.findings import Finding
from trigger.vocabulary import HateStrand

# The rules that state why the victim was targeted ("because I'm Muslim", "that's why they ...").
MOTIVATION_RULES = frozenset(
    {
        "motivation_because",
        "motivation_found_out",
        "motivation_being",
        "motivation_about",
        "motivation_due",
        "motivation_this_is_about",
        "motivation_thats_why",
        "motivation_since_told",
        "motivation_reason",
    }
)

# Rules that show a strand only by an act against a thing the victim uses, or by a wish of harm
# said of many groups ("people her age should be put down" is ageist, not about disability).
ACT_ONLY_RULES = frozenset(
    {
        "phrase:mobility aid attacked",
        "phrase:a disabled person told to be caged or kept in like an animal",
    }
)
_AN_ACT = "phrase:mobility aid attacked"


class _Mark(Protocol):
    @property
    def strand(self) -> HateStrand: ...
    @property
    def rule(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def acts_explained(marks: Iterable[_Mark]) -> set[HateStrand]:
    """The strands of ``marks`` shown only by acts (a mark on the same words as an act is that
    act), when another strand is stated as the reason, or age is shown."""
    found = list(marks)
    act_spans = {(m.start, m.end) for m in found if m.rule in ACT_ONLY_RULES}
    pairs = [(m.strand, _AN_ACT if (m.start, m.end) in act_spans else m.rule) for m in found]
    return _explained(pairs)


# Rules whose strand is only the usual reading of the words ("go back to where you came from" is
# most often racist), which a group named in the same words overrides ("Muslims should go back to
# where they came from" attacks a faith).
USUAL_READING_RULES = frozenset({"phrase:go back to your own country"})

# Rules that name the group attacked.
GROUP_RULES = frozenset({"group_verb", "group_predicate", "group_out", "group_not_positive"})


def read_by_the_group(marks: Iterable[_Mark]) -> set[tuple[HateStrand, int, int]]:
    """The marks (strand, start, end) of a usual-reading rule that overlap a mark naming the group
    of another strand, and the phrases wholly inside one ("old codgers like me should be put
    down" attacks age, not disability too): the group named decides the strand."""
    found = list(marks)
    groups = [m for m in found if m.rule in GROUP_RULES]
    return {
        (m.strand, m.start, m.end)
        for m in found
        if (
            m.rule in USUAL_READING_RULES
            and any(g.strand != m.strand and g.start < m.end and m.start < g.end for g in groups)
        )
        or (
            m.rule.startswith("phrase:")
            and any(g.strand != m.strand and g.start <= m.start and m.end <= g.end for g in groups)
        )
    }


def _explained(pairs: list[tuple[HateStrand, str]]) -> set[HateStrand]:
    stated = {strand for strand, rule in pairs if rule in MOTIVATION_RULES}
    shown = {strand for strand, rule in pairs if rule not in ACT_ONLY_RULES}
    acts = {strand for strand, rule in pairs if rule in ACT_ONLY_RULES}
    if HateStrand.AGE in shown:  # an old person's walking frame is part of the age abused
        stated.add(HateStrand.AGE)
    return {strand for strand in acts - shown if stated - {strand}}


def rule_of(finding: Finding) -> str:
    """The rule a hate finding came from (its explanation is "hate: <rule> -> <strand>")."""
    return finding.explanation.removeprefix("hate: ").rsplit(" -> ", 1)[0]


def strands_explained_by_another(markers: Iterable[Finding]) -> set[HateStrand]:
    """:func:`acts_explained` over hate findings of a whole account."""
    return _explained([(HateStrand(f.label), rule_of(f)) for f in markers])
