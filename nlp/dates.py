"""Date phrases: find them with spaCy patterns, resolve them by the contract's conventions.

The phrases are found by a spaCy ``Matcher`` whose patterns are data
(``nlp/patterns/dates.jsonl``); the words those patterns use (month and weekday names, their
abbreviations and typos, named days such as Bonfire Night, "yday", "tmrw", ...) are data too
(``nlp/patterns/dates_lexicon.json``). A pattern token written ``{"DATE": "MONTH"}`` stands
for any lexicon entry of that kind, for one of the token regexes in :data:`_TOKEN_REGEXES` or
for a union of those (:data:`_COMPOSITES`).

Speed (the whole extract must do 100 messages/s): the Matcher's cost grows with patterns x
tokens, so (1) multi-token lexicon entries ("bonfire night", "the next morning", "wed" split
"we" "d") are joined into one token of a private copy of the doc before matching, which keeps
one Matcher pattern per line of dates.jsonl; (2) word classes are spaCy lexeme flags, tested
natively, instead of ``IN``/``REGEX`` predicates; (3) the Matcher only runs on short windows
around anchor words (weekday, month, digit, "yesterday", ...).

Each match's label names the rule that resolves it. Relative and named days are resolved by our
own rules (extract-contract.md, "Date conventions"): the reference day is the reference datetime
in Europe/London; the past is preferred for anything without a year. Absolute forms with the
month spelled inside one token ("31/Oct/1974", "14april") go to dateparser (cached); the common
numeric and spelled forms are parsed here, which is faster and exact.

Choices the contract leaves open, made here:

- "last weekend" is always the Saturday and Sunday before the reference week's Monday (the last
  weekend that has ended, even when the reference day is a Saturday or Sunday). "over the
  weekend", "at the weekend", "the weekend" mean the current weekend when the reference day is a
  Saturday or Sunday (ending on the reference day), else the weekend just before.
- "this week" / "this month" run from their first day to the reference day (past-leaning).
- "this Friday" is the Friday of the current week when that is not after the reference day, else
  the latest Friday before it.
- A bare year is only a mention after "in", "during" or "throughout" ("in 2023"), as a year
  range whose explanation starts with "year only"; "member since 2019" gives nothing.
- "since <date>" gives a range from that date to the reference day, explanation "since ...".
- Dates of birth (after "DOB", "born", "date of birth") give no mention.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from spacy.attrs import IDX, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.findings import Finding
from nlp.pipeline import findings as stored_findings
from nlp.pipeline import set_findings

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")
SPANS_KEY = "dates"
FINDING_LABEL = "date"
_PATTERNS_DIR = Path(__file__).parent / "patterns"


class DateAnchor(StrEnum):
    """What a date mention is resolved against."""

    REFERENCE = "reference"  # resolved against the message's reference day: start/end are set
    INCIDENT = "incident"  # relative to the incident just described: offset_days set


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text and what it resolves to.

    ``start``/``end`` are character offsets into the analysed text; ``start_date``/``end_date``
    are inclusive (equal for a single day) and None for INCIDENT anchors, whose ``offset_days``
    says how many days after the incident just described (0: the same day). ``corrects`` marks
    the right date of a correction ("the 14th not the 15th", "I meant the 14th"); ``negated``
    marks the wrong one.
    """

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    anchor: DateAnchor
    offset_days: int | None = None
    explanation: str = ""
    corrects: bool = False
    negated: bool = False

    def is_range(self) -> bool:
        """True when the mention covers more than one day."""
        return (
            self.start_date is not None
            and self.end_date is not None
            and self.start_date != self.end_date
        )


# --- lexicon and patterns (data) ---------------------------------------------------------------

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
    "GLUED_MONTH_DAY": {"LOWER": {"REGEX": r"^[a-z]{3,9}[0-9]{1,2}(st|nd|rd|th)?$"}},
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
    "ORDWORD": "ordinal_word",
    "MONTH_PART": "month_part",
    "WEEKEND": "weekend",
}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class _Lexicon:
    """The lexicon with every phrase as a tuple of lower-case tokens."""

    tables: dict[str, dict[Phrase, Any]]
    ambiguous: frozenset[str]
    ambiguous_unless_titlecase: frozenset[str]
    ordinal_blockers: frozenset[str]
    birth_context: frozenset[str]
    numeric_not_dates: frozenset[str]
    numeric_blockers: frozenset[str]
    numeric_after_words: frozenset[str]  # "flat 3/12": an address, not a date
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


def _load_lexicon(tokenize: Callable[[str], Phrase]) -> _Lexicon:
    raw = json.loads((_PATTERNS_DIR / "dates_lexicon.json").read_text(encoding="utf-8"))
    tables: dict[str, dict[Phrase, Any]] = {}
    raw_keys: dict[str, frozenset[str]] = {}
    for name in set(_LEXICON_PLACEHOLDERS.values()) | {"since"}:
        value = raw[name]
        items = value.items() if isinstance(value, dict) else ((word, word) for word in value)
        tables[name] = {tokenize(word): val for word, val in items}
        raw_keys[name] = frozenset(value)
    raw_keys["named"] = frozenset(raw["named_day_fixed"]) | frozenset(raw["named_day_easter"])
    named: dict[Phrase, tuple[str, Any]] = {}
    for word, month_day in raw["named_day_fixed"].items():
        named[tokenize(word)] = ("fixed", tuple(month_day))
    for word, offset in raw["named_day_easter"].items():
        named[tokenize(word)] = ("easter", offset)
    tables["named"] = named
    return _Lexicon(
        tables=tables,
        ambiguous=frozenset(raw["ambiguous"]),
        ambiguous_unless_titlecase=frozenset(raw["ambiguous_unless_titlecase"]),
        ordinal_blockers=frozenset(raw["ordinal_blockers"]),
        birth_context=frozenset(raw["birth_context"]),
        numeric_not_dates=frozenset(raw["numeric_not_dates"]),
        numeric_blockers=frozenset(raw["numeric_blockers"]),
        numeric_after_words=frozenset(raw["numeric_after_words"]),
        raw_keys=raw_keys,
    )


_MAX_FLAGS = 40


class _TokenClasses:
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

    def composite(self, name: str, lexicon: _Lexicon) -> dict[str, Any]:
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
    "UNIT": ("UNIT_DAYS", "UNIT_MONTHS", "WEEKDAY_PLURAL"),  # ... and "thursdays"
    "DAY": ("ORD", "DAYNUM"),  # "3rd", "3"
}


def _expand(
    pattern: list[dict[str, Any]], lexicon: _Lexicon, classes: _TokenClasses
) -> list[dict[str, Any]]:
    """Replace {"DATE": NAME} tokens and word lists by Matcher token specs.

    Multi-token lexicon entries ("bonfire night", "wed" tokenised "we" "d") are single tokens by
    the time the Matcher runs: :func:`_merged_doc` joins them first.
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


@dataclass(frozen=True)
class _Rules:
    matcher: Matcher
    phrases: dict[str, list[Phrase]]  # multi-token lexicon entries by first word, longest first
    priority: dict[str, int]  # when two rules match the same tokens, the one listed first wins
    lexicon: _Lexicon
    anchors: frozenset[str]  # words (merged phrases included) one of which every match contains


# Lexicon tables whose words never make a date phrase on their own ("a", "morning", "since").
_NOT_ANCHOR_TABLES = frozenset({"count", "since", "part_of_day", "month_part"})


@lru_cache(maxsize=8)
def _rules_for(vocab_id: int, vocab: Any, tokenizer: Any) -> _Rules:
    def tokenize(phrase: str) -> Phrase:
        return tuple(t.lower_ for t in tokenizer(phrase.lower()))

    lexicon = _load_lexicon(tokenize)
    classes = _TokenClasses(vocab)
    matcher = Matcher(vocab, validate=False)  # flag ids are not in the pattern schema
    priority: dict[str, int] = {}
    lines = (_PATTERNS_DIR / "dates.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    # Flags are few (64 bits per word, shared with spaCy): give them first to the tokens a
    # pattern can start with, which the Matcher tests at every token of every text.
    for entry in entries:
        for position, spec in enumerate(entry["pattern"]):
            _expand([spec], lexicon, classes)
            if "OP" not in spec or position > 2:
                break
    for entry in entries:
        label = entry["label"]
        if label not in _RESOLVERS:
            raise ValueError(f"dates.jsonl: no resolver for label {label!r}")
        matcher.add(label, [_expand(entry["pattern"], lexicon, classes)])
        priority.setdefault(label, len(priority))
    phrases: dict[str, list[Phrase]] = {}
    for table in lexicon.tables.values():
        for phrase in table:
            if len(phrase) > 1 and phrase not in phrases.get(phrase[0], []):
                phrases.setdefault(phrase[0], []).append(phrase)
    for candidates in phrases.values():
        candidates.sort(key=len, reverse=True)
    logger.debug(
        "date flags: %d used, %d fell back",
        sum(f is not None for f in classes._flags.values()),
        sum(f is None for f in classes._flags.values()),
    )
    anchors = {"week", "wk", "month", "year", "yr"}  # the literal nouns of dates.jsonl
    for name, keys in lexicon.raw_keys.items():
        if name not in _NOT_ANCHOR_TABLES:
            anchors.update(" ".join(k.split()) for k in keys)
    return _Rules(matcher, phrases, priority, lexicon, frozenset(anchors))


# --- calendar arithmetic -----------------------------------------------------------------------


def reference_day(reference: datetime) -> date:
    """The reference datetime's day in Europe/London (a naive datetime is taken as London time)."""
    if reference.tzinfo is None:
        return reference.date()
    return reference.astimezone(LONDON).date()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekday_before(ref: date, weekday: int) -> date:
    """The latest ``weekday`` strictly before ``ref``."""
    return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm, as in dateutil.easter)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_day_month(ref: date, month: int, day: int, weekday: int | None = None) -> date | None:
    """The latest ``day month`` not after ``ref`` (matching ``weekday`` within 7 years if given)."""
    first: date | None = None
    for year in range(ref.year, ref.year - 8, -1):
        candidate = _safe_date(year, month, day)
        if candidate is None or candidate > ref:
            continue
        if first is None:
            first = candidate
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return first


def _year_of_latest_month(ref: date, month: int) -> int:
    return ref.year if month <= ref.month else ref.year - 1


def _two_digit_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= 69 else 1900
    return year


# --- resolution --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Resolved:
    start: date | None
    end: date | None
    explanation: str
    anchor: DateAnchor = DateAnchor.REFERENCE
    offset_days: int | None = None


def _day(d: date, why: str) -> _Resolved:
    return _Resolved(d, d, why)


_WEEKDAY_MODIFIERS = frozenset({"last", "on", "this", "past", "previous", "next"})
_MONTH_CONTEXT = frozenset(
    {
        "in",
        "during",
        "last",
        "this",
        "next",
        "since",
        "from",
        "until",
        "till",
        "throughout",
        "before",
        "after",
        "by",
        "of",
        "early",
        "mid",
        "late",
        "end",
        "beginning",
        "start",
        "middle",
        "on",
        "-",
    }
)
_WEEKDAY_CONTEXT = _WEEKDAY_MODIFIERS | {"since", "by", "until", "till", "from", "before", "after"}
_HABITUAL = frozenset({"every", "each", "most", "some", "all", "other"})
_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your", "its", "a", "an", "every"})


@dataclass(frozen=True)
class _Context:
    """A match and what surrounds it, for the resolvers."""

    span: Span
    words: list[str]  # lower-case tokens of the span, whitespace tokens left out
    ref: date
    lexicon: _Lexicon

    @property
    def before(self) -> str:
        i = self.span.start - 1
        while i >= 0 and self.span.doc[i].is_space:
            i -= 1
        return self.span.doc[i].lower_ if i >= 0 else ""

    @property
    def after(self) -> str:
        doc, i = self.span.doc, self.span.end
        while i < len(doc) and doc[i].is_space:
            i += 1
        return doc[i].lower_ if i < len(doc) else ""

    @property
    def after2(self) -> str:
        """The second word after the span ("the 19th one *of* them")."""
        doc, i = self.span.doc, self.span.end
        seen = 0
        while i < len(doc):
            if not doc[i].is_space:
                seen += 1
                if seen == 2:
                    return doc[i].lower_
            i += 1
        return ""

    def find(self, table: str) -> tuple[Any, int, int] | None:
        return self.lexicon.find(self.words, table)

    def year(self) -> int | None:
        """The year written in the phrase: "2026", or "last year" / "this year" at its end."""
        if len(self.words) >= 2 and self.words[-1] in ("year", "yr"):
            if self.words[-2] == "last":
                return self.ref.year - 1
            if self.words[-2] == "this":
                return self.ref.year
        for w in self.words:
            if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
                return int(w)
        return None

    def day_number(self) -> int | None:
        for w in self.words:
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", w)
            if m and (len(w) <= 2 or m.group(2)) and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
        found = self.find("ordinal_word")
        return int(found[0]) if found else None

    def has_ordinal(self) -> bool:
        return any(re.fullmatch(r"\d{1,2}(st|nd|rd|th)", w) for w in self.words) or bool(
            self.find("ordinal_word")
        )

    def ambiguous_ok(self, word_index: int) -> bool:
        """Whether an ambiguous weekday/month word at ``word_index`` is supported by context."""
        token = [t for t in self.span if not t.is_space][word_index]
        word = token.lower_
        if word not in self.lexicon.ambiguous:
            return True
        if word in self.lexicon.ambiguous_unless_titlecase and token.text.istitle():
            return True
        if token.text.istitle() and any(w.isdigit() for w in self.words):
            return True  # "23 May", "May 23"
        is_weekday = (word,) in self.lexicon.tables["weekday"]
        before = [*([self.before] if self.before else []), *self.words[:word_index]]
        while before and before[-1] in ("the", ","):
            before.pop()
        previous = before[-1] if before else ""
        if previous in (_WEEKDAY_CONTEXT if is_weekday else _MONTH_CONTEXT):
            return True
        if self.year() is not None or self.has_ordinal():
            return True
        nxt = self.words[word_index + 1] if word_index + 1 < len(self.words) else ""
        return bool(self.lexicon.tables["part_of_day"].get((nxt,))) or (
            word not in ("may", "sun") and nxt.isdigit()
        )


def _resolve_rel_day(c: _Context) -> _Resolved | None:
    found = c.find("relative_day")
    if found is None:
        return None
    offset = int(found[0])
    return _day(
        c.ref + timedelta(days=offset), f"relative day ({offset:+d} from the reference day)"
    )


def _count(c: _Context) -> int | None:
    for w in c.words:
        if w.isdigit():
            return int(w)
    found = c.find("count")
    return int(found[0]) if found else None


def _resolve_incident(c: _Context) -> _Resolved | None:
    found = c.find("incident_relative")
    if found is not None and found[2] - found[1] == len(c.words):
        offset = int(found[0])
    else:
        n, unit = _count(c), c.find("unit_days")
        if n is None or unit is None:
            return None
        offset = n * int(unit[0])
    return _Resolved(
        None,
        None,
        f"relative to the incident just described (+{offset} days)",
        DateAnchor.INCIDENT,
        offset,
    )


def _resolve_ago(c: _Context) -> _Resolved | None:
    n = _count(c)
    if n is None or n > 400:
        return None
    unit = c.find("unit_days")
    if unit is not None:
        days = n * int(unit[0])
        return _day(c.ref - timedelta(days=days), f"{days} days before the reference day")
    if c.find("unit_months") is not None:
        y, m = _add_months(c.ref.year, c.ref.month, -n)
        day = min(c.ref.day, calendar.monthrange(y, m)[1])
        return _day(date(y, m, day), f"{n} months before the reference day")
    weekday = c.find("weekday_plural")
    if weekday is not None:
        d = _weekday_before(c.ref, int(weekday[0])) - timedelta(days=7 * (n - 1))
        return _day(d, f"{n} weekdays of that name back")
    return None


def _resolve_last_n(c: _Context) -> _Resolved | None:
    n = _count(c) if c.words[-1] != "fortnight" else 1
    if n is None or n == 0 or n > 400:
        return None
    unit = c.find("unit_days")
    if unit is not None:
        if int(unit[0]) == 1:
            return _Resolved(
                c.ref - timedelta(days=n),
                c.ref - timedelta(days=1),
                f"the {n} days before the reference day",
            )
        weeks = n * int(unit[0]) // 7
        monday = _week_start(c.ref)
        return _Resolved(
            monday - timedelta(days=7 * weeks),
            monday - timedelta(days=1),
            f"the {weeks} whole weeks before the reference week",
        )
    y, m = _add_months(c.ref.year, c.ref.month, -n)
    py, pm = _add_months(c.ref.year, c.ref.month, -1)
    return _Resolved(
        date(y, m, 1), _month_end(py, pm), f"the {n} whole months before the reference month"
    )


def _resolve_weekday(c: _Context) -> _Resolved | None:
    found = c.find("weekday")
    if found is None or not c.ambiguous_ok(found[1]):
        return None
    weekday = int(found[0])
    words = set(c.words)
    monday = _week_start(c.ref)
    if "week" in words or "wk" in words:
        shift = -7 if words & {"last", "past", "previous"} else 7 if "next" in words else 0
        return _day(monday + timedelta(days=shift + weekday), "weekday of the named week")
    if "after" in words:  # "Friday after next": the Friday of next week
        return _day(monday + timedelta(days=7 + weekday), "weekday of next week")
    if "before" in words:  # "the Friday before last"
        return _day(_weekday_before(c.ref, weekday) - timedelta(days=7), "the weekday before last")
    if "next" in words:
        return _day(monday + timedelta(days=7 + weekday), "next: that weekday of next week")
    if "this" in words:
        d = monday + timedelta(days=weekday)
        if d <= c.ref:
            return _day(d, "this: that weekday of the reference week")
    return _day(
        _weekday_before(c.ref, weekday), "latest such weekday strictly before the reference day"
    )


def _resolve_weekday_date(c: _Context) -> _Resolved | None:
    found, day = c.find("weekday"), c.day_number()
    if found is None or day is None:
        return None
    weekday = int(found[0])
    y, m = c.ref.year, c.ref.month
    for _ in range(28):
        d = _safe_date(y, m, day)
        if d is not None and d <= c.ref and d.weekday() == weekday:
            return _day(d, "latest month whose day of that number falls on that weekday")
        y, m = _add_months(y, m, -1)
    return _resolve_ordinal_day(c)


def _resolve_day_month(c: _Context) -> _Resolved | None:
    month, day = c.find("month"), c.day_number()
    if month is None or day is None or not c.ambiguous_ok(month[1]):
        return None
    weekday = c.find("weekday")
    if weekday is not None and not c.ambiguous_ok(weekday[1]):
        weekday = None
    year = c.year()
    if year is not None:
        d = _safe_date(year, int(month[0]), day)
        return _day(d, "day and month with a year, as written") if d else None
    wd = int(weekday[0]) if weekday else None
    d = _latest_day_month(c.ref, int(month[0]), day, wd)
    return _day(d, "day and month: latest not after the reference day") if d else None


def _day_numbers(words: list[str], lexicon: _Lexicon) -> list[int]:
    """The day numbers in ``words`` in order ("13th", "15", "first", "5th-6th")."""
    numbers = []
    for word in words:
        for part in word.split("-"):
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", part)
            if m and 1 <= int(m.group(1)) <= 31:
                numbers.append(int(m.group(1)))
            elif (part,) in lexicon.tables["ordinal_word"]:
                numbers.append(int(lexicon.tables["ordinal_word"][(part,)]))
    return numbers


def _resolve_day_range(c: _Context) -> _Resolved | None:
    days = _day_numbers(c.words, c.lexicon)
    months = [
        (int(c.lexicon.tables["month"][(w,)]), i)
        for i, w in enumerate(c.words)
        if (w,) in c.lexicon.tables["month"]
    ]
    if len(days) != 2 or not months or not all(c.ambiguous_ok(i) for _, i in months):
        return None
    first_month, last_month = months[0][0], months[-1][0]
    year = c.year()
    if year is None:
        start = _latest_day_month(c.ref, first_month, days[0])
        if start is None:
            return None
        year = start.year
    start, end = _safe_date(year, first_month, days[0]), _safe_date(year, last_month, days[1])
    if start is None or end is None or end < start:
        return None
    return _Resolved(start, end, "range of days in the month named")


def _month_of(c: _Context, month: int) -> tuple[int, int]:
    year = c.year()
    if year is not None:
        return year, month
    words = set(c.words)
    if "next" in words:
        return (c.ref.year if month > c.ref.month else c.ref.year + 1), month
    if "last" in words and month == c.ref.month:
        return c.ref.year - 1, month
    return _year_of_latest_month(c.ref, month), month


def _resolve_month(c: _Context) -> _Resolved | None:
    found = c.find("month")
    if found is None or not c.ambiguous_ok(found[1]):
        return None
    y, m = _month_of(c, int(found[0]))
    why = "calendar month of the year given" if c.year() else "calendar month, latest not after"
    return _Resolved(date(y, m, 1), _month_end(y, m), why)


def _resolve_month_range(c: _Context) -> _Resolved | None:
    months = [
        (int(c.lexicon.tables["month"][(w,)]), i)
        for i, w in enumerate(c.words)
        if (w,) in c.lexicon.tables["month"]
    ]
    if len(months) != 2 or not all(c.ambiguous_ok(i) for _, i in months):
        return None
    (first, _), (last, _) = months
    written = c.year()
    year = written or _year_of_latest_month(c.ref, first)
    wraps = last < first  # "November to February"
    if written is None and wraps and date(year + 1, last, 1) > c.ref:
        year -= 1  # past-leaning: the latest such range that has begun its last month
    end_year = year + 1 if wraps else year
    return _Resolved(date(year, first, 1), _month_end(end_year, last), "range of calendar months")


def _relative_month(c: _Context) -> tuple[int, int]:
    words = set(c.words)
    if words & {"last", "previous", "past"}:
        return _add_months(c.ref.year, c.ref.month, -2 if "before" in words else -1)
    if "next" in words:
        return _add_months(c.ref.year, c.ref.month, 1)
    return c.ref.year, c.ref.month


def _resolve_month_rel(c: _Context) -> _Resolved | None:
    y, m = _relative_month(c)
    end = _month_end(y, m)
    if (y, m) == (c.ref.year, c.ref.month):
        end = c.ref
    return _Resolved(date(y, m, 1), end, "calendar month relative to the reference month")


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _resolve_month_part(c: _Context) -> _Resolved | None:
    part = c.find("month_part")
    if part is None:
        return None
    part_word = c.words[part[1]]
    nxt = c.words[part[2]] if part[2] < len(c.words) else ""
    if part_word in ("end", "start", "beginning", "begining", "middle") and nxt not in ("of", "-"):
        return None
    month = c.find("month")
    if month is not None:
        if not c.ambiguous_ok(month[1]):
            return None
        y, m = _month_of(c, int(month[0]))
    else:
        y, m = _relative_month(c)
    first, last = _PART_DAYS[str(part[0])]
    last = min(last, calendar.monthrange(y, m)[1])
    return _Resolved(date(y, m, first), date(y, m, last), f"{part[0]} part of the month")


def _resolve_week(c: _Context) -> _Resolved | None:
    words = set(c.words)
    monday = _week_start(c.ref)
    if words & {"last", "past", "previous"}:
        monday -= timedelta(days=14 if "before" in words else 7)
    elif words & {"next", "coming"}:
        monday += timedelta(days=7)
    part = c.find("month_part")
    if part is not None:
        first, last = {"early": (0, 2), "mid": (1, 3), "late": (4, 6)}[str(part[0])]
        return _Resolved(
            monday + timedelta(days=first),
            monday + timedelta(days=last),
            f"{part[0]} part of the week",
        )
    end = monday + timedelta(days=6)
    if monday <= c.ref <= end:
        end = c.ref
    return _Resolved(monday, end, "week (Monday to Sunday)")


def _resolve_weekend(c: _Context) -> _Resolved | None:
    if c.before in _HABITUAL:
        return None
    words = set(c.words)
    saturday = _week_start(c.ref) - timedelta(days=2)
    completed = bool(words & {"last", "past", "previous"}) or "before" in words
    if not completed and c.ref.weekday() >= 5:
        current = _week_start(c.ref) + timedelta(days=5)
        return _Resolved(current, c.ref, "the current weekend (reference day is a weekend day)")
    if "before" in words:
        saturday -= timedelta(days=7)
    return _Resolved(
        saturday, saturday + timedelta(days=1), "the weekend just before (Saturday and Sunday)"
    )


def _resolve_named_day(c: _Context) -> _Resolved | None:
    found = c.find("named")
    if found is None:
        return None
    kind, value = found[0]

    def on(year: int) -> date | None:
        if kind == "fixed":
            return _safe_date(year, value[0], value[1])
        return _easter(year) + timedelta(days=int(value))

    year = c.year()
    if year is not None:
        d = on(year)
        return _day(d, "named day in the year written") if d else None
    words = set(c.words)
    if "next" in words:
        for y in range(c.ref.year, c.ref.year + 2):
            d = on(y)
            if d is not None and d > c.ref:
                return _day(d, "named day: next after the reference day")
        return None
    strictly = "last" in words
    for y in range(c.ref.year, c.ref.year - 3, -1):
        d = on(y)
        if d is not None and (d < c.ref or (d == c.ref and not strictly)):
            return _day(d, "named day: latest not after the reference day")
    return None


def _resolve_ordinal_day(c: _Context) -> _Resolved | None:
    day = c.day_number()
    if day is None:
        return None
    words = set(c.words)
    if "month" in words:
        y, m = _relative_month(c)
        d = _safe_date(y, m, day)
        return _day(d, "day of the named month") if d else None
    # "the 3rd one" is a rank, but "the 19th one of them threw ..." is a day.
    blocked_after = c.after in c.lexicon.ordinal_blockers and not (
        c.after == "one" and c.after2 == "of"
    )
    if blocked_after or (
        c.words[0] not in ("on", "the", "by")
        and (c.before in _POSSESSIVES or c.before in c.lexicon.ordinal_blockers)
    ):
        return None
    y, m = c.ref.year, c.ref.month
    for _ in range(4):
        d = _safe_date(y, m, day)
        if d is not None and d <= c.ref:
            return _day(d, "day of the reference month, else of the month before")
        y, m = _add_months(y, m, -1)
    return None


def _resolve_numeric(c: _Context) -> _Resolved | None:
    token = c.span[-1].text
    if token in c.lexicon.numeric_not_dates or c.before == "/" or c.after == "/":
        return None
    if c.before in c.lexicon.numeric_after_words:
        return None
    parts = re.split(r"[/.]", token)
    if len(parts[0]) == 4:  # 2026/10/05: year first
        d = _safe_date(int(parts[0]), int(parts[1]), int(parts[2]))
        return _day(d, "numeric date, year first") if d else None
    if len(parts) == 2 and c.after in c.lexicon.numeric_blockers:
        return None  # "3/4 of them", "1/2 an hour": a fraction
    return _numeric(c, int(parts[0]), int(parts[1]), parts[2] if len(parts) > 2 else None)


def _numeric(c: _Context, day: int, month: int, year_text: str | None) -> _Resolved | None:
    if not 1 <= month <= 12:
        return None
    if year_text is not None:
        d = _safe_date(_two_digit_year(year_text), month, day)
        return _day(d, "numeric date (day first) with a year, as written") if d else None
    d = _latest_day_month(c.ref, month, day)
    return _day(d, "numeric day/month: latest not after the reference day") if d else None


def _no_spaces(span: Span) -> bool:
    return all(not t.whitespace_ for t in span[:-1])


def _resolve_numeric_hyphen(c: _Context) -> _Resolved | None:
    if not _no_spaces(c.span):
        return None
    return _numeric(c, int(c.words[0]), int(c.words[2]), c.words[4])


def _resolve_numeric_iso(c: _Context) -> _Resolved | None:
    if not _no_spaces(c.span):
        return None
    d = _safe_date(int(c.words[0]), int(c.words[2]), int(c.words[4]))
    return _day(d, "ISO date") if d else None


def _resolve_month_numeric(c: _Context) -> _Resolved | None:
    if not _no_spaces(c.span):
        return None
    numbers = [int(n) for n in re.findall(r"\d+", c.span.text)]
    if len(numbers) != 2:
        return None
    year, month = (numbers[1], numbers[0]) if numbers[1] > 31 else (numbers[0], numbers[1])
    if not 1 <= month <= 12:
        return None
    return _Resolved(date(year, month, 1), _month_end(year, month), "numeric month and year")


@lru_cache(maxsize=4096)
def _dateparser_day_month_year(text: str) -> tuple[int, int, int] | None:
    """dateparser on one absolute phrase (cached; imported lazily: it is slow to import)."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past",
            # Only day and month are taken from dateparser (the year rule is ours), so a fixed
            # naive base keeps the cache key the phrase alone.
            "RELATIVE_BASE": datetime(2000, 1, 1),  # noqa: DTZ001
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return (parsed.day, parsed.month, parsed.year) if parsed is not None else None


def _resolve_absolute(c: _Context) -> _Resolved | None:
    letters = re.findall(r"[a-z]+", c.span.text.lower())
    months = [w for w in letters if (w,) in c.lexicon.tables["month"]]
    if not months:
        return None
    parsed = _dateparser_day_month_year(c.span.text)
    if parsed is None:
        return None
    day, month, _ = parsed
    year_match = re.search(r"[a-zA-Z][/-](\d{2}|\d{4})$|(?:^|\s)((?:19|20)\d{2})$", c.span.text)
    if year_match:
        year = _two_digit_year(year_match.group(1) or year_match.group(2))
        d = _safe_date(year, month, day)
        return _day(d, "dateparser: absolute date with a year") if d else None
    d = _latest_day_month(c.ref, month, day)
    return _day(d, "dateparser: day and month, latest not after the reference day") if d else None


def _resolve_year_only(c: _Context) -> _Resolved | None:
    year = c.year()
    if year is None:
        year = c.ref.year if "this" in c.words else c.ref.year - 1
    return _Resolved(date(year, 1, 1), date(year, 12, 31), "year only")


_RESOLVERS: dict[str, Callable[[_Context], _Resolved | None]] = {
    "REL_DAY": _resolve_rel_day,
    "INCIDENT": _resolve_incident,
    "AGO": _resolve_ago,
    "LAST_N": _resolve_last_n,
    "WEEKDAY": _resolve_weekday,
    "WEEKDAY_DATE": _resolve_weekday_date,
    "DAY_RANGE": _resolve_day_range,
    "DAY_MONTH": _resolve_day_month,
    "MONTH_RANGE": _resolve_month_range,
    "MONTH": _resolve_month,
    "MONTH_REL": _resolve_month_rel,
    "MONTH_PART": _resolve_month_part,
    "WEEK": _resolve_week,
    "WEEKEND": _resolve_weekend,
    "NAMED_DAY": _resolve_named_day,
    "ORDINAL_DAY": _resolve_ordinal_day,
    "NUMERIC": _resolve_numeric,
    "NUMERIC_HYPHEN": _resolve_numeric_hyphen,
    "NUMERIC_ISO": _resolve_numeric_iso,
    "MONTH_NUMERIC": _resolve_month_numeric,
    "ABSOLUTE": _resolve_absolute,
    "YEAR_ONLY": _resolve_year_only,
}

# Rules whose dates may be someone's date of birth.
_ABSOLUTE_RULES = frozenset(
    {"DAY_RANGE", "DAY_MONTH", "NUMERIC", "NUMERIC_HYPHEN", "NUMERIC_ISO", "ABSOLUTE"}
)


def _is_birth_date(span: Span, lexicon: _Lexicon) -> bool:
    doc = span.doc
    window = [t.lower_.rstrip(":.") for t in doc[max(0, span.start - 6) : span.start]]
    joined = " ".join(window)
    return "date of birth" in joined or any(
        w in lexicon.birth_context or w.rstrip(".") in lexicon.birth_context for w in window
    )


def _habitual(span: Span) -> bool:
    """'every Friday', 'most weekends': a habit, not a day."""
    i = span.start
    return i > 0 and span.doc[i - 1].lower_ in _HABITUAL


def _mentions_in_doc(doc: Doc, ref: date, rules: _Rules) -> list[DateMention]:
    """The shared implementation: match, keep the longest, resolve, then apply context rules."""
    labelled: dict[tuple[int, int], tuple[int, str]] = {}
    spans = []
    merged, merged_lowers, origin, text = _merged_doc(doc, rules.phrases)
    for window in _windows(merged, merged_lowers, rules.anchors):
        for match_id, start, end in rules.matcher(window):
            first, last = origin[window.start + start], origin[window.start + end - 1]
            span = doc[first[0] : last[1]]
            spans.append(span)
            label = doc.vocab.strings[match_id]
            key, ranked = (span.start, span.end), (rules.priority[label], label)
            labelled[key] = min(labelled.get(key, ranked), ranked)
    mentions: list[DateMention] = []
    for longest in filter_spans(spans):
        label = labelled[(longest.start, longest.end)][1]
        span = _trim(longest)
        if label in _ABSOLUTE_RULES and _is_birth_date(span, rules.lexicon):
            continue
        if label in ("WEEKDAY", "MONTH", "NAMED_DAY") and _habitual(span):
            continue
        context = _Context(span, [t.lower_ for t in span if not t.is_space], ref, rules.lexicon)
        resolved = _RESOLVERS[label](context)
        if resolved is None:
            continue
        start_char, explanation = span.start_char, f"{label.lower()}: {resolved.explanation}"
        start_date, end_date = resolved.start, resolved.end
        since = _since_before(doc, span.start, rules.lexicon)
        if (
            since is not None
            and resolved.anchor is DateAnchor.REFERENCE
            and start_date is not None
            and resolved.explanation != "year only"
            and start_date <= ref
        ):
            start_char, end_date = doc[since].idx, ref
            explanation = f"since {explanation}: from that day to the reference day"
        mentions.append(
            DateMention(
                start=start_char,
                end=span.end_char,
                text=text[start_char : span.end_char],
                start_date=start_date,
                end_date=end_date,
                anchor=resolved.anchor,
                offset_days=resolved.offset_days,
                explanation=explanation,
            )
        )
    return _mark_corrections(text, mentions)


# A match may start this many tokens before its first anchor ("at the end of last week") and
# end this many after its last one ("Friday after next", "the weekend before last"); anchors
# inside one match are closer than that to each other. Check these when adding patterns.
_BEFORE, _AFTER = 5, 2
_HAS_DIGIT = re.compile(r"\d")


def _windows(doc: Doc, lowers: list[str], anchors: frozenset[str]) -> list[Span]:
    """Stretches of the doc around anchor tokens (a weekday, a month, a digit, "yesterday", ...).

    Running the Matcher only there keeps the component cheap: most of a message is nowhere near
    a date. ``lowers`` are the doc's tokens in lower case.
    """
    windows: list[list[int]] = []
    n = len(lowers)
    for i, lower in enumerate(lowers):
        if lower in anchors or _HAS_DIGIT.search(lower):
            start, end = max(0, i - _BEFORE), min(n, i + _AFTER + 1)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
    return [doc[start:end] for start, end in windows]


def _merged_doc(
    doc: Doc, phrases: dict[str, list[Phrase]]
) -> tuple[Doc, list[str], list[tuple[int, int]], str]:
    """A private copy of ``doc`` for the Matcher, with the doc's text.

    In the copy, multi-token lexicon phrases are single tokens ("bonfire night", "the next
    morning", "wed" split "we" "d"): with them one token, each line of dates.jsonl is one Matcher
    pattern, and the Matcher's cost grows with the number of patterns. Whitespace tokens are left
    out, so a phrase broken by an email's hard line wrap ("the next\nmorning") still matches.
    Returns the copy, its words in lower case, for each of its tokens the original tokens it
    stands for (start, end), and the text. Reads the doc through ``to_array``: no Token objects.
    """
    strings = doc.vocab.strings
    array = doc.to_array([ORTH, SPACY, IDX])
    orths = [strings[int(h)] for h in array[:, 0]]
    text = "".join(o + " " if sp else o for o, sp in zip(orths, array[:, 1], strict=True))
    starts = [int(i) for i in array[:, 2]]
    kept = [i for i, o in enumerate(orths) if not o.isspace()]
    lowers = [orths[i].lower() for i in kept]
    words: list[str] = []
    merged_lowers: list[str] = []
    origin: list[tuple[int, int]] = []
    k, n = 0, len(kept)
    while k < n:
        length = 1
        for phrase in phrases.get(lowers[k], ()):
            if tuple(lowers[k : k + len(phrase)]) == phrase:
                length = len(phrase)
                break
        first, last = kept[k], kept[k + length - 1]
        word = (
            orths[first]
            if length == 1
            else " ".join(text[starts[first] : starts[last] + len(orths[last])].split())
        )
        words.append(word)
        merged_lowers.append(word.lower())
        origin.append((kept[k], kept[k + length - 1] + 1))
        k += length
    merged = Doc(doc.vocab, words=words, spaces=[True] * len(words))
    return merged, merged_lowers, origin, text


def _trim(span: Span) -> Span:
    """The span without leading or trailing commas (optional pattern slots can take them)."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_punct:
        end -= 1
    while end - start > 1 and span.doc[start].is_punct:
        start += 1
    return span.doc[start:end]


def _since_before(doc: Doc, start: int, lexicon: _Lexicon) -> int | None:
    """Token index where a 'since' / 'ever since' right before ``start`` begins, else None."""
    before = [t for t in doc[max(0, start - 4) : start] if not t.is_space][-2:]
    for length in (2, 1):
        if len(before) >= length:
            words = tuple(t.lower_ for t in before[-length:])
            if words in lexicon.tables["since"]:
                return before[-length].i
    return None


# Corrections: "the 14th not the 15th", "not the 15th but the 14th", "sorry, I meant the 14th".
_RIGHT_THEN_WRONG = re.compile(r"\s*,?\s*(and\s+|but\s+)?not\s+(on\s+)?$", re.IGNORECASE)
_WRONG_THEN_RIGHT = re.compile(r"\s*,?\s*(but|it\s+was|rather|,)\s*(on\s+)?$", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\bnot\s+(on\s+)?$", re.IGNORECASE)
_MEANT_BEFORE = re.compile(
    r"(\bi\s+meant|\bmeant\s+to\s+say|\bcorrection:?|\bsorry,?\s+(it\s+was|i\s+mean)|"
    r"\bactually,?\s+it\s+was|\bi\s+mean)\s*,?\s*(on\s+)?$",
    re.IGNORECASE,
)


def _mark_corrections(text: str, mentions: list[DateMention]) -> list[DateMention]:
    marked = list(mentions)
    for i in range(len(marked) - 1):
        first, second = marked[i], marked[i + 1]
        if first.negated or first.corrects or DateAnchor.INCIDENT in (first.anchor, second.anchor):
            continue
        between = text[first.end : second.start]
        if _RIGHT_THEN_WRONG.fullmatch(between):
            marked[i] = replace(marked[i], corrects=True)
            marked[i + 1] = replace(marked[i + 1], negated=True)
        elif _WRONG_THEN_RIGHT.fullmatch(between) and _NOT_BEFORE.search(text[: first.start]):
            marked[i] = replace(marked[i], negated=True)
            marked[i + 1] = replace(marked[i + 1], corrects=True)
    for i, mention in enumerate(marked):
        if not mention.corrects and _MEANT_BEFORE.search(
            text[max(0, mention.start - 40) : mention.start]
        ):
            marked[i] = replace(mention, corrects=True)
    return marked


# --- spaCy component and the plain function ------------------------------------------------------


class DateFinder:
    """The ``trigger_dates`` component: writes ``doc.spans["dates"]`` (Finding.value = DateMention).

    Reads the reference time from ``doc._.reference`` (an aware datetime); a doc without one gets
    no date findings, since relative dates cannot be resolved.
    """

    def __init__(self, nlp: Language) -> None:
        self._rules = _rules_for(id(nlp.vocab), nlp.vocab, nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.reference
        if reference is None:
            logger.debug("trigger_dates: no reference time on the doc; no dates resolved")
            set_findings(doc, SPANS_KEY, [])
            return doc
        mentions = _mentions_in_doc(doc, reference_day(reference), self._rules)
        set_findings(
            doc,
            SPANS_KEY,
            [
                Finding(
                    label=FINDING_LABEL,
                    start=m.start,
                    end=m.end,
                    explanation=m.explanation,
                    value=m,
                )
                for m in mentions
            ],
        )
        return doc


@Language.factory("trigger_dates", assigns=["doc.spans"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """Build the date finder component for ``nlp``."""
    return DateFinder(nlp)


@lru_cache(maxsize=1)
def _own_pipeline() -> Language:
    from nlp.pipeline import blank_english, register_extensions

    register_extensions()
    nlp = blank_english()
    nlp.add_pipe("trigger_dates")
    return nlp


def find_dates(text: str, reference: datetime) -> list[DateMention]:
    """Every date phrase in ``text`` resolved against ``reference`` (its day in Europe/London).

    Builds its own small spaCy pipeline on the first call and reuses it. A naive ``reference`` is
    taken as Europe/London time.
    """
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=LONDON)
    nlp = _own_pipeline()
    doc = nlp.make_doc(text)
    doc._.reference = reference
    doc = nlp.get_pipe("trigger_dates")(doc)
    return [f.value for f in stored_findings(doc, SPANS_KEY)]


def find_corrections(text: str, reference: datetime) -> list[tuple[DateMention, DateMention]]:
    """(wrong, right) pairs of corrections: "the 14th not the 15th" gives (15th, 14th)."""
    mentions = find_dates(text, reference)
    pairs = []
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.corrects and second.negated:
            pairs.append((second, first))
        elif first.negated and second.corrects:
            pairs.append((first, second))
    return pairs


def mentions_from_findings(found: Iterable[Finding]) -> list[DateMention]:
    """The DateMentions carried by findings of the ``dates`` key (helper for other components)."""
    return [f.value for f in found if isinstance(f.value, DateMention)]
