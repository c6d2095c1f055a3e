"""Risk flags: danger now, self-harm, threats and weapons, vulnerable adults, children at risk.

Each rule in ``nlp/patterns/risk.json`` is a label, a regex over the canonical sentence, and an
optional ``requires`` regex for the context words that must share the sentence (a weapon word
needs "with/waving/had ..."; a child needs "scared/terrified/hurt ..."). A negation just before the
match ("no weapons", "never threatened") cancels it; a label's sentence negation ("not in danger
now", "nobody has been threatened") cancels the matches in its own clause, not those after a "but".
So does a rule's ``unless`` regex (a hammer used only on a window is not a threat
to a person). When a pattern names its ``core`` group, the negation is looked for just before the
core ("I'm angry, not depressed"). The culprits' own children or conditions are not the victim's: a
condition whose subject is a neighbour, a culprit or someone outside the household, or a child, is
no vulnerable adult. A child may be named in one sentence and frightened in the next ("... in front
of my son. He was shaking."); an unborn baby in a pregnancy account is not a child at risk. A
threat the writer says they made ("I told him I'd ...") is not a threat to them, and self-harm told
of a neighbour is not the household's. A child the writer names ("my son Alfie (11)") is read as
"my son" is. Age alone makes a vulnerable adult from 80; from 75 only beside a condition or
living alone (the contract lists frailty, not age).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.clauses import Cut, Segmentation, segment_text, segmentation, unwrapped_bounds
from nlp.findings import Finding
from nlp.lexicon import Sentence, compile_all, load_data, sentences
from nlp.pipeline import TextFindingsComponent, doc_text, set_findings
from nlp.prefilter import PatternFilter, grams
from nlp.risk_children import (
    HouseholdChildren,
    household_children,
    pronoun_states,
    someone_else_between,
)
from nlp.risk_whose import a_neighbours, victims_household
from trigger.vocabulary import RiskFlag

KEY = "risk"
# A child described by where the culprits live is one of the culprits ("the kids from number 12").
_CULPRIT_CHILD = re.compile(
    r"^ (?:from|on|at|in(?! (?:the|my|our|her|his|their) (?:property|home|household)\b)"
    r"|across|over|opposite|next door|who live|round|around|of the|of number"
    r"|upstairs|downstairs|outside)\b"
)
# A child just named as the one a harm was done to ("clipped a nine year old girl who was ...").
_HARMED_BEFORE = re.compile(
    r"\b(?:clipped|hit|struck|knocked (?:over|down|into)|knocked|ran over|run over|ran into"
    r"|pushed|punched|kicked|attacked|assaulted|bit|grabbed|chased|threatened|spat at|spat on"
    r"|went for|goes for|lunged at|mauled|jumped up at"
    r"|shouted at|screamed at|swore at|threw [^ ]+ at|thrown at|pelted|hurt|injured) $"
)
_AGE_NUMBER = re.compile(r"\b(?:1[89]|[2-9]\d)\b")
# A named child's state follows the name ("Poppy is too frightened to sleep"); the names are
# nlp.risk_children's.
_NAMED_CHILD_FILLER = (
    r"(?:'s| is| was| were| has been| had been| got| gets| is now| now| still| so| too| really"
    r"| very| absolutely| left| all| completely| quite| visibly| genuinely)*"
)
_ON_A_THING = re.compile(
    r" (?:in |at |down |over )?(?:the|a|an|his|her|my|our|their|its|next door's) (?:[^ ]+ )?"
    r"(?:door|doors|car|cars|window|windows|fence|gate|bins?|wall|van|tyres?|shed|windscreen"
    r"|letterbox|trellis|panel|porch|wing mirror|mirror|bike|garage|plants|pots)\b"
)
# Signs that a long-past, settled account no longer carries (a condition still may).
_SETTLED_LABELS = frozenset(
    {
        RiskFlag.IMMEDIATE_DANGER,
        RiskFlag.THREAT_OF_VIOLENCE,
        RiskFlag.SELF_HARM,
        RiskFlag.CHILD_AT_RISK,
    }
)


@dataclass(frozen=True)
class _Rule:
    label: RiskFlag
    name: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    gate: re.Pattern[str] | None  # words without which the pattern cannot match (speed)
    unless: re.Pattern[str] | None  # a sentence this matches cancels the rule
    writer_may_speak: bool  # "I told him I'd ...": the writer's own words are not a threat to them
    denied_anywhere: re.Pattern[str] | None  # a denial in any sentence cancels it ("not frail")


@dataclass(frozen=True)
class _Compiled:
    rules: tuple[_Rule, ...]
    negation: re.Pattern[str]
    sentence_negations: dict[RiskFlag, re.Pattern[str]]
    adult_child: re.Pattern[str]
    child_continuation: re.Pattern[str]
    child_states: re.Pattern[str]
    pregnancy: re.Pattern[str]
    unborn_child: re.Pattern[str]
    third_party: re.Pattern[str]
    household: re.Pattern[str]
    child_person: re.Pattern[str]
    child_removal: re.Pattern[str]
    victim_speaker: re.Pattern[str]
    writer_threat_start: re.Pattern[str]
    child_culprit_action: re.Pattern[str]
    resolved_past: re.Pattern[str]
    grown_child: re.Pattern[str]


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
            re.compile(rule["unless"]) if rule.get("unless") else None,
            bool(rule.get("writer_may_speak")),
            re.compile(rule["denied_anywhere"]) if rule.get("denied_anywhere") else None,
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
        child_continuation=re.compile(data["child_continuation"]),
        child_states=compile_all([data["child_states"]], {}),
        pregnancy=compile_all([data["pregnancy"]], {}),
        unborn_child=re.compile(data["unborn_child"]),
        third_party=re.compile(data["third_party"]),
        household=re.compile(data["household"]),
        child_person=re.compile(data["child_person"]),
        child_removal=re.compile(data["child_removal"]),
        victim_speaker=re.compile(data["victim_speaker"]),
        writer_threat_start=re.compile(data["writer_threat_start"]),
        child_culprit_action=re.compile(data["child_culprit_action"]),
        resolved_past=re.compile(data["resolved_past"]),
        grown_child=re.compile(data["grown_child"]),
    )


@cache
def _rule_filter() -> PatternFilter:
    """The prefilter of every rule's gate and pattern (:class:`nlp.prefilter.PatternFilter`)."""
    rules = _compiled().rules
    return PatternFilter([r.gate for r in rules if r.gate is not None] + [r.pattern for r in rules])


def find_risk_flags(
    text: str, cuts: Segmentation | None = None, labels: frozenset[RiskFlag] | None = None
) -> list[Finding]:
    """Every risk or vulnerability sign in ``text``, labelled with its :class:`RiskFlag` value.

    ``cuts`` are the text's cuts (``doc._.clauses`` in the pipeline); plain text is cut here.
    ``labels``, when given, are the only flags looked for (each rule is read on its own, so the
    signs of those labels are the same as in the whole result).
    """
    compiled = _compiled()
    rules = (
        compiled.rules
        if labels is None
        else tuple(rule for rule in compiled.rules if rule.label in labels)
    )
    pregnancy = compiled.pregnancy.search(text.lower()) is not None
    cuts = cuts or segment_text(text)
    sents = sentences(text, unwrapped_bounds(text, cuts.bounds(Cut.TEXT_SENTENCE)))
    # "my son's in with me, he's 24" makes "they spat at my son" later an adult's account
    grown = frozenset(
        m.group("kin")
        for s in sents
        if _AGE_NUMBER.search(s.canon)
        for m in compiled.grown_child.finditer(s.canon)
    )
    denied: dict[str, bool] = {}  # per rule name: whether its denial is anywhere in the text
    result: list[Finding] = []
    for index, sentence in enumerate(sents):
        canon = sentence.canon
        previous = sents[index - 1].canon if index else ""
        following = tuple(s.canon for s in sents[index + 1 : index + 3])
        settled = compiled.resolved_past.search(canon) is not None
        contrasts: list[int] | None = None  # the sentence's "but" cuts, when first needed
        # the gates and patterns whose needed strings are in the sentence (nlp.prefilter)
        passing = _rule_filter().passing(canon, grams(canon))
        for rule in rules:
            if id(rule.pattern) not in passing:
                continue  # no string the rule's pattern needs (nlp.prefilter): no match here
            if rule.gate is not None and not (id(rule.gate) in passing and rule.gate.search(canon)):
                continue
            if rule.denied_anywhere is not None and _denied_in(rule, sents, denied):
                continue  # "I am 81 ... I'm not disabled or poorly, I get about fine"

            if settled and rule.label in _SETTLED_LABELS:
                continue  # "he threatened me years ago but that was sorted in court"
            negated_here = compiled.sentence_negations.get(rule.label)
            denials: list[tuple[int, int]] = []
            if negated_here is not None:
                # a child denial keeps its own "but" ("my son wasn't there, but he is scared now")
                whole = rule.label is RiskFlag.CHILD_AT_RISK
                if not whole and contrasts is None:
                    contrasts = cuts.contrast_bounds(sentence)
                denials = (
                    [(0, len(canon))]
                    if whole
                    else _denied_clauses(canon, negated_here, contrasts or [])
                )
                if whole and not negated_here.search(canon):
                    denials = []
                if denials == [(0, len(canon))]:
                    continue
            if rule.label is RiskFlag.CHILD_AT_RISK and rule.requires is not None:
                if rule.unless is None or not rule.unless.search(canon):
                    result += _children(compiled, rule, sentence, following, pregnancy, grown)
                continue
            if rule.requires is not None and not rule.requires.search(canon):
                continue
            if rule.unless is not None and rule.unless.search(canon):
                continue
            taken = 0  # where the last accepted match ended
            for match in _matches(rule, canon):
                if match.start() < taken or _inside(denials, match.start()):
                    continue
                if _negated(compiled, canon, _core_start(rule, match)):
                    continue
                if rule.writer_may_speak and _the_writers_own_words(compiled, canon, match):
                    continue
                if rule.label is RiskFlag.SELF_HARM and a_neighbours(
                    compiled, canon, previous, match
                ):
                    continue
                if rule.label is RiskFlag.VULNERABLE_ADULT and not victims_household(
                    compiled, canon, previous, match, sents[: max(0, index - 1)], grown
                ):
                    continue
                if rule.label is RiskFlag.CHILD_AT_RISK and not _a_child(
                    compiled, canon, match, pregnancy, grown
                ):
                    continue
                start, end = sentence.original_span(match.start(), match.end())
                result.append(Finding(rule.label.value, start, end, f"risk: {rule.name}"))
                taken = match.end()
    if labels is None or RiskFlag.CHILD_AT_RISK in labels:
        result += _named_children(compiled, text, sents, grown, pregnancy)
    return result


def _pronoun_children(
    compiled: _Compiled,
    sents: list[Sentence],
    children: HouseholdChildren,
    grown: frozenset[str],
) -> list[Finding]:
    """A household child frightened or hurt as "he"/"she" sentences after it was named."""
    denial = compiled.sentence_negations.get(RiskFlag.CHILD_AT_RISK)
    out: list[Finding] = []
    for index, start, end in pronoun_states(sents, children, compiled.child_states, grown):
        sentence = sents[index]
        if (denial is not None and denial.search(sentence.canon)) or _negated(
            compiled, sentence.canon, start
        ):
            continue
        first, last = sentence.original_span(start, end)
        out.append(
            Finding(RiskFlag.CHILD_AT_RISK.value, first, last, "risk: a child told of as he/she")
        )
    return out


def _matches(rule: _Rule, canon: str) -> list[re.Match[str]]:
    """The rule's matches in ``canon``; for a condition, also the later ones a rejected match hid.

    A condition's subject may stand several words before it, so the leftmost match can take a
    culprit as its subject ("he has threatened to stab my husband, who has dementia") and hide the
    household one inside it: each match of a vulnerable-adult rule is followed by the next match
    starting one character later, and the caller skips those that overlap one it accepted.
    """
    if rule.label is not RiskFlag.VULNERABLE_ADULT:
        return list(rule.pattern.finditer(canon))
    found: list[re.Match[str]] = []
    match = rule.pattern.search(canon)
    while match is not None:
        found.append(match)
        match = rule.pattern.search(canon, match.start() + 1)
    return found


def _named_children(
    compiled: _Compiled,
    text: str,
    sents: list[Sentence],
    grown: frozenset[str],
    pregnancy: bool = False,
) -> list[Finding]:
    """A child named by the writer ("our daughter Poppy", "mum of Alfie, he's 9") told frightened
    or hurt by name, or named where the sentence tells harm or fear as "my son" would ("they pushed
    Alfie off his bike", "Poppy's teacher says how anxious she has become"), or in the two
    sentences after, or as "he"/"she" later (:mod:`nlp.risk_children`)."""
    children = household_children(text, [s.canon for s in sents], grown)
    out = _pronoun_children(compiled, sents, children, grown)
    names = set(children.names)
    if not names:
        return out
    alternation = "|".join(map(re.escape, sorted(names)))
    named = re.compile(r"\b(?:" + alternation + r")" + _NAMED_CHILD_FILLER + " ")
    # the child rule read with the name where it reads "my son" (its context words, its guards)
    harmed = next(
        (r for r in compiled.rules if r.label is RiskFlag.CHILD_AT_RISK and r.requires), None
    )
    by_name = (
        _Rule(
            RiskFlag.CHILD_AT_RISK,
            "a named child harmed or frightened",
            re.compile(r"\b(?:" + alternation + r")\b"),
            harmed.requires,
            None,
            harmed.unless,
            False,
            None,
        )
        if harmed is not None
        else None
    )
    denial = compiled.sentence_negations.get(RiskFlag.CHILD_AT_RISK)
    for index, sentence in enumerate(sents):
        canon = sentence.canon
        if denial is not None and denial.search(canon):
            continue
        found = False
        for match in named.finditer(canon):
            state = compiled.child_states.match(canon, match.end())
            if state is None or _negated(compiled, canon, match.end()):
                continue
            start, end = sentence.original_span(match.start(), state.end())
            out.append(
                Finding(RiskFlag.CHILD_AT_RISK.value, start, end, "risk: a named child frightened")
            )
            found = True
        if found or by_name is None or not by_name.pattern.search(canon):
            continue
        if by_name.unless is not None and by_name.unless.search(canon):
            continue
        following = tuple(s.canon for s in sents[index + 1 : index + 3])
        out += _children(compiled, by_name, sentence, following, pregnancy, grown, named=True)
    return out


def _denied_in(rule: _Rule, sents: list[Sentence], memo: dict[str, bool]) -> bool:
    """Whether ``rule.denied_anywhere`` matches any sentence of the text (once per text)."""
    if rule.name not in memo:
        denial = rule.denied_anywhere
        memo[rule.name] = denial is not None and any(denial.search(s.canon) for s in sents)
    return memo[rule.name]


def _denied_clauses(
    canon: str, denial: re.Pattern[str], contrasts: list[int]
) -> list[tuple[int, int]]:
    """The ``contrast`` clauses of ``canon`` (cut at "but", "though", ";": ``contrasts`` are where
    they start) in which ``denial`` matches: "he never threatened me" denies its clause, not "but
    last night he came at me with a knife".
    """
    if not denial.search(canon):
        return []
    bounds = [0, *contrasts, len(canon)]
    if len(bounds) == 2:
        return [(0, len(canon))]
    return [
        (start, end)
        for start, end in zip(bounds, bounds[1:], strict=False)
        if denial.search(canon[start:end])
    ]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans``."""
    return any(start <= position < end for start, end in spans)


def _core_start(rule: _Rule, match: re.Match[str]) -> int:
    """Where the sign itself starts: the first ``core…`` group that took part, else the match."""
    cores = [
        match.start(name)
        for name in rule.pattern.groupindex
        if name.startswith("core") and match.start(name) >= 0
    ]
    return min(cores, default=match.start())


def _negated(compiled: _Compiled, canon: str, position: int) -> bool:
    """Whether a negation ("no", "never", "not") stands just before ``position``."""
    return compiled.negation.search(canon[:position][-40:]) is not None


def _the_writers_own_words(compiled: _Compiled, canon: str, match: re.Match[str]) -> bool:
    """Whether the threat is one the writer says *they* made ("I told him I'd ..."): the clause
    is theirs ("I"/"we") and nobody else ("he", "they", "was told") speaks in it before the
    match."""
    return compiled.writer_threat_start.search(match.group(0)) is not None and (
        compiled.victim_speaker.search(canon[: match.start()][-50:]) is not None
    )


def _a_child(
    compiled: _Compiled,
    canon: str,
    match: re.Match[str],
    pregnancy: bool,
    grown: frozenset[str] = frozenset(),
    named: bool = False,
) -> bool:
    """Whether a child mention is the household's child (not a culprit, an adult or unborn).

    ``grown`` are the kin words ("son") the text elsewhere gives an adult age; ``named``: the
    mention is a child the writer named as theirs, whom a place after it ("Leo at the bus stop")
    does not make one of the culprits.
    """
    words = match.group(0)
    if words.startswith(("my ", "our ")) and words.rsplit(" ", 1)[-1] in grown:
        return False
    after = canon[match.end() :]
    culprits = (
        not words.startswith(("my ", "our "))
        and not _HARMED_BEFORE.search(canon, max(0, match.start() - 40), match.start())
        and (
            (not named and _CULPRIT_CHILD.search(after) is not None)
            or compiled.child_culprit_action.search(after) is not None
        )
    )  # "the kids from number 12", "the boys kicked my door": culprits, not children at risk;
    # "the bike clipped a nine year old girl who was playing": the one harmed is no culprit
    if culprits or compiled.adult_child.search(
        canon[max(0, match.start() - 10) : match.end() + 30]
    ):
        return False
    if compiled.child_removal.search(canon[match.end() :]):
        return False  # "my baby will be taken off me": a threat of removal, not of harm
    return not (pregnancy and compiled.unborn_child.search(words))


def _children(
    compiled: _Compiled,
    rule: _Rule,
    sentence: Sentence,
    following: tuple[str, ...],
    pregnancy: bool,
    grown: frozenset[str] = frozenset(),
    named: bool = False,
) -> list[Finding]:
    """Child mentions frightened or harmed in their own sentence or, as he/she, in the next two
    (``named``: the mentions are children the writer named, see :func:`_a_child`)."""
    canon = sentence.canon
    # "I'm not frightened of him, and my daughter didn't understand": a denied state harms nobody
    # "kicked the door of my car" hits a thing, not the child
    here = rule.requires is not None and any(
        not _negated(compiled, canon, m.start())
        and not (" " not in m.group(0) and _ON_A_THING.match(canon, m.end()))
        and not _someone_elses_state(canon, m.start())
        for m in rule.requires.finditer(canon)
    )
    later = (
        not here
        and any(
            compiled.child_continuation.search(after) is not None
            and any(
                not _negated(compiled, after, m.start())
                for m in compiled.child_states.finditer(after)
            )
            # "My son is 9. My husband went out. He was shaking": a man named between is the "he"
            and not someone_else_between(" ".join(following[:k]), after)
            for k, after in enumerate(following)
        )
    )
    if not (here or later):
        return []
    result: list[Finding] = []
    for match in rule.pattern.finditer(canon):
        if _negated(compiled, canon, match.start()) or not _a_child(
            compiled, canon, match, pregnancy, grown, named
        ):
            continue
        start, end = sentence.original_span(match.start(), match.end())
        result.append(Finding(rule.label.value, start, end, f"risk: {rule.name}"))
    return result


# Whose state: "found her in tears" beside "my son", "mum was in tears" beside "my kids".
_STATE_OWNER = re.compile(
    r"\b(?:(?P<she>her|she|she's|shes)|(?P<he>him|he|he's|hes)|(?P<writer>i|i'm|im)"
    r"|(?:my |our )?(?:mum|mam|mother"
    r"|dad|father|nan|gran|grandad|wife|husband|partner))(?: (?:was|is|were|got|been|had been"
    r"|left|ended up|now|all|so|really|very|completely|quite|too|am|are|felt|feel))* $"
)
# The writer's own state said for or about someone ("I was terrified for my kids").
_FOR_SOMEONE = re.compile(r"[^ ]*(?: [^ ]+){0,2}? (?:for|about) ")
_BOYS = re.compile(r"\b(?:sons?|boys?|lads?|grandsons?|stepsons?|nephews?)\b")
_GIRLS = re.compile(r"\b(?:daughters?|girls?|granddaughters?|stepdaughters?|nieces?)\b")
_OTHER_CHILDREN = re.compile(r"\b(?:kids|children|child|little ones?|baby|babies|toddler|twins)\b")


def _someone_elses_state(canon: str, at: int) -> bool:
    """Whether the state at ``at`` is said of an adult (the writer too, unless for or about
    someone: "I was terrified for my kids"), or of a "she" beside only boys ("I drove my son to
    football ... found her in tears") or a "he" beside only girls."""
    owner = _STATE_OWNER.search(canon[max(0, at - 30) : at])
    if owner is None:
        return False
    if owner.group("writer"):  # "I was too shaken to ... after my son persuaded me"
        return _FOR_SOMEONE.match(canon, at) is None
    if not (owner.group("she") or owner.group("he")):
        return True
    boys, girls = bool(_BOYS.search(canon)), bool(_GIRLS.search(canon))
    if _OTHER_CHILDREN.search(canon) or boys == girls:
        return False
    return bool(owner.group("she")) == boys


def risk_flags(text: str) -> set[RiskFlag]:
    """The flags :func:`find_risk_flags` finds in ``text``."""
    return {RiskFlag(f.label) for f in find_risk_flags(text)}


def risk_flags_of_messages(messages: Sequence[str]) -> set[RiskFlag]:
    """The flags of a chat read as one account: the user's messages joined by line breaks (as the
    contract joins them for evidence), so a child named in one message and crying in the next, or
    an age in one and frailty denied in another, are read together. A blank line joins them: a
    short message is never read as a hard-wrapped mail line of the next one's sentence."""
    return risk_flags("\n\n".join(messages))


# ``doc.user_data`` key: the only labels the component looks for in that doc (a chat of several
# messages is read for its flags as one text; each message needs only its danger-now signs, which
# the incident assembler reads).
ONLY_LABELS = "trigger_risk_labels"


class RiskComponent(TextFindingsComponent):
    """Risk flags into ``doc.spans["risk"]``, limited to ``doc.user_data[ONLY_LABELS]`` if set."""

    def __call__(self, doc: Doc) -> Doc:
        labels: frozenset[RiskFlag] | None = doc.user_data.get(ONLY_LABELS)
        if labels is None:
            return super().__call__(doc)
        found = find_risk_flags(doc_text(doc), segmentation(doc), labels)
        set_findings(doc, self.key, found)
        return doc


@Language.factory("trigger_risk", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_risk_component(nlp: Language, name: str) -> RiskComponent:
    """spaCy factory: risk flags into ``doc.spans["risk"]``."""
    return RiskComponent(KEY, find_risk_flags)
