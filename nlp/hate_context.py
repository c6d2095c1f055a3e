"""Hate markers that need more than one clause, and slurs split or slipped past the lexicon.

Three helpers of :mod:`nlp.hate`, with their data in ``nlp/patterns/hate_families.json``:

- **The target carried from one clause to the next.** "I'm Polish. He says we are all thieves",
  "he found out we're gay and said people like us make him sick", "he shouted 'your kind aren't
  welcome' at my wife in her hijab": the attack names no group, only the victim ("people like me",
  "your kind", "you lot", "he says I'm ..."); the group comes from the victim's own words in the
  same sentence or the one before ("I'm Polish", "my son, who is autistic", "in her hijab"). Only
  the victim's identity counts: a word about the culprit ("the lads next door are Polish") is not a
  cue.
- **Condemning a hateful phrase** ("anyone who says ... is a bigot", "there's no place for ...",
  "saying '...' is disgusting"): the phrase is quoted, not said to the victim.
- **Split and slipped slurs**: a word the writer broke with a space ("wo rd") or a plural of a
  keyboard slip, resolved against the slur list only (long terms, never an ambiguous one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc

from nlp.clauses import Cut, Segmentation, segment_text, segmentation
from nlp.lexicon import (
    ObfuscationLexicon,
    Sentence,
    Token,
    alternation,
    compile_all,
    load_data,
    sentences,
)
from nlp.pipeline import TextFindingsComponent, doc_text, set_findings
from trigger.vocabulary import HateStrand

# ``doc.user_data`` key: the whole account a part belongs to (a chat's messages joined), so that an
# identity told in one message ("I'm pregnant") is read with an attack in another.
ACCOUNT = "trigger_hate_account"

# "he never said people like me ...", "nobody calls us ...": the attack did not happen.
_NEGATED = re.compile(
    r"(?:never|didn't|did not|doesn't|does not|don't|do not|wouldn't|won't|nobody|no one"
    r"|not once|hasn't|haven't)(?: [^ ]+){0,3} $"
)
# A culprit's own words about themselves ("he says he's ...") are not said about the victim.
_REPORTED_SELF = re.compile(
    r"\b(?:he|she|they) (?:says?|said|tells?|told)(?: [^ ]+)? (?:he|she|they)"
)


# A cue that is also a title before a name ("Ms Osei"): a cue only when no name follows it.
_TITLES = frozenset({"ms"})
_TITLE_ALONE = re.compile(r"(?: [,.;:!?\"')]| and | so | which | too |$)")

# Cue words that name an identity only when they end the phrase or a person follows (read so when
# the cue is far from the attack).
_WEAK_FAR = frozenset(
    "white black brown old young older elderly bent mental condition frame limp bi skin colour"
    " color accent expecting nursing bump married marriage english irish welsh scottish".split()
)
_NAMES_A_PERSON = re.compile(
    r"(?: [,.;:!?\"')]|$| and | so | too | myself | ourselves"
    r"| (?:man|woman|men|women|person|people|family|families|lad|girl|boy|lady|bloke|guy"
    r"|couple|mum|mother|dad|father|son|daughter|kids|children|household)\b)"
)

# Cues this close to the nearest one name the same person ("a black woman", "my disabled son").
_SAME_PHRASE = 8


@dataclass(frozen=True)
class Carried:
    """A marker found in canonical offsets of one sentence."""

    strand: HateStrand
    sentence: int
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Context:
    phrases: tuple[tuple[str, str, str, bool], ...]  # strand, name, pattern, needs context
    templates: Mapping[str, str]
    group_templates: frozenset[str]
    condemning: re.Pattern[str]
    condemned_after: re.Pattern[str]
    condemning_quote: re.Pattern[str]
    reference: re.Pattern[str]
    spoken: re.Pattern[str]
    cues: Mapping[HateStrand, re.Pattern[str]]
    cue_terms: Mapping[HateStrand, tuple[str, ...]]
    victim_from: re.Pattern[str]
    victim_age: re.Pattern[str]
    named_before: re.Pattern[str]


def families() -> dict[str, object]:
    """The raw families file (phrases and templates go into :mod:`nlp.hate`'s rule list)."""
    return load_data("hate_families.json")


@cache
def _cached(macros_key: tuple[tuple[str, str], ...]) -> Context:
    data = load_data("hate_families.json")
    macros = dict(macros_key)
    identity: dict[str, dict[str, list[str]]] = load_data("hate.json")["identity"]
    attack = "(?:" + compile_all([data["reference_attack"]], macros).pattern + ")"
    reference = compile_all(
        [
            f"(?:{data['reference']})(?: [\"'])?(?: [^ .;:!?]+){{0,4}}? {attack}",
            data["reference_before"],
        ],
        macros,
    )
    spoken = compile_all(
        [data["spoken_attack"]], {**macros, "SPOKEN_PRED": alternation(data["spoken_predicates"])}
    )
    cues: dict[HateStrand, re.Pattern[str]] = {}
    cue_terms: dict[HateStrand, tuple[str, ...]] = {}
    for name, entry in identity.items():
        singular = [g[:-1] for g in entry["groups"] if " " not in g and g.endswith("s")]
        words = entry["groups"] + entry["adjectives"] + entry["motivation"] + singular
        cue_macros = {"CUE": alternation(words)}
        cues[HateStrand(name)] = compile_all([data["victim_cue"]], cue_macros)
        cue_terms[HateStrand(name)] = tuple(
            sorted({w.lower() for w in words}, key=len, reverse=True)
        )
    return Context(
        phrases=tuple(
            (p["strand"], p["name"], p["pattern"], bool(p.get("context", False)))
            for p in data["phrases"]
        ),
        templates=data["templates"],
        group_templates=frozenset(data["group_templates"]),
        condemning=compile_all(data["condemning"], {}),
        condemned_after=compile_all([data["condemned_after"]], {}),
        condemning_quote=re.compile(data["condemning_quote"]),
        reference=reference,
        spoken=spoken,
        cues=cues,
        cue_terms=cue_terms,
        victim_from=compile_all([data["victim_from"]], {}),
        victim_age=compile_all([data["victim_age"]], {}),
        # "old people like me are ...": the group is named, the group rules speak for it
        named_before=re.compile(
            r"(?<![\w'-])"
            + alternation(a for e in identity.values() for a in e["adjectives"])
            + " $"
        ),
    )


def context(macros: Mapping[str, str]) -> Context:
    """The compiled families, built once for the macros :mod:`nlp.hate` expands with."""
    return _cached(tuple(sorted(macros.items())))


def condemned(ctx: Context, canon: str, cstart: int, cend: int) -> bool:
    """True when the words at ``[cstart, cend)`` are quoted to condemn or answer them."""
    before = canon[:cstart]
    for match in ctx.condemning.finditer(before):
        between = before[match.end() :]
        if not re.search(r"\b(?:he|she|they|someone) (?:said|says|shouted|called|told)\b", between):
            return True
    after = canon[cend : cend + 60]
    if re.match(r"^(?: [^ ]+){0,2}? (?:is|are|was) ", after) and ctx.condemned_after.search(after):
        # "saying '...' is disgusting", "... teaches that calling people '...' is bullying"
        return bool(ctx.condemning_quote.search(before[-40:]))
    return False


def carried(
    ctx: Context,
    sents: Sequence[Sentence],
    shown: frozenset[HateStrand] = frozenset(),
    account: Sequence[Sentence] = (),
) -> list[Carried]:
    """Attacks on "people like me" / "your kind" / "he says we're ..." given the strand the victim's
    own words name, in the same sentence or the one before, else the nearest the account names
    anywhere ("my wife wears a headscarf" ... "when are your lot going to ..."), else the one strand
    of the other hostility the account shows (``shown``: ape noises at the children, then "your
    kind aren't wanted"). ``account`` are the sentences of the rest of the account (a chat's other
    messages), read after the part's own."""
    out: list[Carried] = []
    for index, sentence in enumerate(sents):
        canon = sentence.canon
        for rule, pattern in (("reference carried", ctx.reference), ("spoken carried", ctx.spoken)):
            for match in pattern.finditer(canon):
                before = canon[: match.start()]
                if _NEGATED.search(before) or _REPORTED_SELF.search(match.group(0)):
                    continue
                if ctx.named_before.search(before[-30:]):
                    continue
                if condemned(ctx, canon, match.start(), match.end()):
                    continue
                strands = _victim_strands(ctx, sents, index, match.start())
                if not strands:
                    told = _told_elsewhere(ctx, sents, index) | _told_elsewhere(ctx, account, -2)
                    strands = told if len(told) == 1 else set()
                    if not told and len(shown) == 1:
                        strands = set(shown)
                for strand in strands:
                    out.append(Carried(strand, index, match.start(), match.end(), rule))
    return out


def _told_elsewhere(ctx: Context, sents: Sequence[Sentence], index: int) -> set[HateStrand]:
    """The strands of the victim's identity told in the account's other sentences (used when they
    are one only: "I'm 79" and "my walking stick" name two, and the attack's own words must
    choose)."""
    found: set[HateStrand] = set()
    for other, sentence in enumerate(sents):
        if other in (index, index - 1):
            continue  # read already, nearest first
        canon = sentence.canon
        found |= _strands_in([(canon, len(canon))], ctx, strict=True)
    return found


def _victim_strands(
    ctx: Context, sents: Sequence[Sentence], index: int, position: int
) -> set[HateStrand]:
    """The strands of the victim's identity nearest to ``position`` in sentence ``index`` (its own
    text first, then the sentence before); both strands of "a black woman" when the attack is on
    "my sort"."""
    windows = [(sents[index].canon, position)]
    if index > 0:
        windows.append((sents[index - 1].canon, len(sents[index - 1].canon) + position + 1))
    return _strands_in(windows, ctx, strict=True)


def _strands_in(
    windows: list[tuple[str, int]], ctx: Context, strict: bool = False
) -> set[HateStrand]:
    """The strands of the identity cues nearest each window's anchor (the first window with any).

    ``strict`` (a cue far from the attack): a word that is also a colour, an age or a state ("our
    wall in white paint", "old", "expecting a parcel") is a cue only when it ends its phrase or
    names a person ("I'm black", "we're a black family")."""
    for canon, anchor in windows:
        # (distance, start of the identity words, end, strand)
        found: list[tuple[int, int, int, HateStrand]] = []
        for strand, cue in ctx.cues.items():
            for m in cue.finditer(canon):
                said = m.group(0)
                term = next((t for t in ctx.cue_terms[strand] if said.endswith(t)), said)
                if term in _TITLES and not _TITLE_ALONE.match(canon, m.end()):
                    continue  # "I'm Ms Osei's housing officer": a title, not a condition
                if strict and term in _WEAK_FAR and not _NAMES_A_PERSON.match(canon, m.end()):
                    continue
                found.append((abs(anchor - m.end()), m.end() - len(term), m.end(), strand))
        for pattern, named in (
            (ctx.victim_from, HateStrand.RACE),
            (ctx.victim_age, HateStrand.AGE),
        ):
            found += [
                (abs(anchor - m.end()), m.start(), m.end(), named) for m in pattern.finditer(canon)
            ]
        if found:
            nearest = min(f[0] for f in found)
            close = [f for f in found if f[0] <= nearest + _SAME_PHRASE]
            # "a trans woman" names one strand, not the "woman" inside it as well
            return {
                f[3]
                for f in close
                if not any(
                    o[3] != f[3] and o[1] <= f[1] and f[2] <= o[2] and (o[1], o[2]) != (f[1], f[2])
                    for o in close
                )
            }
    return set()


def repair(
    sentence: Sentence,
    lexicon: ObfuscationLexicon,
    slurs: Mapping[str, HateStrand],
    plain: frozenset[str],
) -> Sentence:
    """``sentence`` with split slurs joined ("wo rd") and plurals of slipped slurs resolved.

    ``plain`` are the ambiguous terms, never joined. Only long terms (six letters or more) join:
    two short everyday words rarely spell one of them."""
    tokens = list(sentence.tokens)
    changed = False
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            nxt is not None
            and len(token.text) + len(nxt.text) >= 6  # first: the cheapest test
            and token.text.isalpha()
            and nxt.text.isalpha()
        ):
            joined = _as_slur(token.text + nxt.text, lexicon, slurs, plain)
            if joined is not None:
                out.append(Token(joined, token.start, nxt.end))
                index += 2
                changed = True
                continue
        stem = token.text[:-1]
        if token.text.endswith("s") and len(stem) >= 6 and stem not in slurs:
            single = _as_slur(stem, lexicon, slurs, plain)
            if single is not None:  # "goliwogs": the plural of a keyboard slip
                out.append(Token(single + "s", token.start, token.end))
                index += 1
                changed = True
                continue
        out.append(token)
        index += 1
    if not changed:
        return sentence
    starts: list[int] = []
    pos = 0
    for token in out:
        starts.append(pos)
        pos += len(token.text) + 1
    canon = " ".join(t.text for t in out)
    return Sentence(sentence.start, sentence.end, tuple(out), canon, tuple(starts))


def _as_slur(
    word: str, lexicon: ObfuscationLexicon, slurs: Mapping[str, HateStrand], plain: frozenset[str]
) -> str | None:
    resolved = word if word in slurs else lexicon.resolve_cached(word)
    if resolved is None:
        return None
    base = resolved if resolved in slurs else resolved.rstrip("s")
    if base not in slurs or base in plain or len(base) < 6:
        return None
    return resolved


# Misgendering needs the victim's own gender: "sir" said to a trans woman misgenders her, to a
# trans man it does not. The words a misgendering match uses, by the gender they give.
_MASCULINE = frozenset("sir mister man bloke boy lad geezer he him".split())
_FEMININE = frozenset("madam miss lady woman girl lass she her".split())
_TRANS_WOMAN = re.compile(r"\btrans(?:gender)?[ -]?(?:woman|women|girl|female|lady)\b|\bmtf\b")
_TRANS_MAN = re.compile(r"\btrans(?:gender)?[ -]?(?:man|men|guy|boy|male|lad)\b|\bftm\b")


def affirms_gender(said: str, account: str) -> bool:
    """Whether the gendered words of a misgendering match (``said``) are the victim's own gender,
    as the account (lower-cased) gives it: then they are not misgendering."""
    words = set(re.findall(r"[a-z]+", said.lower()))
    if words & {"it", "thing", "shim"}:
        return False  # a person called "it" or "that thing" is denied any gender
    woman = _TRANS_WOMAN.search(account) is not None
    man = _TRANS_MAN.search(account) is not None
    if woman == man:
        return False  # the victim's gender is not said (or both are): the words decide nothing
    own = _FEMININE if woman else _MASCULINE
    other = _MASCULINE if woman else _FEMININE
    return bool(words & own) and not words & other


def account_sentences(account: str | None, lexicon: ObfuscationLexicon) -> list[Sentence]:
    """The sentences of the account a part belongs to (none when there is no other part)."""
    if account is None:
        return []
    return sentences(account, segment_text(account).bounds(Cut.TEXT_SENTENCE), lexicon)


class AccountFindingsComponent(TextFindingsComponent):
    """The hate component: ``find(text, cuts, account)`` with the account the doc is part of
    (``doc.user_data[ACCOUNT]``, set for a chat of several messages)."""

    def __init__(
        self, key: str, find: Callable[[str, Segmentation | None, str | None], list[Any]]
    ) -> None:
        super().__init__(key, lambda text, cuts: find(text, cuts, None))
        self.find_in_account = find

    def __call__(self, doc: Doc) -> Doc:
        account: str | None = doc.user_data.get(ACCOUNT)
        found = self.find_in_account(doc_text(doc), segmentation(doc), account)
        set_findings(doc, self.key, found)
        return doc
