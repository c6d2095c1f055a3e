"""A token pattern matcher over plain words, giving spaCy's ``Matcher`` answers for our patterns.

Speed: spaCy's ``Matcher`` tests every ``{"LOWER": {"IN": [...]}}`` as a Python predicate, token
by token, and pushes a state for every pattern at every token; the report and date patterns
cost about a millisecond a message that way. :class:`WordMatcher` reads the same patterns,
tests each distinct word once (its answers to every word test are one integer, kept for the
next message, as spaCy keeps lexeme flags), and tries a pattern only at the words it can start
with. It takes the token specs our pattern files use: ``LOWER`` or ``ORTH`` equal to a string,
``IN`` a list, or matching a ``REGEX``; a lexeme flag id (``{flag: True}``) with the flag's own
test; and ``"OP": "?"``. Anything else is a :class:`ValueError` when the pattern is added.

The matches are spaCy's: every (key, start, end), once each, whose words fit the pattern with
each optional token either there or left out; none of length 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

WordTest = Callable[[str], bool]

# Words whose tests are remembered; past this the memory is cleared (a pasted log of new words
# must not grow it without end).
_MOST_WORDS = 200_000


def _test(attr: Any, value: Any, flags: Mapping[int, WordTest]) -> WordTest:
    """The test of one token spec's attribute on the word as written."""
    if isinstance(attr, int) and not isinstance(attr, bool):
        if value is not True or attr not in flags:
            raise ValueError(f"unsupported flag spec {attr!r}: {value!r}")
        return flags[attr]
    if attr not in ("LOWER", "ORTH", "TEXT"):  # TEXT: spaCy's other name for ORTH
        raise ValueError(f"unsupported token attribute {attr!r}")
    read: Callable[[str], str] = str.lower if attr == "LOWER" else str
    if isinstance(value, str):
        return lambda word: read(word) == value
    if isinstance(value, dict) and len(value) == 1:
        ((operator, argument),) = value.items()
        if operator == "IN":
            chosen = frozenset(argument)
            return lambda word: read(word) in chosen
        if operator == "REGEX":
            pattern = re.compile(argument)
            return lambda word: pattern.search(read(word)) is not None
    raise ValueError(f"unsupported token value {value!r}")


class WordMatcher:
    """spaCy's ``Matcher`` for patterns of word tests (see the module's docstring).

    ``flags`` are the lexeme flag tests by flag id (a vocabulary's ``lex_attr_getters``), for
    patterns that use flags.
    """

    def __init__(self, flags: Mapping[int, WordTest] | None = None) -> None:
        self._flags = flags if flags is not None else {}  # read when a pattern is added
        self._tests: list[WordTest] = []
        self._bits: dict[tuple[Any, str], int] = {}
        # per pattern: its key, each token's test as a bit, and from each position the
        # positions reachable by leaving optional tokens out
        self._patterns: list[tuple[str, tuple[int, ...], tuple[frozenset[int], ...]]] = []
        self._firsts: list[int] = []  # per pattern: the tests a match's first word passes
        self._words: dict[str, int] = {}
        # per pattern: (positions, a word's tests) -> positions after that word, as met
        self._steps: list[dict[tuple[frozenset[int], int], frozenset[int]]] = []
        self._starters: dict[int, tuple[int, ...]] = {}

    def add(self, key: str, pattern: Sequence[Mapping[Any, Any]]) -> None:
        """Add one pattern (spaCy's token specs) under ``key``."""
        masks: list[int] = []
        optional: list[bool] = []
        for spec in pattern:
            op = spec.get("OP")
            if op not in (None, "?"):
                raise ValueError(f"unsupported operator {op!r}")
            tests = [(attr, value) for attr, value in spec.items() if attr != "OP"]
            if len(tests) != 1:
                raise ValueError(f"a token spec needs one test: {dict(spec)!r}")
            ((attr, value),) = tests
            ident = (attr, repr(value))
            if ident not in self._bits:
                self._bits[ident] = 1 << len(self._tests)
                self._tests.append(_test(attr, value, self._flags))
            masks.append(self._bits[ident])
            optional.append(op == "?")
        n = len(masks)
        closures = []
        for position in range(n + 1):
            reach = {position}
            while position < n and optional[position]:
                position += 1
                reach.add(position)
            closures.append(frozenset(reach))
        self._patterns.append((key, tuple(masks), tuple(closures)))
        self._firsts.append(sum({masks[p] for p in closures[0] if p < n}))
        self._steps.append({})
        self._words.clear()  # the words' answers lack the new tests
        self._starters.clear()

    def _mask(self, word: str) -> int:
        mask = 0
        for bit, test in enumerate(self._tests):
            if test(word):
                mask |= 1 << bit
        if len(self._words) >= _MOST_WORDS:
            self._words.clear()
        self._words[word] = mask
        return mask

    def _step(self, p: int, states: frozenset[int], word: int) -> frozenset[int]:
        """The positions of pattern ``p`` reached from ``states`` by a word of tests ``word``."""
        _key, specs, closures = self._patterns[p]
        reached: set[int] = set()
        for s in states:
            if s < len(specs) and word & specs[s]:
                reached |= closures[s + 1]
        step = self._steps[p][states, word] = frozenset(reached)
        return step

    def __call__(
        self, words: Sequence[str], start: int = 0, end: int | None = None
    ) -> list[tuple[str, int, int]]:
        """The matches (key, start, end) within ``words[start:end]``, offsets into ``words``,
        in order of start, then end, then the order the patterns were added."""
        known = self._words.get
        masks = [known(w, -1) for w in words[start:end]]
        for k, mask in enumerate(masks):
            if mask < 0:
                masks[k] = self._mask(words[start + k])
        found: list[tuple[int, int, int]] = []
        patterns = self._patterns
        size = len(masks)
        for i, first in enumerate(masks):
            if not first:
                continue
            starters = self._starters.get(first)
            if starters is None:
                starters = self._starters[first] = tuple(
                    p for p, bits in enumerate(self._firsts) if bits & first
                )
            for p in starters:
                _key, specs, closures = patterns[p]
                done = len(specs)
                steps = self._steps[p]
                states = closures[0]
                j = i
                while j < size:
                    word = masks[j]
                    step = steps.get((states, word))
                    states = self._step(p, states, word) if step is None else step
                    if not states:
                        break
                    j += 1
                    if done in states:
                        found.append((p, i, j))
        found.sort(key=lambda m: (m[1], m[2], m[0]))
        # patterns added under one key answer once for the same words, as spaCy's do
        matches = dict.fromkeys((patterns[p][0], start + a, start + b) for p, a, b in found)
        return list(matches)
