"""Hate candidates in one sentence: slurs from the lexicon and the strand rules, each kept or set
aside by its context (a word with innocent senses not aimed at anyone, a relative named, abuse the
writer says never happened, self-identification, counter-speech, a motivation inside a denial or a
doubt, the culprit's own group). :mod:`nlp.hate` gathers them over an account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.hate_context import condemned
from nlp.hate_explained import MOTIVATION_RULES as _MOTIVATION_RULES
from nlp.hate_rules import Compiled, Rule, anchor_words, rule_filter
from nlp.lexicon import Sentence, ngrams
from nlp.prefilter import grams
from trigger.vocabulary import HateStrand

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
# "... because we're Polish but I honestly don't think that's it": someone's guess at the
# motivation, doubted by the writer in the words that follow it.
_DENIED_AFTER = re.compile(
    r"^(?: [^ ,;:]+){0,3}?(?: ,)? (?:but|though|although|tho|however|yet)(?: ,)?"
    r"(?: (?:i|we|me|i'm|im|i am|we're|personally|myself|honestly|really|actually|to be honest"
    r"|tbh|truthfully))*"
    r" (?:(?:don't|do not|dont|didn't|did not|can't|cannot|cant|wouldn't|not|never)"
    r"(?: (?:really|honestly|actually|personally|so|too|at all))*"
    r" (?:think|believe|reckon|feel|see|agree|buy|sure|convinced)|doubt)"
    r"(?: (?:so|that's|thats|that is|it's|its|it is|it was|this is|that was|that|this|it"
    r"|about (?:it|that)|of (?:it|that))\b| ?[,.;:!?]| ?$)"
)
_NOT_SAYING = re.compile(  # "I'm not saying they're racist", "not going to claim it was"
    r"(?:not|never|n't) (?:going to |gonna |trying to |want to )?(?:say|suggest|claim|accus"
    r"|call(?:ing)? it|mak(?:e|ing) out|pretend)(?:ing|e)?(?: [^ ,;:]+){0,4} $"
)
_NO_BEFORE = re.compile(r"(?:not|n't|never|nothing to do with|no)(?: had| have| any)* (?:\S+ )?$")
# The other sense of a word with one: "a bent copper", "as bent as they come" (crooked)
_OTHER_SENSE = re.compile(
    r" (?:coppers?|cops?|police(?:man|men|woman)?|officers?|landlords?|councillors?|judges?|gangs?"
    r"|solicitors?|dealers?|builders?|mechanics?|as (?:a|they|hell|anything|it)|over|double)\b"
)
_POSSESSED = re.compile(r"(?:^|\s)(?:my|our|his|her|their|your)(?: (?:old|dear|late|poor|own))? $")
# "she posted that I'm a ...": someone else's words about the victim, not self-identification.
_SAID_OF_VICTIM = re.compile(
    r"\b(?:said|says|say|posted|posts|wrote|writes|told [^ ]+|tells [^ ]+|shouted|shouts|called"
    r"|calls|texted|messaged|claims|claimed|reckons|spread|spreading)(?: that| round that)?"
    r" (?:i'm|im|i am|we're|we are|she's|he's|my [^ ]+ is) "
)
# A slur addressed to someone ("you are just a ...", "them dirty ...") rather than mentioned.
_ADDRESSED = re.compile(  # whole words: "neighbo(ur) is a real ..." addresses nobody
    r"(?<![\w'])(?:(?:you|ya|u|ur|your|yer|you're|youre)(?: [^ ]+){0,3}"
    r"|(?:them|those|bloody|fucking|dirty|filthy|stupid|little|fat)(?: [^ ]+)?) $"
)
# Someone else's abusive words reported earlier in the sentence ("he said ... a <word>").
_REPORTED_ABUSE = re.compile(
    r"\b(?:he|she|they|someone|somebody|one of them|the [a-z]+) (?:said|says|shouted|shouts|yelled"
    r"|screamed|called|calls|wrote|told|chanted|sprayed|texted|posted)\b"
)
AIMED_AT_VICTIM = re.compile(
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


@dataclass(frozen=True)
class Candidate:
    strand: HateStrand
    start: int
    end: int
    rule: str
    sentence: int
    needs_context: bool = False


def _quoted(sentence: Sentence, cstart: int, cend: int) -> bool:
    before = sentence.canon[max(0, cstart - 40) : cstart]
    after = sentence.canon[cend : cend + 40]
    return bool(
        re.search(r"[\"'] (?:[^ ]+ ){0,3}$", before) and re.match(r"(?: [^ ]+){0,3} [\"']", after)
    )


def slur_candidates(
    compiled: Compiled, sentence: Sentence, index: int, text: str = ""
) -> list[Candidate]:
    out: list[Candidate] = []
    canon = sentence.canon
    if compiled.slur_forms.isdisjoint(ngrams(canon)) and "word" not in canon and "*" not in canon:
        return out
    directed = bool(compiled.victim_directed.search(canon))
    for match in compiled.slurs.finditer(canon):
        term = compiled.slur_alias.get(match.group(1), match.group(1))
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
        if term in compiled.ambiguous and _OTHER_SENSE.match(canon, match.end()):
            continue  # "a bent copper", "bent as they come": crooked, not a slur
        if term in compiled.ambiguous and not quoted and _POSSESSED.search(before):
            continue  # "my grandad", "our granny": a relative named, not a word shouted
        if _DENIED_ABUSE.search(before):
            continue  # "they have never called me a ...": the abuse did not happen
        if _WRITER_ACCUSED.search(before):
            continue  # "he told the police I called him a ...": the writer accused, not abused
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
        out.append(Candidate(compiled.slur_strand[term], start, end, "slur lexicon", index))
    for match in compiled.censored.finditer(canon):
        letter = match.group(1) or match.group(2)
        strand = compiled.censored_strand.get(letter or "")
        if strand is not None and not _countered(compiled, canon[: match.start()]):
            start, end = sentence.original_span(match.start(), match.end())
            out.append(Candidate(strand, start, end, "self-censored slur", index))
    if "*" in canon:
        out.extend(_masked_candidates(compiled, sentence, index))
    return out


_MASKED = re.compile(r"(?<![\w*])[a-z]\*[a-z*]*(?![\w*])")
# Someone claims the writer said the word ("he told the police I called him a ...", "accused me of
# calling her a ..."): the writer is the one accused of abuse, not its victim.
_WRITER_ACCUSED = re.compile(
    r"\b(?:(?:says|said|saying|told [^ ]+(?: [^ ]+)?|tells [^ ]+|claims|claimed|claiming|alleges"
    r"|alleged|reckons|making out|made out|reported|complained)(?: that)? (?:i|we) (?:called|call"
    r"|shouted|said|used)|accus\w* (?:me|us) of (?:calling|shouting|saying|using))\b"
    r"(?: [^ ]+){0,5} $"
)


def _masked_candidates(compiled: Compiled, sentence: Sentence, index: int) -> list[Candidate]:
    """Slurs spelt with stars ("called him a dirty P***", sprayed "N****** OUT"): counted where
    the words before are abuse, the word is quoted or addressed to someone, as a word with an
    innocent sense is, and never where the writer condemns it or says it was never used."""
    out: list[Candidate] = []
    canon = sentence.canon
    for match in _MASKED.finditer(canon):
        strand = compiled.masked.get(match.group(0))
        if strand is None:
            continue
        before = canon[: match.start()]
        local = " ".join(before.split()[-8:])
        if not (
            compiled.abuse.search(local)
            or _REPORTED_ABUSE.search(before)
            or _quoted(sentence, match.start(), match.end())
            or _ADDRESSED.search(before)
        ):
            continue
        if _DENIED_ABUSE.search(before) or _countered(compiled, before):
            continue
        if condemned(compiled.context, canon, match.start(), match.end()):
            continue
        start, end = sentence.original_span(match.start(), match.end())
        out.append(Candidate(strand, start, end, "masked slur", index))
    return out


def _countered(compiled: Compiled, before: str) -> bool:
    """Whether counter-speech governs the words that follow ``before`` ("told him to stop calling
    the family at no 9 ..."): it ends at most six words before them, none of them the victim."""
    ends = [m.end() for m in compiled.counter_speech.finditer(before)]
    if not ends:
        return False
    between = before[ends[-1] :].split()
    return len(between) <= 6 and _AT_THE_VICTIM.search(" ".join(between)) is None


def rule_candidates(compiled: Compiled, sentence: Sentence, index: int) -> list[Candidate]:
    out: list[Candidate] = []
    canon = sentence.canon
    words = ngrams(canon)
    # the sentence's counter-speech, motivation and abuse tests, read at its first match: most
    # sentences match no rule
    told: tuple[bool, bool, bool] | None = None
    passing: set[str] | None = None  # the rules the prefilter lets through, when first needed
    # the sentence's gate and anchor words: a few, where its n-grams are many
    present = words & anchor_words()
    for gate, group in compiled.rules:
        if gate is not None and gate.isdisjoint(present):
            continue
        for rule in group:
            if rule.anchor is not None and rule.anchor.isdisjoint(present):
                continue
            if passing is None:
                passing = rule_filter().passing(canon, grams(canon))
            if rule.source not in passing:  # rule.may_match(canon, ...), for every rule at once
                continue
            for match in rule.pattern.finditer(canon):
                if told is None:
                    told = _sentence_tells(compiled, canon, words)
                counter, motivated, directed = told
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
                needs_context = rule.needs_context and (rule.context_always or not aimed)
                out.append(Candidate(rule.strand, start, end, rule.name, index, needs_context))
    return out


def _sentence_tells(
    compiled: Compiled, canon: str, words: frozenset[str]
) -> tuple[bool, bool, bool]:
    """Whether the sentence is counter-speech, names a motivation context, and is aimed at the
    victim (abuse words or words directed at them)."""
    directed_at = bool(compiled.victim_directed.search(canon))
    counter = bool(compiled.counter_speech.search(canon)) and not directed_at
    motivated = not compiled.motivation_context.isdisjoint(words)
    directed = not compiled.abuse_words.isdisjoint(words) or directed_at
    return counter, motivated, directed


def _keep(
    rule: Rule,
    match: re.Match[str],
    before: str,
    canon: str,
    counter: bool,
    motivated: bool,
    directed: bool,
    sentence: Sentence,
    compiled: Compiled,
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
        if _DENIED_INSIDE.search(match.group(0)) or _DENIED_AFTER.search(canon[match.end() :]):
            return False
        if re.match(r"(?: [^ ]+){0,3} (?:himself|herself|themselves|too)\b", canon[match.end() :]):
            return False
    return True
