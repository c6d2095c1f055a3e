"""Words a regex cannot match without: a cheap, exact test before a costly search.

:func:`required_strings` reads a regex's source and returns strings one of which every match of
it contains (the literal text it must spell out: "called me" in ``(?:he|she) called me``, or
"muslim" / "jew" when a branch needs one or the other), or ``None`` when it cannot say. A text
that contains none of them cannot match, so ``any(s in text for s in strings)`` rules a sentence
out before the regex runs; the result is the same as running it. Case-insensitive parts are never
taken (the test is case-sensitive), nor anything inside a lookaround.

A quicker test comes first when the caller passes the text's :func:`grams` (its runs of three
characters, computed once per sentence for every rule): each required string is at least three
characters long and cannot be in a text that lacks one of its own runs of three, so a text holding
none of the strings' rarest runs (:func:`needed_index`) is ruled out without a search, and only
the strings whose run it holds are looked for. The answer is exactly the search's.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

# The stdlib's regex parser (``re._parser``; ``sre_parse`` is its deprecated alias).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Strings shorter than this are in nearly every sentence: not worth a test.
_SHORTEST = 3
# A set of more strings than this costs about what the search saves.
_MOST = 80

_Strings = frozenset[str] | None


@cache
def required_strings(source: str) -> frozenset[str] | None:
    """Strings one of which every match of ``source`` contains, or ``None`` (no useful test).
    Read once per source (parsing a long regex takes milliseconds)."""
    try:
        parsed = _parser.parse(source, 0)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _sequence(parsed)
    if found is None or not found or min(map(len, found)) < _SHORTEST or len(found) > _MOST:
        return None
    return found


@cache
def needed_pattern(source: str) -> re.Pattern[str] | None:
    """A regex that finds any of :func:`required_strings` (one search, not one per string), or
    ``None`` when there are none: where it finds nothing, ``source`` cannot match. Built once
    per source, when first asked for."""
    strings = required_strings(source)
    if strings is None:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True)))


# English letters, commonest first: a run of three with rarer letters rules out more texts.
_COMMON_FIRST = " etaoinshrdlcumwfgypbvkjxqz"


def _rarity(gram: str) -> int:
    return sum(_COMMON_FIRST.find(ch) % len(_COMMON_FIRST) for ch in gram)


# A few dozen: the hate, risk, exclusion and party rules read the same sentences in turn, one
# message at a time.
@lru_cache(maxsize=64)
def grams(text: str) -> frozenset[str]:
    """Every run of three characters of ``text``, for the tests below."""
    return frozenset({text[i : i + 3] for i in range(len(text) - 2)})


# The strings by their rarest run of three, and those runs as a set (the quick test).
_Index = tuple[dict[str, tuple[str, ...]], frozenset[str]]


@cache
def needed_index(source: str) -> _Index | None:
    """:func:`required_strings` by their rarest run of three characters (a text without any of
    these runs holds none of the strings), or ``None`` (no such test)."""
    strings = required_strings(source)
    if strings is None or min(map(len, strings)) < 3:
        return None
    index: dict[str, list[str]] = {}
    for string in sorted(strings):
        key = max((string[i : i + 3] for i in range(len(string) - 2)), key=_rarity)
        index.setdefault(key, []).append(string)
    return {key: tuple(found) for key, found in index.items()}, frozenset(index)


def _holds_one(index: _Index, text: str, text_grams: frozenset[str]) -> bool:
    """Whether ``text`` contains one of the strings of ``index`` (the same answer as searching
    for all of them: a string is looked for only where its run of three is in the text)."""
    by_key, keys = index
    if text_grams.isdisjoint(keys):
        return False
    for key in text_grams & keys:
        for string in by_key[key]:
            if string in text:
                return True
    return False


def may_match_source(source: str, text: str, text_grams: frozenset[str] | None = None) -> bool:
    """False when ``text`` holds no string every match of the regex ``source`` needs."""
    if text_grams is not None:
        index = needed_index(source)
        if index is not None:
            return _holds_one(index, text, text_grams)
    needed = needed_pattern(source)
    return needed is None or needed.search(text) is not None


# Per regex (by identity, the regex kept beside its tests so a reused id is never mistaken): its
# :func:`needed_index` and :func:`needed_pattern`, ``None`` when it has none. Looked up on every
# call: the flag test alone (``RegexFlag`` arithmetic) cost more than most searches, and a
# ``re.Pattern`` is a costly dict key (its hash reads the whole compiled program, each time).
_TESTS: dict[int, tuple[re.Pattern[str], _Index | None, re.Pattern[str] | None]] = {}


def may_match(
    pattern: re.Pattern[str], text: str, text_grams: frozenset[str] | None = None
) -> bool:
    """False when ``text`` holds no string every match of ``pattern`` needs (so no match).
    ``text_grams``, the text's :func:`grams`, allow the quicker test."""
    entry = _TESTS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if pattern.flags & re.IGNORECASE:
            entry = (pattern, None, None)
        else:
            entry = (pattern, needed_index(pattern.pattern), needed_pattern(pattern.pattern))
        _TESTS[id(pattern)] = entry
    _pattern, index, needed = entry
    if text_grams is not None and index is not None:
        return _holds_one(index, text, text_grams)
    return needed is None or needed.search(text) is not None


def contains_any(text: str, strings: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``strings``."""
    return any(s in text for s in strings)


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Strings:
    """The best requirement of a sequence: its longest literal run or one item's requirement."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _c.LITERAL:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _item(op, value)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run)}))
    if not candidates:
        return None
    return max(candidates, key=_quality)


def _quality(strings: frozenset[str]) -> tuple[int, int]:
    """Prefer strings long enough to be rare, then fewer of them."""
    return (min(min(map(len, strings)), 6), -len(strings))


def _item(op: Any, value: Any) -> _Strings:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = value
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(pattern)
    if op is _c.ATOMIC_GROUP:
        return _sequence(value)
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in value[1]:
            found = _sequence(alternative)
            if not found:
                return None
            union |= found
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, pattern = value
        return _sequence(pattern) if low >= 1 else None
    return None  # a class, a wildcard, an anchor, a lookaround: no literal text


class SourceFilter:
    """:func:`may_match_source` for many regex sources at once: one test of a text answers for
    all of them (the hate recogniser's few hundred rules, sentence by sentence), where asking
    source by source repeats the same set arithmetic for each. Exactly the same answers."""

    def __init__(self, sources: Iterable[str]) -> None:
        by_key: dict[str, dict[str, list[str]]] = {}
        always: set[str] = set()
        searched: list[tuple[str, re.Pattern[str]]] = []
        for source in dict.fromkeys(sources):
            index = needed_index(source)
            if index is not None:
                for key, strings in index[0].items():
                    for string in strings:
                        by_key.setdefault(key, {}).setdefault(string, []).append(source)
                continue
            needed = needed_pattern(source)
            if needed is None:
                always.add(source)
            else:
                searched.append((source, needed))
        self._always = frozenset(always)
        self._searched = tuple(searched)
        self._by_key = {
            key: tuple((string, tuple(found)) for string, found in strings.items())
            for key, strings in by_key.items()
        }
        self._keys = frozenset(self._by_key)

    def passing(self, text: str, text_grams: frozenset[str]) -> set[str]:
        """The sources :func:`may_match_source` would not rule out for ``text`` (whose
        :func:`grams` are ``text_grams``)."""
        found = set(self._always)
        for source, needed in self._searched:
            if needed.search(text) is not None:
                found.add(source)
        by_key = self._by_key
        for key in text_grams & self._keys:
            for string, sources in by_key[key]:
                if string in text:
                    found.update(sources)
        return found


class PatternFilter:
    """:func:`may_match` for many compiled patterns at once: one test of a sentence answers for
    all of them (the risk, exclusion and party rules, sentence by sentence), where asking pattern
    by pattern repeats a dictionary look-up and the same set arithmetic for each. Exactly the same
    answers as :func:`may_match` with the text's :func:`grams`: a :class:`SourceFilter` over the
    case-sensitive patterns' sources, and a case-insensitive pattern always passes. Patterns are
    named by ``id``: the filter keeps them, so an id is never reused while it is asked (a pattern
    is a costly key)."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self._patterns = tuple(patterns)
        always: set[int] = set()
        by_source: dict[str, list[int]] = {}
        for pattern in self._patterns:
            if pattern.flags & re.IGNORECASE:
                always.add(id(pattern))
            else:
                by_source.setdefault(pattern.pattern, []).append(id(pattern))
        self._always = frozenset(always)
        self._by_source = {source: tuple(ids) for source, ids in by_source.items()}
        sources = SourceFilter(self._by_source)
        # the source filter's tables with each source replaced by its patterns' ids, so a test
        # names the ids at once (not the sources, then their ids)
        ids_of = self._by_source
        self._always_ids = self._always.union(*(ids_of[s] for s in sources._always))
        self._searched = tuple((ids_of[source], needed) for source, needed in sources._searched)
        self._by_key = {
            key: tuple(
                (string, tuple(i for source in found for i in ids_of[source]))
                for string, found in strings
            )
            for key, strings in sources._by_key.items()
        }
        self._keys = sources._keys

    def passing(self, text: str, text_grams: frozenset[str]) -> set[int]:
        """The ids of the patterns :func:`may_match` would not rule out for ``text``, whose
        :func:`grams` are ``text_grams``."""
        found = set(self._always_ids)
        for ids, needed in self._searched:
            if needed.search(text) is not None:
                found.update(ids)
        by_key = self._by_key
        for key in text_grams & self._keys:
            for string, ids in by_key[key]:
                if string in text:
                    found.update(ids)
        return found
