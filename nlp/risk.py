"""Risk flags: danger now, self-harm, threats and weapons, vulnerable adults, children at risk.

Each rule in ``nlp/patterns/risk.json`` is a label, a regex over the canonical sentence, and an
optional ``requires`` regex for the context words that must share the sentence (a weapon word
needs "with/waving/had ..."; a child needs "scared/terrified/hurt ..."). A negation just before the
match ("no weapons", "never threatened") or a label's sentence negation ("not in danger now")
cancels it. The culprits' own children or conditions are not the victim's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.findings import Finding
from nlp.lexicon import compile_all, load_data, sentences
from nlp.pipeline import set_findings
from trigger.vocabulary import RiskFlag

KEY = "risk"
# A child described by where the culprits live is one of the culprits ("the kids from number 12").
_CHILD_SUBJECT = re.compile(
    r"\b(?:son|daughter|child|kid|boy|girl|baby|grandson|granddaughter|toddler|children|kids)\b"
    r"(?! is (?:1[89]|[2-9]\d))"
)
_CULPRIT_CHILD = re.compile(
    r"^ (?:from|on|at|in|across|over|opposite|next door|who live|round|around|of the|of number"
    r"|upstairs|downstairs|outside)\b"
)


@dataclass(frozen=True)
class _Rule:
    label: RiskFlag
    name: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    gate: re.Pattern[str] | None  # words without which the pattern cannot match (speed)


@dataclass(frozen=True)
class _Compiled:
    rules: tuple[_Rule, ...]
    negation: re.Pattern[str]
    sentence_negations: dict[RiskFlag, re.Pattern[str]]
    adult_child: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    data = load_data("risk.json")
    rules = tuple(
        _Rule(
            RiskFlag(rule["label"]),
            rule["name"],
            compile_all([rule["pattern"]], {}),
            re.compile(rule["requires"]) if rule.get("requires") else None,
            re.compile(rule["gate"]) if rule.get("gate") else None,
        )
        for rule in data["rules"]
    )
    return _Compiled(
        rules=rules,
        negation=re.compile(data["negations"]),
        sentence_negations={
            RiskFlag(k): compile_all([v], {}) for k, v in data["sentence_negations"].items()
        },
        adult_child=compile_all([data["child_adult_age"]], {}),
    )


def find_risk_flags(text: str) -> list[Finding]:
    """Every risk or vulnerability sign in ``text``, labelled with its :class:`RiskFlag` value."""
    compiled = _compiled()
    result: list[Finding] = []
    for sentence in sentences(text):
        canon = sentence.canon
        for rule in compiled.rules:
            negated_here = compiled.sentence_negations.get(rule.label)
            if negated_here is not None and negated_here.search(canon):
                continue
            if rule.gate is not None and not rule.gate.search(canon):
                continue
            if rule.requires is not None and not rule.requires.search(canon):
                continue
            for match in rule.pattern.finditer(canon):
                if compiled.negation.search(canon[: match.start()][-40:]):
                    continue
                if rule.label is RiskFlag.VULNERABLE_ADULT and _CHILD_SUBJECT.search(
                    canon[max(0, match.start() - 8) : match.start()] + match.group(0)[:20]
                ):
                    continue  # "my son has autism": a child's condition, not a vulnerable adult
                culprits = match.group(0).startswith("the ") and _CULPRIT_CHILD.search(
                    canon[match.end() :]
                )
                if rule.label is RiskFlag.CHILD_AT_RISK and (
                    culprits or compiled.adult_child.search(canon[match.end() : match.end() + 30])
                ):
                    continue
                start, end = sentence.original_span(match.start(), match.end())
                result.append(Finding(rule.label.value, start, end, f"risk: {rule.name}"))
    return result


def risk_flags(text: str) -> set[RiskFlag]:
    """The flags :func:`find_risk_flags` finds in ``text``."""
    return {RiskFlag(f.label) for f in find_risk_flags(text)}


@Language.factory("trigger_risk", assigns=["doc.spans"])
def make_risk_component(nlp: Language, name: str) -> RiskComponent:
    """spaCy factory: risk flags into ``doc.spans["risk"]``."""
    return RiskComponent()


class RiskComponent:
    """Writes :func:`find_risk_flags` findings for the doc's text to ``doc.spans[KEY]``."""

    def __call__(self, doc: Doc) -> Doc:
        set_findings(doc, KEY, find_risk_flags(doc.text))
        return doc
