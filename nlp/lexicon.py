"""Shared text normalisation and pattern helpers for the hate, risk, exclusion, party recognisers.

Our recognisers match regular expressions (kept as data in ``nlp/patterns/*.json``) against a
*canonical* form of each sentence: tokens lowercased, curly quotes straightened, obfuscation
undone (asterisks for hidden letters, digits and symbols for letters, stretched letters, dotted
or spaced-out letters, one slip of the keyboard) and joined by single spaces. Every canonical
token remembers its offsets in the original text, so a match maps back to the words the console
highlights.

Nothing here is compiled at import time: data files are read and regexes compiled on first use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

# Digits and symbols people use for letters when they dodge filters ("h4te", "d1sgusting").
_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t"}
)
_LEET_CHARS = frozenset("4@31!05$7")
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'", "`": "'"}
)
_TOKEN = re.compile(
    r"[\w*@$]+(?:['\u2019.\-!][\w*@$]+)*"  # words, with inner apostrophes, dots, hyphens
    r"|[\"\u201c\u201d]|(?<![\w*])['\u2018\u2019]|['\u2018\u2019](?![\w*])"  # quotation marks
    r"|[,;:()?!]"  # clause punctuation, kept so patterns can stop at it
)
_RUN3 = re.compile(r"(.)\1{2,}")


class Token(NamedTuple):
    """One canonical token and where it came from in the original text (a named tuple: one is
    built for every word of every sentence, and a frozen dataclass cost three times as much)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence as canonical text (tokens joined by single spaces) with an offset map back."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    canon: str
    token_starts: tuple[int, ...]  # canonical offset where each token starts

    def original_span(self, cstart: int, cend: int) -> tuple[int, int]:
        """Original-text offsets of the tokens that canonical offsets [cstart, cend) touch."""
        first = last = None
        for index, cpos in enumerate(self.token_starts):
            token = self.tokens[index]
            cpos_end = cpos + len(token.text)
            if cpos_end > cstart and first is None:
                first = index
            if cpos < cend:
                last = index
        if first is None or last is None or last < first:
            return self.start, self.start
        return self.tokens[first].start, self.tokens[last].end


@cache
def load_data(name: str) -> dict[str, Any]:
    """Load one of our packaged pattern files (``nlp/patterns/<name>``), dropping ``_purpose``."""
    raw = resources.files("nlp.patterns").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a JSON object")
    return {key: value for key, value in data.items() if not key.startswith("_")}


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, whitespace matching one space."""
    unique = sorted({p.lower().strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", " ") for p in unique) + ")"


def expand(template: str, macros: Mapping[str, str]) -> str:
    """Replace ``{NAME}`` in a regex template with ``macros[NAME]`` (other braces stay)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return macros[name] if name in macros else match.group(0)

    return re.sub(r"\{([A-Z_]+)\}", replace, template)


# --- obfuscation -------------------------------------------------------------------------------


# The most tokens an :class:`ObfuscationLexicon` remembers the resolution of.
_MEMO_SIZE = 50_000


class ObfuscationLexicon:
    """Resolves obfuscated spellings of a closed set of words (slurs, insults, hostile words).

    A token resolves to a lexicon word when it matches exactly after leet decoding, when its
    asterisks can stand for the word's hidden letters (same length, first letter shown, at least
    two letters shown), when squeezing an elongated run ("haaaate") gives the word's squeezed
    form, or a dotted/spaced spelling joins into it.
    """

    def __init__(
        self,
        words: Iterable[str],
        fuzzy: Iterable[str] = (),
        stoplist: Iterable[str] = (),
        spoken: Mapping[str, str] | None = None,
        ing_words: Iterable[str] = (),
    ) -> None:
        self.words = frozenset(w.lower() for w in words if " " not in w)
        # Text-speak spellings ("woz", "kno") and the dropped g of "-ing" words ("shoutin",
        # "callin"): read as the words they spell, so the patterns see "shouting", "calling".
        self._spoken = {k.lower(): v.lower() for k, v in (spoken or {}).items()}
        self._ing = frozenset(w.lower() for w in ing_words if w.endswith("ing") and len(w) >= 6)
        # One slip of the keyboard ("haet", "disgsting"): adjacent letters swapped or one letter
        # dropped, never the first letter, only for ``fuzzy`` words long enough not to collide.
        self._slips: dict[str, str] = {}
        stop = frozenset(stoplist)  # real words one slip away from a listed one
        for word in fuzzy:
            for slip in _slips(word.lower()):
                if slip not in self.words and slip not in stop:
                    self._slips.setdefault(slip, word.lower())
        self._by_len_first: dict[tuple[int, str], list[str]] = {}
        self._squeezed: dict[str, str] = {}
        for word in self.words:
            for form in _inflections(word):
                self._by_len_first.setdefault((len(form), form[0]), []).append(form)
            self._squeezed.setdefault(_squeeze(word), word)
        self._memo: dict[str, str | None] = {}

    def resolve_cached(self, token: str) -> str | None:
        """:meth:`resolve`, remembered per token (the words of a text repeat; a few tens of
        thousands are kept)."""
        memo = self._memo
        if token in memo:
            return memo[token]
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[token] = self.resolve(token)
        return found

    def resolve(self, token: str) -> str | None:
        """The lexicon word (or inflected form) ``token`` spells, or None."""
        if token in self.words:
            return token
        if token in self._spoken:
            return self._spoken[token]
        if token.endswith("in") and token + "g" in self._ing:
            return token + "g"
        if "*" in token:
            return self._wildcard(token)
        if token in self._slips:
            return self._slips[token]
        if _RUN3.search(token):
            squeezed = _squeeze(token)
            for stem, suffix in _stems(squeezed):
                if stem in self._squeezed:
                    return self._squeezed[stem] + suffix
        return None

    def _wildcard(self, token: str) -> str | None:
        shown = sum(1 for ch in token if ch != "*")
        if shown < 2 or token[0] == "*" or shown < len(token) / 3:
            return None
        pattern = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
        hits = [
            form
            for form in self._by_len_first.get((len(token), token[0]), [])
            if pattern.fullmatch(form)
        ]
        return (
            hits[0] if len(hits) == 1 else (sorted(hits)[0] if hits and _same_stem(hits) else None)
        )


def _slips(word: str) -> set[str]:
    out: set[str] = set()
    if " " in word or len(word) < 4:
        return out
    for i in range(1, len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word:
            out.add(swapped)
    if len(word) >= 6:
        for i in range(1, len(word)):
            out.add(word[:i] + word[i + 1 :])
    return out


def _inflections(word: str) -> tuple[str, ...]:
    return (word, word + "s", word + "es", word + "'s")


def _stems(word: str) -> tuple[tuple[str, str], ...]:
    return ((word, ""), (word[:-1], "s") if word.endswith("s") else (word, ""))


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _same_stem(forms: list[str]) -> bool:
    return len({f.rstrip("s'e") for f in forms}) == 1


_LEET_CHAR = re.compile(r"[43105$7@!]")
_LETTER = re.compile(r"[^\W\d_]")
_DOTTED = re.compile(r"(?:[a-z*]\.){2,}[a-z*]\.?")
# Times, references, ordinals and postcodes keep their digits ("9pm", "12th", "ts24", "3b").
_NUMERIC = re.compile(r"\d+(?:st|nd|rd|th|am|pm|s|k|m|ish)?|[a-z]{1,2}\d[\da-z]?|\d+[a-z]\d*")


@lru_cache(maxsize=65536)
def _canonical_word(raw: str) -> str:
    word = raw.translate(_QUOTES).lower()
    if _LEET_CHAR.search(word) and _LETTER.search(word) and not _NUMERIC.fullmatch(word):
        word = word.translate(_LEET)
    if "." in word and _DOTTED.fullmatch(word):  # n.i.g.g.e.r
        word = word.replace(".", "")
    return word.rstrip(".")


def sentences(
    text: str, bounds: Sequence[tuple[int, int]], lexicon: ObfuscationLexicon | None = None
) -> list[Sentence]:
    """The canonical sentences of ``text`` cut at ``bounds`` (the ``text_sentence`` cuts of
    :mod:`nlp.clauses`); stretches with no token are left out. Cached: several recognisers read
    the same text."""
    return list(_sentences(text, tuple(bounds), lexicon))


@lru_cache(maxsize=256)
def _sentences(
    text: str, bounds: tuple[tuple[int, int], ...], lexicon: ObfuscationLexicon | None
) -> tuple[Sentence, ...]:
    """Canonicalise each stretch of ``text`` (see the module docstring).

    With a ``lexicon``, the plain sentences (cached: the risk, exclusion and party recognisers
    read them too) are resolved against it, not tokenized again."""
    if lexicon is None:
        result: list[Sentence] = []
        for start, end in bounds:
            _append_sentence(result, text, start, end)
        return tuple(result)
    return tuple(_resolved(s, lexicon) for s in _sentences(text, bounds, None))


# ``Token(text, start, end)`` without the named tuple's Python-level ``__new__`` (one is built
# for every word of every text): the same tuple of the same class.
_new_tuple = tuple.__new__


def _append_sentence(result: list[Sentence], text: str, start: int, end: int) -> None:
    canonical, new = _canonical_word, _new_tuple
    tokens = tuple(
        [new(Token, (canonical(m.group()), *m.span())) for m in _TOKEN.finditer(text, start, end)]
    )
    if tokens:
        result.append(_sentence(tokens))


def _sentence(tokens: tuple[Token, ...]) -> Sentence:
    words = [t.text for t in tokens]
    starts: list[int] = []
    pos = 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    canon = " ".join(words)
    return Sentence(tokens[0].start, tokens[-1].end, tokens, canon, tuple(starts))


# Three one-character tokens in a row in a canonical sentence (tokens hold no spaces and are
# joined by one): where there are none, no run of spaced-out letters can be joined.
_SPACED_RUN = re.compile(r"(?<!\S)\S \S \S(?!\S)")


def _resolved(sentence: Sentence, lexicon: ObfuscationLexicon) -> Sentence:
    """A plain sentence with spaced-out letters joined and obfuscated words resolved."""
    resolve = lexicon.resolve_cached
    tokens: list[Token] = []
    changed = False
    own: Sequence[Token] = sentence.tokens
    if _SPACED_RUN.search(sentence.canon) is not None:
        own = _join_spaced_letters(list(own), lexicon)
    for token in own:
        word = resolve(token.text) or token.text
        if word != token.text:
            token = Token(word, token.start, token.end)
            changed = True
        tokens.append(token)
    if not changed and len(tokens) == len(sentence.tokens):
        return sentence  # nothing to resolve: the same sentence
    return _sentence(tuple(tokens))


def _join_spaced_letters(tokens: list[Token], lexicon: ObfuscationLexicon | None) -> list[Token]:
    """Join "f a g g o t"-style runs of single letters when the joined word is a lexicon word."""
    if lexicon is None:
        return tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        run_end = index
        while (
            run_end < len(tokens)
            and len(tokens[run_end].text) == 1
            and (tokens[run_end].text.isalpha() or tokens[run_end].text in _LEET_CHARS)
        ):
            run_end += 1
        letters = sum(t.text.isalpha() for t in tokens[index:run_end])
        if run_end - index >= 3 and letters >= 2:  # "F A G G 0 T"; never a run of digits
            joined = "".join(t.text for t in tokens[index:run_end]).translate(_LEET)
            resolved = lexicon.resolve(joined)
            if resolved is not None:
                out.append(Token(resolved, tokens[index].start, tokens[run_end - 1].end))
                index = run_end
                continue
        out.append(tokens[index])
        index += 1
    return out


@lru_cache(maxsize=4096)
def ngrams(canon: str, longest: int = 6) -> frozenset[str]:
    """Every run of 1..``longest`` tokens of a canonical sentence, for fast vocabulary checks."""
    words = canon.split(" ")
    out = set(words)
    for size in range(2, min(longest, len(words)) + 1):  # the runs of ``size`` words, zipped
        out.update(map(" ".join, zip(*[words[i:] for i in range(size)], strict=False)))
    return frozenset(out)


def vocabulary(phrases: Iterable[str]) -> frozenset[str]:
    """Phrases as :func:`ngrams` spells them (lowercase, single spaces)."""
    return frozenset(" ".join(p.lower().split()) for p in phrases if p.strip())


def finditer(
    pattern: re.Pattern[str], sentence: Sentence
) -> Iterable[tuple[re.Match[str], int, int]]:
    """Matches of ``pattern`` in a sentence's canonical text, with their original offsets."""
    for match in pattern.finditer(sentence.canon):
        start, end = sentence.original_span(match.start(), match.end())
        yield match, start, end


def compile_all(templates: Iterable[str], macros: Mapping[str, str]) -> re.Pattern[str]:
    """One compiled regex matching any of the (macro-expanded) templates, on word boundaries."""
    return re.compile(source_all(templates, macros))


def source_all(templates: Iterable[str], macros: Mapping[str, str]) -> str:
    """The source of :func:`compile_all`'s regex, for a caller that compiles it when first used."""
    body = "|".join(f"(?:{expand(t, macros)})" for t in templates)
    return rf"(?<![\w*'-])(?:{body})(?![\w*-])"
