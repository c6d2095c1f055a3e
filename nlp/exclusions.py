"""Exclusions (threshold-rules.md, Hart s.9): anonymous, CPS or court decision, service complaint.

``anonymous``, ``cps_decision`` and ``court_decision`` are decided sentence by sentence. A
``service_complaint`` needs the whole document: the request must be *only* about service provision
or staff conduct, not about behaviour that persists. The component therefore also emits cue
findings (``service``, ``behaviour_stopped``, ``persisting``) and :func:`decide_exclusions` weighs
them with whether the draft has current incidents. Patterns: ``nlp/patterns/exclusions.json``.

A CPS or court rule is ``deniable``: clauses in which the writer says that is *not* what they want
("I'm not asking you to look at the CPS decision", "I'm not unhappy with the court, it was the
right decision") are blanked out before the rule looks for the decision and the request, and a
retraction ("... but that's not why I'm writing", "I'm not asking you to look at that") takes back
its own sentence and the one before. Anonymity is the applicant's, not a neighbour's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from spacy.language import Language

from nlp.clauses import Cut, Segmentation, segment_text
from nlp.findings import Finding
from nlp.lexicon import Sentence, compile_all, load_data, sentences
from nlp.pipeline import TextFindingsComponent
from nlp.prefilter import PatternFilter, grams
from trigger.vocabulary import Exclusion

KEY = "exclusions"


class ExclusionCue(StrEnum):
    """Labels of cue findings that are not exclusions by themselves."""

    SERVICE = "service"
    BEHAVIOUR_STOPPED = "behaviour_stopped"
    PERSISTING = "persisting"


_DENIAL_HINT = re.compile(
    r"review|looking at|consider|decid|"
    r"accept|respect|understand|get|agree|right|fair|correct|happy|satisf"
)
# A writer who acts for someone ("my client", "on her behalf"): "she wants to remain anonymous"
# is then the victim's own wish, not a witness's; a named neighbour or friend still is not.
_ACTING_FOR = re.compile(
    r"\b(?:my|our) (?:client|service user|tenant|patient|constituent)s?\b"
    r"|\bon (?:her|his|their) behalf\b|\b(?:i am|i'm) (?:writing|contacting you|applying) for\b"
)
_PRONOUN_ONLY = re.compile(r"^(?:[,;] |and |but )?(?:she|he|they) ")
_SOMEONE_ELSE = re.compile(
    r"\b(?:neighbou?rs?|friends?|witness(?:es)?|lady|man|woman|someone|somebody|others|"
    r"residents?|people|caller)\b"
)
_NEGATION = re.compile(
    r"(?:don't|do not|dont|doesn't|not|no need to|never|happy not to|won't) (?:[^ ]+ ){0,3}$"
)


@dataclass(frozen=True)
class _Rule:
    label: str
    name: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    also: re.Pattern[str] | None
    negatable: bool
    deniable: bool
    # A decision told in one sentence and judged in one of the next two ("the magistrates gave
    # him a conditional discharge. ... it's a joke"): ``reaction`` words there stand for
    # ``requires`` when the sentence tells an ``outcome``.
    outcome: re.Pattern[str] | None = None
    reaction: re.Pattern[str] | None = None
    # A decision told in one sentence and disputed in one of the next three, by words that point
    # back at it ("... I cannot accept that decision and I would like it reviewed"): these stand
    # for ``also`` when ``also`` finds nothing around the sentence.
    judged_later: re.Pattern[str] | None = None


@cache
def _denials() -> re.Pattern[str]:
    return re.compile(load_data("exclusions.json")["denials"])


def _without_denials(canon: str) -> str:
    """``canon`` with each denial clause ("not asking you to review that") blanked, same length."""
    if "not" not in canon and "n't" not in canon and not _DENIAL_HINT.search(canon):
        return canon
    return _denials().sub(lambda m: " " * len(m.group(0)), canon)


# A retraction this close to its sentence's start opens it ("But that's not why I'm writing").
_OPENING_WORDS = 3


@cache
def _retractions() -> re.Pattern[str]:
    return re.compile(load_data("exclusions.json")["retractions"])


@cache
def _others() -> re.Pattern[str]:
    return re.compile(load_data("exclusions.json")["anonymous_others"])


@cache
def _towards_others() -> re.Pattern[str]:
    return re.compile(load_data("exclusions.json")["anonymous_towards_others"])


@cache
def _rules() -> tuple[_Rule, ...]:
    data = load_data("exclusions.json")
    return tuple(
        _Rule(
            rule["label"],
            rule["name"],
            compile_all([rule["pattern"]], {}),
            compile_all([rule["requires"]], {}) if rule.get("requires") else None,
            compile_all([rule["also"]], {}) if rule.get("also") else None,
            bool(rule.get("negatable")),
            bool(rule.get("deniable")),
            compile_all([rule["outcome"]], {}) if rule.get("outcome") else None,
            compile_all([rule["reaction"]], {}) if rule.get("reaction") else None,
            compile_all([rule["judged_later"]], {}) if rule.get("judged_later") else None,
        )
        for rule in data["rules"]
    )


@cache
def _rule_filter() -> PatternFilter:
    """The prefilter of every rule's pattern (:class:`nlp.prefilter.PatternFilter`)."""
    return PatternFilter(rule.pattern for rule in _rules())


def find_exclusion_cues(text: str, cuts: Segmentation | None = None) -> list[Finding]:
    """Exclusion findings (anonymous, cps_decision, court_decision) and service-complaint cues.

    ``cuts`` are the text's cuts (``doc._.clauses`` in the pipeline); plain text is cut here.
    """
    sents = sentences(text, (cuts or segment_text(text)).bounds(Cut.TEXT_SENTENCE))
    result: list[Finding] = []
    denied = [_without_denials(s.canon) for s in sents]
    # "... but I'm not asking you to look at that": takes back this sentence; and the one before
    # when it opens its sentence ("That's not why I'm writing."), not when it follows this
    # sentence's own news ("He hasn't been back since, but that is not the point").
    found = [_retractions().search(s.canon) for s in sents]
    retracted = [m is not None for m in found]
    opens = [
        m is not None and len(s.canon[: m.start()].split()) <= _OPENING_WORDS
        for s, m in zip(sents, found, strict=True)
    ]
    acting_for = _ACTING_FOR.search(text.lower()) is not None
    for index, sentence in enumerate(sents):
        canon = sentence.canon
        kept = denied[index]
        taken_back = retracted[index] or any(opens[index + 1 : index + 2])
        # the rules whose pattern's needed strings are in the sentence (nlp.prefilter)
        passing = _rule_filter().passing(canon, grams(canon))
        for rule in _rules():
            if rule.deniable and taken_back:
                continue
            if id(rule.pattern) not in passing:
                continue  # no string the pattern needs is in the sentence: no match here
            body = kept if rule.deniable else canon
            judged = False
            if rule.requires is not None and not rule.requires.search(body):
                judged = _judged_next(
                    rule, body, denied[index + 1 : index + 4], denied[index + 1 : index + 6]
                )
                if not judged:
                    continue
            if (
                rule.also is not None
                and not judged
                and not rule.also.search(_around(sents, denied, index, rule.deniable))
                and not _disputed_later(rule, denied[index + 1 : index + 1 + _LATER])
            ):
                continue
            for match in rule.pattern.finditer(canon):
                if rule.negatable and _NEGATION.search(canon[: match.start()]):
                    continue
                other = (
                    _others().search(canon[: match.start()][-50:])
                    if rule.label == Exclusion.ANONYMOUS
                    else None
                )
                theirs = acting_for and not _SOMEONE_ELSE.search(canon[: match.start()][-60:])
                if other and not (theirs and _PRONOUN_ONLY.match(other.group(0))):
                    continue  # "my neighbour wants to stay anonymous": not the applicant
                if rule.label == Exclusion.ANONYMOUS and _towards_others().search(
                    canon[match.end() : match.end() + 60]
                ):
                    continue  # "anonymous as far as the neighbours are concerned": not to agencies
                start, end = sentence.original_span(match.start(), match.end())
                result.append(Finding(rule.label, start, end, f"exclusion: {rule.name}"))
                break
    return result


def _around(sents: list[Sentence], denied: list[str], index: int, deniable: bool) -> str:
    """The sentence at ``index`` with the one before and after (denials blanked when the rule is
    ``deniable``), joined: read only for a rule whose pattern may match (most sentences have
    none, and joining for each cost more than the rules)."""
    if deniable:
        return " ".join(denied[max(0, index - 1) : index + 2])
    return " ".join(s.canon for s in sents[max(0, index - 1) : index + 2])


# How many sentences after a decision's own a dispute of it may come ("I was told the CPS would not
# charge him. I find that extraordinary. He has kept to himself since, but I cannot accept that
# decision"): the one after is already read with the sentence itself.
_LATER = 3


def _disputed_later(rule: _Rule, following: list[str]) -> bool:
    """True when one of the ``following`` sentences (denials blanked) disputes the decision by
    words that point back at it ("that decision", "their ruling"), not the case in general."""
    later = rule.judged_later
    return later is not None and any(later.search(s) for s in following)


def _judged_next(rule: _Rule, body: str, following: list[str], later: list[str]) -> bool:
    """True when ``body`` tells the rule's outcome and one of the ``following`` sentences judges
    it ("He got a conditional discharge. Far too lenient."), or one of the ``later`` ones (a
    longer reach) disputes it by words that point back at it ("I want the verdict looked at")."""
    if rule.outcome is None or rule.reaction is None or not rule.outcome.search(body):
        return False
    reaction, persisting = rule.reaction, _persisting()
    # "The noise started again last week and it's a joke": judges the behaviour, not the court
    if any(reaction.search(s) and not persisting.search(s) for s in following):
        return True
    # "He was found not guilty. ... I don't accept the verdict": disputed by words that point
    # back at the outcome
    return _disputed_later(rule, later)


@cache
def _persisting() -> re.Pattern[str]:
    rule = next(r for r in _rules() if r.label == ExclusionCue.PERSISTING)
    return rule.pattern


def decide_exclusions(findings: Iterable[Finding], has_current_incidents: bool) -> set[Exclusion]:
    """The exclusions that hold, given the cue findings and whether the text reports current ASB.

    ``service_complaint`` holds only when the text complains about service or staff conduct and
    the behaviour is not persisting: the text says it stopped, or it neither reports current
    incidents nor says the behaviour goes on ("a rude officer and persisting ASB is not a service
    complaint", threshold-rules.md).
    """
    findings = list(findings)
    labels = {f.label for f in findings}
    decided = {Exclusion(label) for label in labels if label in Exclusion.__members__.values()}
    if ExclusionCue.SERVICE in labels:
        stopped_at = [f.start for f in findings if f.label == ExclusionCue.BEHAVIOUR_STOPPED]
        stopped = bool(stopped_at)
        # "I rang every week ... they moved out in July and it's been quiet since": what went on
        # before the account says it stopped is history, not persisting behaviour.
        persisting = any(
            f.label == ExclusionCue.PERSISTING and not (stopped_at and f.start < max(stopped_at))
            for f in findings
        )
        if (stopped and not persisting) or (not has_current_incidents and not persisting):
            decided.add(Exclusion.SERVICE_COMPLAINT)
    return decided


def find_exclusions(text: str, *, persisting_behaviour: bool | None = None) -> list[Finding]:
    """The exclusions that hold for ``text``, each with the words that raised it.

    ``persisting_behaviour`` says whether the caller knows the text reports current incidents; when
    None the text's own cues decide (persisting words such as "still going on", "every weekend").
    """
    cues = find_exclusion_cues(text)
    current = persisting_behaviour
    if current is None:
        current = any(f.label == ExclusionCue.PERSISTING for f in cues)
    decided = decide_exclusions(cues, current)
    result = [f for f in cues if f.label in decided]
    if Exclusion.SERVICE_COMPLAINT in decided:
        result += [
            Finding(Exclusion.SERVICE_COMPLAINT.value, f.start, f.end, f.explanation)
            for f in cues
            if f.label == ExclusionCue.SERVICE
        ]
    return result


@Language.factory("trigger_exclusions", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_exclusions_component(nlp: Language, name: str) -> TextFindingsComponent:
    """spaCy factory: exclusions and service-complaint cues into ``doc.spans["exclusions"]``."""
    return TextFindingsComponent(KEY, find_exclusion_cues)


# A chat answer that agrees ("yes", "yeah that's it") with the bot's question whether a CPS or
# court decision is what the writer wants looked at again ("Is it the CPS decision you would like
# reviewed?"): the writer's own request, told by the answer.
_AGREES = re.compile(
    r"^\W*(?:yes|yeah|yea|yep|yup|yh|correct|exactly|absolutely|that's right|thats right|"
    r"that's it|thats it|please)\b(?! but\b)"
)
_REVIEW_ASKED = re.compile(
    r"\b(?:review\w*|look(?:ed|ing)? at again|look(?:ed|ing)? again|reconsider\w*|challeng\w*|"
    r"appeal\w*|overturn\w*)\b"
)
_DECISION_WORD = re.compile(r"\b(?:decision|ruling|verdict|sentence|outcome)\b")


def answered_exclusions(answer: str, prompt: str) -> list[Finding]:
    """The CPS or court decision exclusion a chat ``answer`` agrees to when the bot's ``prompt``
    asked whether that decision is what the writer wants reviewed; else none."""
    asked = prompt.lower()
    if "?" not in asked or not _AGREES.match(answer.lower()):
        return []
    if not (_DECISION_WORD.search(asked) and _REVIEW_ASKED.search(asked)):
        return []
    for rule in _rules():
        if rule.label in (Exclusion.CPS_DECISION, Exclusion.COURT_DECISION) and rule.pattern.search(
            asked
        ):
            name = f"exclusion: {rule.name} (agreed to the question)"
            return [Finding(rule.label, 0, len(answer.rstrip()), name)]
    return []
