"""The date Matcher, built once per vocabulary from ``nlp/patterns/dates.jsonl`` and the lexicon.

The Matcher's cost grows with patterns x tokens, so multi-token lexicon entries are joined into
one word before matching (one Matcher pattern per line of dates.jsonl; see
:func:`nlp.dates.windows.merged_words`), word classes are lexeme flags
(:class:`nlp.dates.lexicon.TokenClasses`), and the Matcher only runs near :attr:`Rules.anchors`.
The Matcher is :class:`nlp.word_matcher.WordMatcher`, which answers as spaCy's would.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nlp.dates.lexicon import PATTERNS_DIR, Lexicon, Phrase, TokenClasses, expand, load_lexicon
from nlp.dates.resolvers import RESOLVERS
from nlp.word_matcher import WordMatcher

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rules:
    """The date Matcher and what goes with it, for one vocabulary."""

    matcher: WordMatcher  # spaCy's Matcher's answers, faster (nlp.word_matcher)
    patterns: tuple[tuple[str, list[dict[Any, Any]]], ...]  # (label, token specs), for tests
    phrases: dict[str, list[Phrase]]  # multi-token lexicon entries by first word, longest first
    priority: dict[str, int]  # when two rules match the same tokens, the one listed first wins
    lexicon: Lexicon
    anchors: frozenset[str]  # words (merged phrases included) one of which every match contains


# Lexicon tables whose words never make a date phrase on their own ("a", "morning", "since").
_NOT_ANCHOR_TABLES = frozenset({"count", "since", "part_of_day", "month_part"})


@lru_cache(maxsize=8)
def rules_for(vocab_id: int, vocab: Any, tokenizer: Any) -> Rules:
    """The :class:`Rules` for a pipeline's vocabulary and tokenizer (built once; ``vocab_id``
    is ``id(vocab)``, the cache key)."""

    def tokenize(phrase: str) -> Phrase:
        return tuple(t.lower_ for t in tokenizer(phrase.lower()))

    lexicon = load_lexicon(tokenize)
    classes = TokenClasses(vocab)
    matcher = WordMatcher(vocab.lex_attr_getters)  # the flags' own tests
    patterns: list[tuple[str, list[dict[Any, Any]]]] = []
    priority: dict[str, int] = {}
    lines = (PATTERNS_DIR / "dates.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    # Flags are few (64 bits per word, shared with spaCy): give them first to the tokens a
    # pattern can start with, which the Matcher tests at every token of every text.
    for entry in entries:
        for position, spec in enumerate(entry["pattern"]):
            expand([spec], lexicon, classes)
            if "OP" not in spec or position > 2:
                break
    for entry in entries:
        label = entry["label"]
        if label not in RESOLVERS:
            raise ValueError(f"dates.jsonl: no resolver for label {label!r}")
        patterns.append((label, expand(entry["pattern"], lexicon, classes)))
        matcher.add(*patterns[-1])
        priority.setdefault(label, len(priority))
    phrases: dict[str, list[Phrase]] = {}
    for table in lexicon.tables.values():
        for phrase in table:
            if len(phrase) > 1 and phrase not in phrases.get(phrase[0], []):
                phrases.setdefault(phrase[0], []).append(phrase)
    for candidates in phrases.values():
        candidates.sort(key=len, reverse=True)
    logger.debug("date flags: %d used, %d fell back", *classes.flag_counts())
    anchors = {"week", "wk", "month", "year", "yr"}  # the literal nouns of dates.jsonl
    for name, keys in lexicon.raw_keys.items():
        if name not in _NOT_ANCHOR_TABLES:
            anchors.update(" ".join(k.split()) for k in keys)
    return Rules(matcher, tuple(patterns), phrases, priority, lexicon, frozenset(anchors))
