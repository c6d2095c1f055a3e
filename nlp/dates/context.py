"""What a resolver reads (a match in its :class:`Context`) and returns (:class:`Resolved`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Span

from nlp.dates.lexicon import Lexicon
from nlp.dates.mention import DateAnchor


@dataclass(frozen=True)
class Resolved:
    """A resolver's answer: inclusive days (or an incident offset) and why."""

    start: date | None
    end: date | None
    explanation: str
    anchor: DateAnchor = DateAnchor.REFERENCE
    offset_days: int | None = None


def one_day(d: date, why: str) -> Resolved:
    """A single day resolved against the reference day."""
    return Resolved(d, d, why)


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
# Words before a weekday, month or weekend that make it a habit, not a day ("every Friday").
HABITUAL = frozenset({"every", "each", "most", "some", "all", "other"})
# Feasts whose name alone also names a season ("over the Christmas period", "Easter weekend").
SEASONS = frozenset({"christmas", "xmas", "x-mas", "chrimbo", "crimbo", "easter"})


@dataclass(frozen=True)
class Context:
    """A match and what surrounds it, for the resolvers."""

    span: Span
    words: list[str]  # lower-case tokens of the span, whitespace tokens left out
    ref: date
    lexicon: Lexicon
    future: bool = False  # its own clause tells the day as still to come ("will", "is due to")

    @property
    def before(self) -> str:
        """The word right before the span (whitespace tokens skipped), or ""."""
        i = self.span.start - 1
        while i >= 0 and self.span.doc[i].is_space:
            i -= 1
        return self.span.doc[i].lower_ if i >= 0 else ""

    @property
    def after(self) -> str:
        """The word right after the span (whitespace tokens skipped), or ""."""
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
        """The longest phrase of lexicon ``table`` in the span's words: (value, start, end)."""
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
        """The first day of the month written in the phrase ("3", "3rd", "third"), or None."""
        for w in self.words:
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", w)
            if m and (len(w) <= 2 or m.group(2)) and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
        found = self.find("ordinal_word")
        return int(found[0]) if found else None

    def has_ordinal(self) -> bool:
        """Whether the phrase has an ordinal ("3rd", "third")."""
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
        if previous == "not" and token.text.istitle():
            return True  # "15 June not May": a correction ("may not" is the modal's order)
        if self.year() is not None or self.has_ordinal():
            return True
        nxt = self.words[word_index + 1] if word_index + 1 < len(self.words) else ""
        return bool(self.lexicon.tables["part_of_day"].get((nxt,))) or (
            word not in ("may", "sun") and nxt.isdigit()
        )
