"""The date lexicon and the word classes the date patterns are written in.

The words the patterns use (month and weekday names, their abbreviations and typos, named days
such as Bonfire Night, "yday", "tmrw", ...) are data (``nlp/patterns/dates_lexicon.json``). A
pattern token written ``{"DATE": "MONTH"}`` in ``nlp/patterns/dates.jsonl`` stands for any
lexicon entry of that kind, for one of the token regexes in :data:`_TOKEN_REGEXES` or for a union
of those (:data:`_COMPOSITES`); :func:`expand` turns it into a Matcher token spec.

Word classes are spaCy lexeme flags, tested natively by the Matcher, instead of ``IN``/``REGEX``
predicates (:class:`TokenClasses`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PATTERNS_DIR = Path(__file__).parent.parent / "patterns"

# Single-token regexes usable as {"DATE": NAME} in dates.jsonl.
_TOKEN_REGEXES: dict[str, dict[str, Any]] = {
    "ORD": {"LOWER": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)$"}},
    "DAYNUM": {"TEXT": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])$"}},
    "INT": {"TEXT": {"REGEX": r"^[0-9]{1,3}$"}},
    "INT2": {"TEXT": {"REGEX": r"^[0-9]{1,2}$"}},
    "YEAR": {"TEXT": {"REGEX": r"^(19|20)[0-9]{2}$"}},
    "YEAR24": {"TEXT": {"REGEX": r"^([0-9]{2}|(19|20)[0-9]{2})$"}},
    "NUMDATE": {
        "TEXT": {
            "REGEX": r"^([0-9]{1,2}/[0-9]{1,2}(/([0-9]{2}|[0-9]{4}))?"
            r"|[0-9]{1,2}\.[0-9]{1,2}\.([0-9]{2}|[0-9]{4})|(19|20)[0-9]{2}/[0-9]{1,2}/[0-9]{1,2})$"
        }
    },
    "MONTHYEAR": {"TEXT": {"REGEX": r"^([0-9]{1,2}/(19|20)[0-9]{2}|(19|20)[0-9]{2}/[0-9]{1,2})$"}},
    "ALPHA_YEAR": {"TEXT": {"REGEX": r"^[A-Za-z]{3,9}[/-]([0-9]{2}|[0-9]{4})$"}},
    "DAYSPAN": {
        "LOWER": {
            "REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?"
            r"-(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"
        }
    },
    "GLUED_DAY_MONTH": {"LOWER": {"REGEX": r"^[0-9]{1,2}(st|nd|rd|th)?[a-z]{3,9}$"}},
    "GLUED_MONTH_DAY": {"LOWER": {"REGEX": r"^[a-z]{3,9}\.?[0-9]{1,2}(st|nd|rd|th)?$"}},
}

# {"DATE": NAME} -> lexicon table whose phrases it stands for.
_LEXICON_PLACEHOLDERS = {
    "WEEKDAY": "weekday",
    "WEEKDAY_PLURAL": "weekday_plural",
    "MONTH": "month",
    "POD": "part_of_day",
    "REL_DAY": "relative_day",
    "INCIDENT": "incident_relative",
    "COUNT": "count",
    "UNIT_DAYS": "unit_days",
    "UNIT_MONTHS": "unit_months",
    "UNIT_YEARS": "unit_years",
    "ORDWORD": "ordinal_word",
    "MONTH_PART": "month_part",
    "WEEKEND": "weekend",
    "BANK_HOLIDAY": "bank_holiday",
}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """The lexicon with every phrase as a tuple of lower-case tokens."""

    tables: dict[str, dict[Phrase, Any]]
    ambiguous: frozenset[str]
    ambiguous_unless_titlecase: frozenset[str]
    ordinal_blockers: frozenset[str]
    birth_context: frozenset[str]
    birthday_context: frozenset[str]  # "birthday": a date of birth only when stated as one
    birthday_stated: frozenset[str]
    numeric_not_dates: frozenset[str]
    numeric_blockers: frozenset[str]
    numeric_after_words: frozenset[str]  # "flat 3/12": an address, not a date
    numeric_spaced_blockers: frozenset[str]  # "ref 12 10 2025": a number, not a date
    raw_keys: dict[str, frozenset[str]] = field(default_factory=dict)  # entries as written

    def find(self, tokens: list[str], table: str) -> tuple[Any, int, int] | None:
        """The longest phrase of ``table`` inside ``tokens``: (value, start, end) or None."""
        entries = self.tables[table]
        best: tuple[Any, int, int] | None = None
        for i in range(len(tokens)):
            for j in range(len(tokens), i, -1):
                key = tuple(tokens[i:j])
                if key in entries and (best is None or j - i > best[2] - best[1]):
                    best = (entries[key], i, j)
                    break
        return best


def load_lexicon(tokenize: Callable[[str], Phrase]) -> Lexicon:
    """Read ``dates_lexicon.json``, each phrase split into lower-case tokens by ``tokenize``."""
    raw = json.loads((PATTERNS_DIR / "dates_lexicon.json").read_text(encoding="utf-8"))
    abbreviated = frozenset(raw["abbreviated"])
    for name in ("month", "weekday"):  # "Aug." as well as "Aug"
        raw[name] |= {f"{w}.": v for w, v in raw[name].items() if w in abbreviated}
    tables: dict[str, dict[Phrase, Any]] = {}
    raw_keys: dict[str, frozenset[str]] = {}
    for name in set(_LEXICON_PLACEHOLDERS.values()) | {"since"}:
        value = raw[name]
        items = value.items() if isinstance(value, dict) else ((word, word) for word in value)
        tables[name] = {tokenize(word): val for word, val in items}
        raw_keys[name] = frozenset(value)
    named: dict[Phrase, tuple[str, Any]] = {}
    for kind in ("fixed", "easter", "weekday"):
        for word, value in raw[f"named_day_{kind}"].items():
            named[tokenize(word)] = (kind, tuple(value) if isinstance(value, list) else value)
    raw_keys["named"] = frozenset().union(
        *(raw[f"named_day_{kind}"] for kind in ("fixed", "easter", "weekday"))
    )
    tables["named"] = named
    return Lexicon(
        tables=tables,
        ambiguous=frozenset(raw["ambiguous"]),
        ambiguous_unless_titlecase=frozenset(raw["ambiguous_unless_titlecase"]),
        ordinal_blockers=frozenset(raw["ordinal_blockers"]),
        birth_context=frozenset(raw["birth_context"]),
        birthday_context=frozenset(raw["birthday_context"]),
        birthday_stated=frozenset(raw["birthday_stated"]),
        numeric_not_dates=frozenset(raw["numeric_not_dates"]),
        numeric_blockers=frozenset(raw["numeric_blockers"]),
        numeric_after_words=frozenset(raw["numeric_after_words"]),
        numeric_spaced_blockers=frozenset(raw["numeric_spaced_blockers"]),
        raw_keys=raw_keys,
    )


_MAX_FLAGS = 40


class TokenClasses:
    """Word classes as spaCy lexeme flags, so the Matcher tests them natively.

    ``{"LOWER": {"IN": [...]}}`` and ``REGEX`` are Python predicates; a lexeme flag is computed
    once per word of the vocabulary. When the vocabulary has no flag left, a class falls back
    to the plain predicate.
    """

    def __init__(self, vocab: Any) -> None:
        self._vocab = vocab
        self._flags: dict[Any, int | None] = {}

    def spec(
        self, key: Any, test: Callable[[str], bool], fallback: dict[str, Any]
    ) -> dict[Any, Any]:
        """A token spec testing ``test`` (a function of the word as written)."""
        if key not in self._flags:
            used = sum(flag is not None for flag in self._flags.values())
            try:  # leave a few flag bits of the shared vocab to other components
                self._flags[key] = self._vocab.add_flag(test) if used < _MAX_FLAGS else None
            except ValueError:  # no flag bit left
                self._flags[key] = None
        flag = self._flags[key]
        return dict(fallback) if flag is None else {flag: True}

    def regex(self, name: str) -> dict[str, Any]:
        """The spec for one of :data:`_TOKEN_REGEXES`."""
        return self.spec(("placeholder", name), _regex_test(name), _TOKEN_REGEXES[name])

    def words(self, words: Iterable[str]) -> dict[str, Any]:
        """Any of ``words`` (lower case; merged phrase tokens compare with spaces normalised)."""
        chosen = frozenset(" ".join(w.split()) for w in words)
        return self.spec(chosen, _words_test(chosen), {"LOWER": {"IN": sorted(chosen)}})

    def composite(self, name: str, lexicon: Lexicon) -> dict[str, Any]:
        """The spec for one of :data:`_COMPOSITES`: a word of any of its parts."""
        tests = []
        fallbacks = []
        for part in _COMPOSITES[name]:
            if part in _TOKEN_REGEXES:
                tests.append(_regex_test(part))
                fallbacks.append(next(iter(_TOKEN_REGEXES[part].values()))["REGEX"])
            else:
                chosen = lexicon.raw_keys[_LEXICON_PLACEHOLDERS[part]]
                tests.append(_words_test(chosen))
                fallbacks.append("^(" + "|".join(re.escape(w) for w in sorted(chosen)) + ")$")
        fallback = {"LOWER": {"REGEX": "|".join(f"(?:{f})" for f in fallbacks)}}
        return self.spec(("placeholder", name), lambda w: any(t(w) for t in tests), fallback)

    def flag_counts(self) -> tuple[int, int]:
        """How many classes got a lexeme flag, and how many fell back to a plain predicate."""
        return (
            sum(f is not None for f in self._flags.values()),
            sum(f is None for f in self._flags.values()),
        )


def _regex_test(name: str) -> Callable[[str], bool]:
    ((attr, condition),) = _TOKEN_REGEXES[name].items()
    pattern = re.compile(condition["REGEX"])
    if attr == "LOWER":
        return lambda w: pattern.search(w.lower()) is not None
    return lambda w: pattern.search(w) is not None


def _words_test(chosen: frozenset[str]) -> Callable[[str], bool]:
    return lambda w: " ".join(w.lower().split()) in chosen


# Placeholders that stand for any word of several classes: one Matcher pattern instead of one
# per class (the Matcher's cost grows with the number of patterns).
_COMPOSITES: dict[str, tuple[str, ...]] = {
    "NUMBER": ("COUNT", "INT"),  # "two", "a couple of", "3"
    "PERIOD": ("UNIT_DAYS", "UNIT_MONTHS"),  # "days", "fortnight", "months"
    "UNIT": ("UNIT_DAYS", "UNIT_MONTHS", "UNIT_YEARS", "WEEKDAY_PLURAL"),  # ... "thursdays"
    "DAY": ("ORD", "DAYNUM"),  # "3rd", "3"
}


def expand(
    pattern: list[dict[str, Any]], lexicon: Lexicon, classes: TokenClasses
) -> list[dict[str, Any]]:
    """Replace {"DATE": NAME} tokens and word lists by Matcher token specs.

    Multi-token lexicon entries ("bonfire night", "wed" tokenised "we" "d") are single tokens by
    the time the Matcher runs: :func:`nlp.dates.windows.merged_words` joins them first.
    """
    expanded = []
    for spec in pattern:
        name = spec.get("DATE")
        extra = {k: v for k, v in spec.items() if k == "OP"}
        if name is None:
            ((attr, value),) = ((k, v) for k, v in spec.items() if k != "OP")
            if attr == "LOWER" and isinstance(value, dict) and "IN" in value:
                spec = {**classes.words(value["IN"]), **extra}
            expanded.append(spec)
        elif name in _TOKEN_REGEXES:
            expanded.append({**classes.regex(name), **extra})
        elif name in _COMPOSITES:
            expanded.append({**classes.composite(name, lexicon), **extra})
        else:
            table = "named" if name == "NAMED" else _LEXICON_PLACEHOLDERS[name]
            expanded.append({**classes.words(lexicon.raw_keys[table]), **extra})
    return expanded
