"""The hate rules compiled from data: strands' vocabularies, templates and phrases as regexes.

``nlp/patterns/hate.json``, ``hate_families.json``, ``slurs.json`` and ``negation.json`` (with the
deeds of :mod:`nlp.hate_deeds`) become one :class:`Compiled` per process: the slur lexicon, the
strand x template rules grouped by their gate, and the disclaimers, counter-speech and context
patterns :mod:`nlp.hate` and :mod:`nlp.hate_candidates` read. Rules are compiled lazily (on a
sentence that passes their gate and anchor) because the few hundred of them would otherwise take
most of a second at start-up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from nlp.hate_context import Context, context
from nlp.hate_deeds import deeds
from nlp.lexicon import ObfuscationLexicon, alternation, compile_all, load_data, source_all
from nlp.lexicon import vocabulary as words_of
from nlp.prefilter import SourceFilter, may_match_source
from trigger.vocabulary import HateStrand

# Rules built on a group noun: the culprit guard and counter-speech check apply to them.
_GROUP_RULES = frozenset(
    "group_predicate question_group group_not_positive group_verb hate_verb_group"
    " action_group no_group_here too_many modifier_group just_group_after_all"
    " pronoun_reference what_happens_when nobody_wants_yours damn_yours group_out like_you"
    " only_us".split()
)


@dataclass(frozen=True)
class Rule:
    strand: HateStrand
    name: str
    # The regex's source, compiled when a sentence first passes the rule's gate and anchor (the
    # few hundred strand x template rules would otherwise take most of a second at start-up).
    source: str
    # The strand's vocabulary: a sentence without any of it cannot match the rule.
    gate: frozenset[str] | None = None
    # The words count only where the account names the strand somewhere ("it's a man!" shouted
    # at someone who says they are trans; "your baby will be taken off you" to a mother-to-be).
    needs_context: bool = False
    # ... even when the words are said at the victim ("context": "always" in the data: "stop
    # flouncing about" said to anyone is no strand until the account says the victim is trans).
    context_always: bool = False
    # Words one of which the sentence must hold before the pattern is tried (a cheap prefilter).
    anchor: frozenset[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex (compiled once, on first use)."""
        return _regex(self.source)

    def may_match(self, canon: str, canon_grams: frozenset[str] | None = None) -> bool:
        """False when ``canon`` (runs of three: ``canon_grams``) lacks what a match needs."""
        return may_match_source(self.source, canon, canon_grams)


@cache
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source)


@dataclass(frozen=True)
class Compiled:
    lexicon: ObfuscationLexicon
    slurs: re.Pattern[str]
    slur_strand: dict[str, HateStrand]
    # "coffin-dodger", "coffindodger": the other spellings of a term of two words, to the term
    slur_alias: dict[str, str]
    ambiguous: frozenset[str]
    censored: re.Pattern[str]
    censored_strand: dict[str, HateStrand]
    # "n******", "p***": a slur spelt with its first letter and stars, to its strand
    masked: dict[str, HateStrand]
    # Rules grouped by their gate, so each gate is tried once per sentence.
    rules: tuple[tuple[frozenset[str] | None, tuple[Rule, ...]], ...]
    abuse: re.Pattern[str]
    abuse_words: frozenset[str]
    slur_forms: frozenset[str]
    motivation_context: frozenset[str]
    victim_directed: re.Pattern[str]
    counter_speech: re.Pattern[str]
    indiscriminate: re.Pattern[str]
    generic_disclaimer: re.Pattern[str]
    strand_disclaimers: dict[HateStrand, re.Pattern[str]]
    hypothetical: re.Pattern[str]
    reversal: re.Pattern[str]
    self_denial: re.Pattern[str]
    reclaimed: re.Pattern[str]
    adjective_strand: dict[str, HateStrand]
    context: Context
    group_rules: frozenset[str]
    plain_slurs: frozenset[str]
    strand_gate: dict[HateStrand, re.Pattern[str]]
    motivation_terms: dict[HateStrand, re.Pattern[str]]


@cache
def compiled() -> Compiled:
    hate = load_data("hate.json")
    families = load_data("hate_families.json")
    anchors = {name: words_of(words) for name, words in families["anchors"].items()}
    slurs = load_data("slurs.json")
    negation = load_data("negation.json")
    identity: dict[str, dict[str, list[str]]] = hate["identity"]
    slur_strand = {term.lower(): HateStrand(strand) for term, strand in slurs["terms"].items()}
    words: set[str] = (
        set(slur_strand)
        | set(slurs["insults"])
        | set(hate["insult_nouns"])
        | set(hate["hostile_predicates"])
    )
    words |= set(hate["hate_verbs"]) | set(hate["modifiers"])
    for entry in identity.values():
        words |= set(entry["adjectives"]) | set(entry["groups"])
        # single words that name the strand ("t*rb*n", "J*hovah"), long enough not to collide
        words |= {w for w in entry["motivation"] if " " not in w and len(w) >= 5}
    words |= set(hate["obfuscated_words"])  # "f*ck your m*sque", "pr*gnant"
    # the words of multi-word slurs ("b*tty boys")
    words |= {w for term in slur_strand if " " in term for w in term.split() if len(w) >= 5}
    fuzzy = {t for t in slur_strand if len(t) >= 5} | {v for v in hate["hate_verbs"] if len(v) >= 4}
    fuzzy |= {p for p in hate["hostile_predicates"] if len(p) >= 6}
    # every "-ing" word the patterns read, so that "shoutin" is read as "shouting"
    ing_words = set(re.findall(r"[a-z]+ing\b", json.dumps([hate, families])))
    lexicon = ObfuscationLexicon(
        (w for w in words if len(w) >= 3),
        fuzzy,
        slurs["slip_stoplist"],
        spoken=hate["text_speak"],
        ing_words=ing_words,
    )

    common = {
        "HOSTILE_PRED": alternation(hate["hostile_predicates"]),
        "POS_PRED": alternation(hate["positive_predicates"]),
        "GROUP_PRED": alternation(hate["hostile_group_predicates"]),
        "SHOULD_PRED": alternation(hate["should_predicates"]),
        "LIKE_PRED": alternation(hate["like_you_predicates"]),
        "HATE_VERB": alternation(hate["hate_verbs"]),
        "ACTION": alternation(hate["hostile_actions"]),
        "DET": alternation(hate["determiners"]),
        "MOD": alternation(hate["modifiers"]),
        "INSULT": alternation(hate["insult_nouns"]),
        "SUBJ": alternation(hate["subjects"]),
    }
    rules: list[Rule] = []
    disclaimers: dict[HateStrand, re.Pattern[str]] = {}
    gates: dict[HateStrand, re.Pattern[str]] = {}
    for strand_name, entry in identity.items():
        strand = HateStrand(strand_name)
        never = r"(?!x)x"  # an alternation for an empty list that never matches
        macros = dict(common)
        macros["GROUP"] = (
            _group_expression(entry["groups"], entry["adjectives"])
            if entry["groups"] or entry["adjectives"]
            else never
        )
        macros["ADJ"] = alternation(entry["adjectives"]) if entry["adjectives"] else never
        macros["SING"] = _singular_expression(entry["groups"], entry["adjectives"])
        macros["MOT"] = alternation(entry["motivation"]) if entry["motivation"] else never
        macros["LABEL"] = alternation(entry["labels"]) if entry["labels"] else never
        singular = [g[:-1] for g in entry["groups"] if " " not in g and g.endswith("s")]
        vocabulary = entry["groups"] + entry["adjectives"] + entry["motivation"] + entry["labels"]
        gate = compile_all([alternation(vocabulary + singular)], {})
        gates[strand] = gate
        gate_words = words_of(vocabulary + singular)
        templates = {**hate["templates"], **families["templates"], **deeds().templates}
        for name, template in templates.items():
            if (
                "{ADJ}" in template
                and not entry["adjectives"]
                and "{GROUP}" not in template
                and "{MOT}" not in template
            ):
                continue
            anchor = anchors.get(name)
            rules.append(
                Rule(strand, name, source_all([template], macros), gate_words, anchor=anchor)
            )
        disclaimers[strand] = compile_all(negation["strand_disclaimers"], macros)
    for phrase in hate["phrases"] + families["phrases"] + deeds().phrases:
        rules.append(
            Rule(
                HateStrand(phrase["strand"]),
                "phrase:" + phrase["name"],
                source_all([phrase["pattern"]], common),
                needs_context=bool(phrase.get("context", False)),
                context_always=phrase.get("context") == "always",
                anchor=anchors.get(phrase["name"]),
            )
        )

    aliases = _slur_aliases(slur_strand)
    terms_alt = alternation([*slur_strand, *aliases])
    return Compiled(
        lexicon=lexicon,
        slurs=re.compile(rf"(?<![\w*'-])({terms_alt})(?:s|es|'s|z)?(?![\w*-])"),
        slur_strand=slur_strand,
        slur_alias=aliases,
        ambiguous=frozenset(t.lower() for t in slurs["ambiguous"]),
        censored=re.compile(rf"(?<![\w*'-])(?:{hate['censored_word']})"),
        censored_strand={k: HateStrand(v) for k, v in slurs["censored"].items()},
        masked=_masked_slurs(slur_strand, slurs["censored"], slurs["masked_swears"]),
        rules=_grouped(rules),
        abuse=compile_all([alternation(hate["abuse_verbs"])], {}),
        abuse_words=words_of(hate["abuse_verbs"]),
        slur_forms=words_of(
            f"{t}{end}" for t in [*slur_strand, *aliases] for end in ("", "s", "es", "'s", "z")
        ),
        motivation_context=words_of(hate["motivation_context"]),
        victim_directed=compile_all([hate["victim_directed"]], {}),
        counter_speech=compile_all([hate["counter_speech"]], {}),
        indiscriminate=compile_all(hate["indiscriminate"], {}),
        generic_disclaimer=compile_all(negation["generic_disclaimers"], {}),
        strand_disclaimers=disclaimers,
        hypothetical=re.compile(negation["hypothetical"]),
        reversal=compile_all([negation["reversal"]], {}),
        self_denial=re.compile(negation["self_denial"]),
        reclaimed=re.compile(r"(?<![\w'])(?:" + hate["reclaimed_prefix"] + ") $"),  # not "w|as"
        strand_gate=gates,
        context=context(common),
        group_rules=_GROUP_RULES | frozenset(families["group_templates"]),
        plain_slurs=frozenset(t.lower() for t in slurs["ambiguous"]),
        motivation_terms={
            HateStrand(name): compile_all(
                [alternation(entry["motivation"] + entry["adjectives"])], {}
            )
            for name, entry in identity.items()
            if entry["motivation"]
        },
        adjective_strand={
            adj: HateStrand(s)
            for s, e in identity.items()
            for adj in e["adjectives"]
            if " " not in adj
        },
    )


def _slur_aliases(slur_strand: dict[str, HateStrand]) -> dict[str, str]:
    """The other spellings of each slur of two or more words: joined by a hyphen, by a space or
    closed up ("coffin dodger", "coffin-dodger", "coffindodger"); the space and closed forms only
    where every part has three letters or more ("he-she" is never "he she")."""
    out: dict[str, str] = {}
    for term in slur_strand:
        parts = re.split(r"[ -]", term)
        if len(parts) < 2:
            continue
        forms = {"-".join(parts)}
        if all(len(part) >= 3 for part in parts):
            forms |= {" ".join(parts), "".join(parts)}
        out.update({form: term for form in forms - {term} if form not in slur_strand})
    return out


def _masks(word: str) -> set[str]:
    """The starred spellings of ``word``: "n******", "n*****r" (and "s" closing a plural)."""
    inner = "*" * (len(word) - 2)
    return {word[0] + inner + "*", word[0] + inner + word[-1], word[0] + inner + "*s"}


def _masked_slurs(
    slur_strand: dict[str, HateStrand], censored: dict[str, str], swears: list[str]
) -> dict[str, HateStrand]:
    """The starred spellings of the slurs, to their strand: one strand per spelling, else the
    strand of the letter's "<letter>-word" ("p***" is a paki, a poof or a puff: the p-word is
    race); never a spelling an everyday swear word shares ("c***", "p***y", "f*****"). Only the
    letters of a known "<letter>-word" may hide every other letter ("b***" could be anything)."""
    strands: dict[str, set[HateStrand]] = {}
    for term, strand in slur_strand.items():
        if len(term) >= 3 and term.isalpha() and term.isascii():
            for mask in _masks(term) | _masks(term + "s"):
                strands.setdefault(mask, set()).add(strand)
    barred = {mask for swear in swears for mask in _masks(swear)}
    out: dict[str, HateStrand] = {}
    for mask, found in strands.items():
        letter = censored.get(mask[0])
        if mask in barred or len(mask) < 4 or (letter is None and mask.rstrip("s").endswith("*")):
            continue
        if len(found) == 1:
            out[mask] = next(iter(found))
        elif letter is not None and HateStrand(letter) in found:
            out[mask] = HateStrand(letter)
    return out


def _grouped(rules: list[Rule]) -> tuple[tuple[frozenset[str] | None, tuple[Rule, ...]], ...]:
    groups: dict[int, tuple[frozenset[str] | None, list[Rule]]] = {}
    for rule in rules:
        groups.setdefault(id(rule.gate), (rule.gate, []))[1].append(rule)
    return tuple((gate, tuple(members)) for gate, members in groups.values())


def _singular_expression(groups: list[str], adjectives: list[str]) -> str:
    """One member of a group: "a Muslim", "an old person", "a pensioner" (from "pensioners")."""
    singular = [g[:-1] for g in groups if " " not in g and g.endswith("s") and not g.endswith("ss")]
    parts = [alternation(singular)] if singular else []
    if adjectives:
        person = r"(?: (?:person|man|woman|bloke|guy|girl|boy|lad|lady|kid|one))?"
        parts.append(alternation(adjectives) + person)
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _group_expression(groups: list[str], adjectives: list[str]) -> str:
    parts = []
    if groups:
        parts.append(alternation(groups))
    if adjectives:
        parts.append(
            alternation(adjectives)
            + r" (?:people|persons|folk|folks|community|communities|kind|sort|types|scum|ones"
            r"|kids|children|families|lads|men|women|girls|boys)"
        )
    return "(?:" + "|".join(parts) + ")"


@cache
def rule_filter() -> SourceFilter:
    """The prefilter of every rule (:mod:`nlp.prefilter`), built on first use."""
    return SourceFilter(rule.source for _gate, group in compiled().rules for rule in group)


@cache
def anchor_words() -> frozenset[str]:
    """Every gate and anchor word of the rules (a sentence's other n-grams decide none)."""
    words: set[str] = set()
    for gate, group in compiled().rules:
        words.update(gate or ())
        for rule in group:
            words.update(rule.anchor or ())
    return frozenset(words)
