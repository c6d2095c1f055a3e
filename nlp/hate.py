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
:mod:`nlp.hate_rules` compiles the data into rules; :mod:`nlp.hate_candidates` finds and keeps the
candidates of one sentence; this module gathers them over an account and applies the disclaimers.
"""

from __future__ import annotations

import re

from spacy.language import Language

from nlp.clauses import Cut, Segmentation, segment_text
from nlp.findings import Finding
from nlp.hate_candidates import AIMED_AT_VICTIM, Candidate, rule_candidates, slur_candidates
from nlp.hate_context import (
    AccountFindingsComponent,
    account_sentences,
    affirms_gender,
    carried,
    repair,
)
from nlp.hate_deeds import disclaims_previous, exclusive, needs_exclusive
from nlp.hate_explained import acts_explained, read_by_the_group
from nlp.hate_rules import Compiled
from nlp.hate_rules import compiled as _compiled
from nlp.lexicon import Sentence, sentences
from trigger.vocabulary import HateStrand

KEY = "hate"

# The rule whose words must be the opposite of the victim's own gender (hate_families.json).
_MISGENDERING = frozenset(
    {"phrase:misgendering a trans person", "phrase:a trans person called he or it"}
)


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
    candidates: list[Candidate] = []
    disclaimed: set[HateStrand] = set()
    # "I don't think that one was about his disability": only the incident just told
    disclaimed_here: set[tuple[HateStrand, int]] = set()
    for index, sentence in enumerate(sents):
        denied = _disclaimed(compiled, sentence)
        if denied and _ONE_INCIDENT.search(sentence.canon):
            disclaimed_here |= {(s, i) for s in denied for i in (index - 1, index)}
        else:
            disclaimed |= denied
        if index and disclaims_previous(sentence.canon):  # "... racist abuse. This is not that."
            before = sents[index - 1].canon
            disclaimed |= {s for s, gate in compiled.strand_gate.items() if gate.search(before)}
        if _indiscriminate(compiled, sentence.canon) or compiled.generic_disclaimer.search(
            sentence.canon
        ):
            # "they call everyone names": only a slur plainly aimed at the victim still counts
            candidates.extend(
                c
                for c in slur_candidates(compiled, sentence, index, text)
                if AIMED_AT_VICTIM.search(text[sentence.start : c.start].lower())
            )
            continue
        candidates.extend(slur_candidates(compiled, sentence, index, text))
        candidates.extend(
            c
            for c in rule_candidates(compiled, sentence, index)
            if not needs_exclusive(c.rule) or _beside_exclusive(sents, index)
        )
    shown = frozenset(c.strand for c in candidates if not c.needs_context)
    whole = account_sentences(account, compiled.lexicon)
    # the strands each sentence's own words show ("called me a monkey and made ape noises")
    own = {(c.sentence, c.strand) for c in candidates if not c.needs_context}
    for mark in carried(compiled.context, sents, shown, whole):
        sentence = sents[mark.sentence]
        if _indiscriminate(compiled, sentence.canon):
            continue
        if any(i == mark.sentence for i, _ in own) and (mark.sentence, mark.strand) not in own:
            continue  # the attack's own words show another strand: the victim's age is not it
        start, end = sentence.original_span(mark.start, mark.end)
        candidates.append(Candidate(mark.strand, start, end, mark.rule, mark.sentence))
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
    regrouped = read_by_the_group(candidates)
    candidates = [
        c
        for c in candidates
        if c.strand not in explained
        and (c.strand, c.start, c.end) not in regrouped
        and (c.strand, c.sentence) not in disclaimed_here
    ]
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


def _terrorist_strand(compiled: Compiled, cand: Candidate, sents: list[Sentence]) -> Candidate:
    """ "Terrorist" shouted at someone is religious hostility unless the account only speaks of the
    victim's race or nationality (an Arab or Asian victim with no faith mentioned): then race."""
    if not cand.rule.startswith("phrase:terrorist"):
        return cand
    canon = " ".join(s.canon for s in sents)
    religion = compiled.strand_gate[HateStrand.RELIGION].search(canon)
    if religion is None and compiled.strand_gate[HateStrand.RACE].search(canon):
        return Candidate(HateStrand.RACE, cand.start, cand.end, cand.rule, cand.sentence)
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


def _beside_exclusive(sents: list[Sentence], index: int) -> bool:
    """Whether the sentence at ``index``, the one before or the one after says the victim alone
    is targeted ("only ours", "nobody else's car", "they leave the others alone")."""
    return any(exclusive(s.canon) for s in sents[max(0, index - 1) : index + 2])


def _indiscriminate(compiled: Compiled, canon: str) -> bool:
    """Abuse said to be aimed at everybody, unless the sentence says the victim alone gets it
    ("they don't do it to anyone else")."""
    return bool(compiled.indiscriminate.search(canon)) and not exclusive(canon)


# A disclaimer about one incident of several ("this one", "that time") rather than the account.
_ONE_INCIDENT = re.compile(
    r"\b(?:this|that) (?:one|time|incident|occasion|day|night|last one|first one|bit)\b"
)


_ANY_NEGATION = re.compile(r"\b(?:not|never|nothing|no|nowt|none|nah|nope)\b|n't")


def _disclaimed(compiled: Compiled, sentence: Sentence) -> set[HateStrand]:
    if not _ANY_NEGATION.search(sentence.canon) or compiled.reversal.search(sentence.canon):
        return set()
    out: set[HateStrand] = set()
    for strand, pattern in compiled.strand_disclaimers.items():
        for match in pattern.finditer(sentence.canon):
            # "I'm not racist but ...": the speaker denying prejudice, not a disclaimed motivation
            if not compiled.self_denial.search(sentence.canon[: match.start()]):
                out.add(strand)
    return out


@Language.factory("trigger_hate", requires=["doc._.clauses"], assigns=["doc.spans"])
def make_hate_component(nlp: Language, name: str) -> AccountFindingsComponent:
    """spaCy factory: hate-motivation markers into ``doc.spans["hate"]``."""
    return AccountFindingsComponent(KEY, find_hate_markers)
