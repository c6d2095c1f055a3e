"""Hate-motivation markers: which protected strand the victim perceives, or the words used show.

A strand needs hostility aimed at the victim or at a group the victim belongs to: a slur, an abuse
phrase ("go back to your own country"), a derogatory or threatening statement about a group
("<group> are vermin"), an identity word welded to an insult ("<identity> <insult>"), a label
("racist", "homophobic") or a perceived-motivation statement ("because I'm Muslim", "because of my
son's autism"). An identity mentioned in a friendly or neutral way ("my Muslim neighbour helped",
"we're a gay couple and love it here", "I'm 82") gives no strand; nor do the culprit's own
characteristics ("the Polish lads next door"), indiscriminate abuse ("they call everyone names")
or a disclaimed motivation ("I don't think it's racist", "nothing to do with race").

Each strand has families of abuse phrases (a civil partnership "isn't a real marriage", "stop
breeding", "f*ck your gurdwara", "<group> like you need a slap", "only ever picks on the women"),
perceived-motivation statements ("that's why they pick on us", "it's about our civil partnership",
"it started after I told them I was pregnant") and negation scope: a motivation inside a doubt or
denial ("I don't think it's because ...") and a slur the writer says was never used give nothing.

Vocabularies and templates are data: ``nlp/patterns/hate.json``, ``slurs.json``, ``negation.json``,
and ``hate_families.json`` for the families added with the hate suite (mocking how a disabled person
moves or speaks, racist gestures, "you don't belong here", misgendering on purpose, a couple's
marriage attacked, questions and opinions about a group). :mod:`nlp.hate_context` carries the
victim's own identity to an attack in the next clause ("I'm Polish. He says we are all thieves"),
sets aside hateful words quoted to condemn them, and joins slurs split by a space.
Findings never carry the abusive words themselves: the explanation names the rule and strand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language

from nlp.clauses import Cut, Segmentation, segment_text
from nlp.findings import Finding
from nlp.hate_context import (
    AccountFindingsComponent,
    Context,
    account_sentences,
    affirms_gender,
    carried,
    condemned,
    context,
    repair,
)
from nlp.hate_deeds import deeds, disclaims_previous, exclusive
from nlp.hate_explained import MOTIVATION_RULES as _MOTIVATION_RULES
from nlp.hate_explained import acts_explained
from nlp.lexicon import (
    ObfuscationLexicon,
    Sentence,
    alternation,
    compile_all,
    load_data,
    ngrams,
    sentences,
    source_all,
)
from nlp.lexicon import vocabulary as words_of
from nlp.prefilter import SourceFilter, grams, may_match_source
from trigger.vocabulary import HateStrand

KEY = "hate"

# Rules built on a group noun: the culprit guard and counter-speech check apply to them.
_GROUP_RULES = frozenset(
    "group_predicate question_group group_not_positive group_verb hate_verb_group"
    " action_group no_group_here too_many modifier_group just_group_after_all"
    " pronoun_reference what_happens_when nobody_wants_yours damn_yours group_out like_you"
    " only_us".split()
)
_WEAK_RULES = frozenset({"label", "label_hate", "label_thing"})
# "I don't think it's because I'm gay", "I doubt this is about our marriage": the motivation
# statement sits inside a denial or a doubt, so it is no strand.
_DENIED_MOTIVATION = re.compile(
    r"(?:(?:don't|do not|dont|didn't|did not|doesn't|does not|never|can't|cannot|wouldn't)"
    r" (?:really |honestly |actually |personally |necessarily )?"
    r"(?:think|believe|feel|reckon|suppose|say|know if|know whether|see how)"
    r"|(?<!no )(?<!without a )doubt|not sure|unsure|no idea if"
    r"|(?:not|never) (?:saying|suggesting|claiming)"
    r"|(?:no one|nobody|never|haven't|hasn't|didn't|did not|not) (?:has |have |had |ever )*"
    r"(?:said|mentioned|says|say|made (?:any )?comments?|commented)(?: anything| a word)?"
    r")(?: [^ ,;:]+){0,6} $"
)
# "I don't think that's why", inside a motivation statement that names the strand first.
_DENIED_INSIDE = re.compile(
    r"(?:don't|do not|dont|didn't|did not|doubt|not sure|no idea|can't say|cannot say)"
    r" (?:[^ ]+ ){0,2}?(?:that's|thats|that is|it's|its|it is|if|whether|why)"
)
_NOT_SAYING = re.compile(  # "I'm not saying they're racist", "not going to claim it was"
    r"(?:not|never|n't) (?:going to |gonna |trying to |want to )?(?:say|suggest|claim|accus"
    r"|call(?:ing)? it|mak(?:e|ing) out|pretend)(?:ing|e)?(?: [^ ,;:]+){0,4} $"
)
_NO_BEFORE = re.compile(r"(?:not|n't|never|nothing to do with|no)(?: had| have| any)* (?:\S+ )?$")
_POSSESSED = re.compile(r"(?:^|\s)(?:my|our|his|her|their|your)(?: (?:old|dear|late|poor|own))? $")
# "she posted that I'm a ...": someone else's words about the victim, not self-identification.
_SAID_OF_VICTIM = re.compile(
    r"\b(?:said|says|say|posted|posts|wrote|writes|told [^ ]+|tells [^ ]+|shouted|shouts|called"
    r"|calls|texted|messaged|claims|claimed|reckons|spread|spreading)(?: that| round that)?"
    r" (?:i'm|im|i am|we're|we are|she's|he's|my [^ ]+ is) "
)
# A slur addressed to someone ("you are just a ...", "them dirty ...") rather than mentioned.
_ADDRESSED = re.compile(
    r"(?:(?:you|ya|u|ur|you're|youre)(?: [^ ]+){0,3}"
    r"|(?:them|those|bloody|fucking|dirty|filthy|stupid|little|fat)(?: [^ ]+)?) $"
)
# Someone else's abusive words reported earlier in the sentence ("he said ... a <word>").
_REPORTED_ABUSE = re.compile(
    r"\b(?:he|she|they|someone|somebody|one of them|the [a-z]+) (?:said|says|shouted|shouts|yelled"
    r"|screamed|called|calls|wrote|told|chanted|sprayed|texted|posted)\b"
)
_AIMED_AT_VICTIM = re.compile(
    r"(?:called|calling|call|calls|shouted|shouting|yelled|screamed|said|told)(?: \S+){0,3}? "
    r"(?:me|us|my \S+|our \S+|at me|at us)(?: \S+){0,3}?\s*[\"'\u2018\u201c]?$"
)
_DENIED_ABUSE = re.compile(
    r"(?:never|didn't|did not|haven't|hasn't|have not|has not|don't|doesn't|do not|does not"
    r"|no one|nobody|none of them|not once)(?: (?!just\b|only\b)[^ ,;:]+){0,2}"
    r" (?:called|call|calls|said|say|says|shouted|shout|used|use|written|wrote|yelled)"
    r"(?: [^ ,;:]+){0,3} $"
)
_AT_THE_VICTIM = re.compile(r"\b(?:me|us|my|our|i|we|you|your|ur)\b")
_CULPRIT_PLACE = re.compile(
    r"(?:next door|upstairs|downstairs|opposite|across the (?:road|street|close|way|landing)"
    r"|over the road|at number|from number|at no|from no|in flat|from flat|on the corner"
    r"|from the flats|in the flats|from the estate"
    r"|himself|herself|themselves)"
)
_DIRECT_BEFORE = frozenset("you a an ya u ur you're youre \" ' was were me us called ,".split())
_NEGATED_VERB = re.compile(
    r"(?:don't|do not|dont|doesn't|does not|didn't|did not|never|no one|nobody|shouldn't"
    r"|should not|won't|wouldn't|not)(?: [^ ]+){0,2} $"
)


# The rule whose words must be the opposite of the victim's own gender (hate_families.json).
_MISGENDERING = frozenset(
    {"phrase:misgendering a trans person", "phrase:a trans person called he or it"}
)


@dataclass(frozen=True)
class _Rule:
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
class _Compiled:
    lexicon: ObfuscationLexicon
    slurs: re.Pattern[str]
    slur_strand: dict[str, HateStrand]
    ambiguous: frozenset[str]
    censored: re.Pattern[str]
    censored_strand: dict[str, HateStrand]
    # Rules grouped by their gate, so each gate is tried once per sentence.
    rules: tuple[tuple[frozenset[str] | None, tuple[_Rule, ...]], ...]
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
def _compiled() -> _Compiled:
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
    rules: list[_Rule] = []
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
                _Rule(strand, name, source_all([template], macros), gate_words, anchor=anchor)
            )
        disclaimers[strand] = compile_all(negation["strand_disclaimers"], macros)
    for phrase in hate["phrases"] + families["phrases"] + deeds().phrases:
        rules.append(
            _Rule(
                HateStrand(phrase["strand"]),
                "phrase:" + phrase["name"],
                source_all([phrase["pattern"]], common),
                needs_context=bool(phrase.get("context", False)),
                anchor=anchors.get(phrase["name"]),
            )
        )

    terms_alt = alternation(slur_strand)
    return _Compiled(
        lexicon=lexicon,
        slurs=re.compile(rf"(?<![\w*'-])({terms_alt})(?:s|es|'s|z)?(?![\w*-])"),
        slur_strand=slur_strand,
        ambiguous=frozenset(t.lower() for t in slurs["ambiguous"]),
        censored=re.compile(rf"(?<![\w*'-])(?:{hate['censored_word']})"),
        censored_strand={k: HateStrand(v) for k, v in slurs["censored"].items()},
        rules=_grouped(rules),
        abuse=compile_all([alternation(hate["abuse_verbs"])], {}),
        abuse_words=words_of(hate["abuse_verbs"]),
        slur_forms=words_of(f"{t}{end}" for t in slur_strand for end in ("", "s", "es", "'s", "z")),
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


def _grouped(rules: list[_Rule]) -> tuple[tuple[frozenset[str] | None, tuple[_Rule, ...]], ...]:
    groups: dict[int, tuple[frozenset[str] | None, list[_Rule]]] = {}
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


@dataclass(frozen=True)
class _Candidate:
    strand: HateStrand
    start: int
    end: int
    rule: str
    sentence: int
    needs_context: bool = False


def find_hate_markers(
    text: str, cuts: Segmentation | None = None, account: str | None = None
) -> list[Finding]:
    """Every hostile hate-motivation marker in ``text``, labelled with its strand.

    ``cuts`` are the text's cuts (``doc._.clauses`` in the pipeline); plain text is cut here.
    ``account``: the whole account ``text`` is part of (a chat's messages), where the victim's
    identity may be told.
    """
    compiled = _compiled()
    cuts = cuts or segment_text(text)
    sents = [
        repair(s, compiled.lexicon, compiled.slur_strand, compiled.plain_slurs)
        for s in sentences(text, cuts.bounds(Cut.TEXT_SENTENCE), compiled.lexicon)
    ]
    candidates: list[_Candidate] = []
    disclaimed: set[HateStrand] = set()
    for index, sentence in enumerate(sents):
        disclaimed |= _disclaimed(compiled, sentence)
        if index and disclaims_previous(sentence.canon):  # "... racist abuse. This is not that."
            before = sents[index - 1].canon
            disclaimed |= {s for s, gate in compiled.strand_gate.items() if gate.search(before)}
        if _indiscriminate(compiled, sentence.canon) or compiled.generic_disclaimer.search(
            sentence.canon
        ):
            # "they call everyone names": only a slur plainly aimed at the victim still counts
            candidates.extend(
                c
                for c in _slur_candidates(compiled, sentence, index, text)
                if _AIMED_AT_VICTIM.search(text[sentence.start : c.start].lower())
            )
            continue
        candidates.extend(_slur_candidates(compiled, sentence, index, text))
        candidates.extend(_rule_candidates(compiled, sentence, index))
    shown = frozenset(c.strand for c in candidates if not c.needs_context)
    whole = account_sentences(account, compiled.lexicon)
    for mark in carried(compiled.context, sents, shown, whole):
        sentence = sents[mark.sentence]
        if _indiscriminate(compiled, sentence.canon):
            continue
        start, end = sentence.original_span(mark.start, mark.end)
        candidates.append(_Candidate(mark.strand, start, end, mark.rule, mark.sentence))
    candidates = [_terrorist_strand(compiled, c, sents) for c in candidates]
    if any(c.needs_context for c in candidates):
        canon = " ".join(s.canon for s in [*sents, *whole])
        candidates = [
            c
            for c in candidates
            if not c.needs_context or compiled.strand_gate[c.strand].search(canon)
        ]
        candidates = [
            c
            for c in candidates
            if c.rule not in _MISGENDERING or not affirms_gender(text[c.start : c.end], canon)
        ]
    explained = acts_explained(candidates)
    candidates = [c for c in candidates if c.strand not in explained]
    seen: set[tuple[str, int, int]] = set()
    result: list[Finding] = []
    for cand in sorted(candidates, key=lambda c: (c.start, c.end)):
        if cand.strand in disclaimed or (cand.strand, cand.start, cand.end) in seen:
            continue
        seen.add((cand.strand, cand.start, cand.end))
        result.append(
            Finding(
                cand.strand.value, cand.start, cand.end, f"hate: {cand.rule} -> {cand.strand.value}"
            )
        )
    return result


def _terrorist_strand(compiled: _Compiled, cand: _Candidate, sents: list[Sentence]) -> _Candidate:
    """ "Terrorist" shouted at someone is religious hostility unless the account only speaks of the
    victim's race or nationality (an Arab or Asian victim with no faith mentioned): then race."""
    if not cand.rule.startswith("phrase:terrorist"):
        return cand
    canon = " ".join(s.canon for s in sents)
    religion = compiled.strand_gate[HateStrand.RELIGION].search(canon)
    if religion is None and compiled.strand_gate[HateStrand.RACE].search(canon):
        return _Candidate(HateStrand.RACE, cand.start, cand.end, cand.rule, cand.sentence)
    return cand


_TARGETING_QUESTION = re.compile(
    r"\b(?:targeted|targeting|picked on|singled out|because of who you are|hate (?:crime|incident)"
    r"|race|religion|disability|sexuality|gender identity|motivated)\b"
)
_YES = re.compile(
    r"^\W*(?:yes|yeah|yea|yep|yup|definitely|i think so|i do|i believe so|probably)\b"
)


def find_hate_markers_in_answer(
    answer: str, prompt: str | None, markers: list[Finding] | None = None
) -> list[Finding]:
    """Strands a short chat answer names after the bot asked whether the victim was targeted.

    "yes, my religion" after "Do you feel targeted because of who you are, for example your
    race or religion?" names religion; the answer's own ``markers`` (found here unless given)
    count as usual; "no" names none."""
    findings = find_hate_markers(answer) if markers is None else markers
    if findings or not prompt or not _TARGETING_QUESTION.search(prompt.lower()):
        return findings
    lowered = answer.lower()
    if not _YES.search(lowered):
        return []
    compiled = _compiled()
    bounds = segment_text(answer).bounds(Cut.TEXT_SENTENCE)
    canon = " ".join(s.canon for s in sentences(answer, bounds, compiled.lexicon))
    out = []
    for strand, pattern in compiled.motivation_terms.items():
        match = pattern.search(canon)
        if match:
            start = lowered.find(match.group(0).split()[0])
            start = max(start, 0)
            out.append(
                Finding(
                    strand.value,
                    start,
                    len(answer),
                    f"hate: yes to a targeting question -> {strand.value}",
                )
            )
    return out


def names_strand(strand: str, text: str) -> bool:
    """True when ``text`` holds a word of ``strand``'s vocabulary ("mosque" for religion)."""
    compiled = _compiled()
    bounds = segment_text(text).bounds(Cut.TEXT_SENTENCE)
    canon = " ".join(s.canon for s in sentences(text, bounds, compiled.lexicon))
    return bool(compiled.strand_gate[HateStrand(strand)].search(canon))


def hate_strands(text: str) -> set[HateStrand]:
    """The strands :func:`find_hate_markers` finds in ``text``."""
    return {HateStrand(f.label) for f in find_hate_markers(text)}


def _indiscriminate(compiled: _Compiled, canon: str) -> bool:
    """Abuse said to be aimed at everybody, unless the sentence says the victim alone gets it
    ("they don't do it to anyone else")."""
    return bool(compiled.indiscriminate.search(canon)) and not exclusive(canon)


_ANY_NEGATION = re.compile(r"\b(?:not|never|nothing|no|nowt|none|nah|nope)\b|n't")


def _disclaimed(compiled: _Compiled, sentence: Sentence) -> set[HateStrand]:
    if not _ANY_NEGATION.search(sentence.canon) or compiled.reversal.search(sentence.canon):
        return set()
    out: set[HateStrand] = set()
    for strand, pattern in compiled.strand_disclaimers.items():
        for match in pattern.finditer(sentence.canon):
            # "I'm not racist but ...": the speaker denying prejudice, not a disclaimed motivation
            if not compiled.self_denial.search(sentence.canon[: match.start()]):
                out.add(strand)
    return out


def _quoted(sentence: Sentence, cstart: int, cend: int) -> bool:
    before = sentence.canon[max(0, cstart - 40) : cstart]
    after = sentence.canon[cend : cend + 40]
    return bool(
        re.search(r"[\"'] (?:[^ ]+ ){0,3}$", before) and re.match(r"(?: [^ ]+){0,3} [\"']", after)
    )


def _slur_candidates(
    compiled: _Compiled, sentence: Sentence, index: int, text: str = ""
) -> list[_Candidate]:
    out: list[_Candidate] = []
    canon = sentence.canon
    if compiled.slur_forms.isdisjoint(ngrams(canon)) and "word" not in canon:
        return out
    directed = bool(compiled.victim_directed.search(canon))
    for match in compiled.slurs.finditer(canon):
        term = match.group(1)
        before = canon[: match.start()]
        quoted = _quoted(sentence, match.start(), match.end())
        you = bool(_ADDRESSED.search(before))
        # A word with innocent senses counts only when the words just before it are abuse
        # ("called me a ...", "scratched the word ..."), it is quoted, or it is addressed to one.
        local = " ".join(before.split()[-8:])
        abusive = bool(compiled.abuse.search(local)) or bool(_REPORTED_ABUSE.search(before))
        # "F@G", "F A G G 0 T": nobody disguises a cigarette; the disguise shows the abuse
        start, end = sentence.original_span(match.start(), match.end())
        raw = text[start:end]
        disguised = bool(
            re.search(r"[^A-Za-z'\u2019\s-]", raw) or re.fullmatch(r"(?:\S\s+){2,}\S", raw)
        ) and not re.match(r" (?:ends?|butts?|packets?|lighter|break)\b", canon[match.end() :])
        if term in compiled.ambiguous and not (abusive or quoted or you or disguised):
            continue
        if term in compiled.ambiguous and not quoted and _POSSESSED.search(before):
            continue  # "my grandad", "our granny": a relative named, not a word shouted
        if _DENIED_ABUSE.search(before):
            continue  # "they have never called me a ...": the abuse did not happen
        prior = before.split()[-1] if before.split() else ""
        other = compiled.slur_strand.get(prior) or compiled.adjective_strand.get(prior)
        if compiled.slur_strand[term] is HateStrand.SEX and other not in (None, HateStrand.SEX):
            continue  # "lesbo sl*gs": the insult's group is the word before's, as "pregnant women"
        if (
            not directed
            and compiled.reclaimed.search(before)
            and not _SAID_OF_VICTIM.search(before)
        ):
            continue  # "I'm a proud queer": self-identification, not abuse
        if not directed and compiled.counter_speech.search(canon):
            continue
        if condemned(compiled.context, canon, match.start(), match.end()):
            continue
        out.append(_Candidate(compiled.slur_strand[term], start, end, "slur lexicon", index))
    for match in compiled.censored.finditer(canon):
        letter = match.group(1) or match.group(2)
        strand = compiled.censored_strand.get(letter or "")
        if strand is not None:
            start, end = sentence.original_span(match.start(), match.end())
            out.append(_Candidate(strand, start, end, "self-censored slur", index))
    return out


def _rule_candidates(compiled: _Compiled, sentence: Sentence, index: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    canon = sentence.canon
    words = ngrams(canon)
    counter = bool(compiled.counter_speech.search(canon)) and not compiled.victim_directed.search(
        canon
    )
    motivated = not compiled.motivation_context.isdisjoint(words)
    directed = not compiled.abuse_words.isdisjoint(words) or bool(
        compiled.victim_directed.search(canon)
    )
    passing: set[str] | None = None  # the rules the prefilter lets through, when first needed
    # the sentence's gate and anchor words: a few, where its n-grams are many
    present = words & _anchor_words()
    for gate, group in compiled.rules:
        if gate is not None and gate.isdisjoint(present):
            continue
        for rule in group:
            if rule.anchor is not None and rule.anchor.isdisjoint(present):
                continue
            if passing is None:
                passing = _rule_filter().passing(canon, grams(canon))
            if rule.source not in passing:  # rule.may_match(canon, ...), for every rule at once
                continue
            for match in rule.pattern.finditer(canon):
                before = canon[: match.start()]
                if not _keep(
                    rule, match, before, canon, counter, motivated, directed, sentence, compiled
                ) or condemned(compiled.context, canon, match.start(), match.end()):
                    continue
                start, end = sentence.original_span(match.start(), match.end())
                # shouted or said at the victim ("screaming that my baby will be taken off me"),
                # the words need no other mention of the strand
                local = " ".join(before.split()[-8:])
                aimed = compiled.abuse.search(local) and _AT_THE_VICTIM.search(
                    local + " " + match.group(0)
                )
                needs_context = rule.needs_context and not aimed
                out.append(_Candidate(rule.strand, start, end, rule.name, index, needs_context))
    return out


@cache
def _rule_filter() -> SourceFilter:
    """The prefilter of every rule (:mod:`nlp.prefilter`), built on first use."""
    return SourceFilter(rule.source for _gate, group in _compiled().rules for rule in group)


@cache
def _anchor_words() -> frozenset[str]:
    """Every gate and anchor word of the rules (a sentence's other n-grams decide none)."""
    words: set[str] = set()
    for gate, group in _compiled().rules:
        words.update(gate or ())
        for rule in group:
            words.update(rule.anchor or ())
    return frozenset(words)


def _keep(
    rule: _Rule,
    match: re.Match[str],
    before: str,
    canon: str,
    counter: bool,
    motivated: bool,
    directed: bool,
    sentence: Sentence,
    compiled: _Compiled,
) -> bool:
    name = rule.name
    if name in compiled.group_rules:
        if counter:
            return False
        if name in {
            "hate_verb_group",
            "action_group",
            "pronoun_reference",
        } and _NEGATED_VERB.search(before):
            return False
        words = before.split()
        other = compiled.adjective_strand.get(words[-1]) if words else None
        if other is not None and other != rule.strand:
            return False  # "pregnant women ...": the group is the adjective's, not the noun's
        tail = canon[match.end() : match.end() + 40]
        if re.search(
            r"(?:^|\s)(?:the|two|three|four|five|some|of|these two|those two) $", before
        ) and _CULPRIT_PLACE.search(canon[match.start() : match.end()] + tail):
            return False
    if rule.strand is HateStrand.SEX:
        # "pregnant women", "trans women", "Muslim women": the group is the adjective's
        for word in re.findall(
            r"([^ ]+) (?:women|woman|girls|girl|females)\b", before[-30:] + match.group(0)
        ):
            if compiled.adjective_strand.get(word, HateStrand.SEX) is not HateStrand.SEX:
                return False
    if name == "identity_insult":
        last = before.split()[-1] if before.split() else ""
        if (
            last not in _DIRECT_BEFORE
            and not directed
            and not _quoted(sentence, match.start(), match.end())
        ):
            return False
        if counter:
            return False
    if (name in _WEAK_RULES or name in _MOTIVATION_RULES) and compiled.hypothetical.search(before):
        return False
    if name in _WEAK_RULES and _NOT_SAYING.search(before):
        return False
    if name in _MOTIVATION_RULES:
        if not motivated and name in {
            "motivation_because",
            "motivation_found_out",
            "motivation_since_told",
        }:
            return False
        if _NO_BEFORE.search(before) or _DENIED_MOTIVATION.search(before):
            return False  # "never had any bother about being a gay couple"
        if _DENIED_INSIDE.search(match.group(0)):
            return False
        if re.match(r"(?: [^ ]+){0,3} (?:himself|herself|themselves|too)\b", canon[match.end() :]):
            return False
    return True


@Language.factory("trigger_hate", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_hate_component(nlp: Language, name: str) -> AccountFindingsComponent:
    """spaCy factory: hate-motivation markers into ``doc.spans["hate"]``."""
    return AccountFindingsComponent(KEY, find_hate_markers)
