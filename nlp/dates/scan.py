"""Scan a doc for its date mentions: match, keep the longest, resolve, then apply context rules.

The context rules: a date of birth ("DOB", "born", "date of birth" before it) gives no mention;
"every Friday", "most weekends" are habits, not days; "since <date>" runs from that date to the
reference day; corrections ("the 14th not the 15th") are marked.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.dates.context import HABITUAL, Context
from nlp.dates.corrections import mark_corrections
from nlp.dates.lexicon import Lexicon
from nlp.dates.mention import DateAnchor, DateMention
from nlp.dates.resolvers import RESOLVERS
from nlp.dates.rules import Rules
from nlp.dates.tense import told_as_future
from nlp.dates.windows import merged_words, trim, windows

# Rules whose dates may be someone's date of birth.
_ABSOLUTE_RULES = frozenset(
    {
        "DAY_RANGE",
        "DAY_MONTH",
        "NUMERIC",
        "NUMERIC_HYPHEN",
        "NUMERIC_ISO",
        "NUMERIC_SPACED",
        "ABSOLUTE",
    }
)

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")

# Rules whose day, without a year, is read forward when its clause tells it as still to come.
_FUTURE_RULES = frozenset({"WEEKDAY", "DAY_MONTH", "NAMED_DAY", "BANK_HOLIDAY", "ORDINAL_DAY"})


def _is_birth_date(span: Span, lexicon: Lexicon, ref: date) -> bool:
    doc = span.doc
    window = [t.lower_.rstrip(":.") for t in doc[max(0, span.start - 6) : span.start]]
    joined = " ".join(window)
    if "date of birth" in joined or any(
        w in lexicon.birth_context or w.rstrip(".") in lexicon.birth_context for w in window
    ):
        return True
    birthday = [i for i, w in enumerate(window) if w in lexicon.birthday_context]
    if not birthday:
        return False
    # "birthday: 3/5/1980", "her birthday is 3 May": stated as a date of birth; "on my
    # birthday, 2 October, they ...": the day it happened.
    between = {t.lower_ for t in doc[span.start - len(window) + birthday[-1] + 1 : span.start]}
    return bool(between & lexicon.birthday_stated) or _long_past_year(span, ref)


def _long_past_year(span: Span, ref: date) -> bool:
    """Whether the span writes a year more than two years before the reference day."""
    years = (int(m) for m in _YEAR.findall(span.text))
    return any(y < ref.year - 2 for y in years)


def _habitual(span: Span) -> bool:
    """'every Friday', 'most weekends': a habit, not a day."""
    i = span.start
    return i > 0 and span.doc[i - 1].lower_ in HABITUAL


def mentions_in_doc(doc: Doc, ref: date, rules: Rules) -> list[DateMention]:
    """The shared implementation: match, keep the longest, resolve, then apply context rules."""
    labelled: dict[tuple[int, int], tuple[int, str]] = {}
    spans = []
    words, merged_lowers, origin, text = merged_words(doc, rules.phrases)
    for window_start, window_end in windows(merged_lowers, rules.anchors):
        for label, start, end in rules.matcher(words, window_start, window_end):
            first, last = origin[start], origin[end - 1]
            span = doc[first[0] : last[1]]
            spans.append(span)
            key, ranked = (span.start, span.end), (rules.priority[label], label)
            labelled[key] = min(labelled.get(key, ranked), ranked)
    mentions: list[DateMention] = []
    for longest in filter_spans(_unbroken(spans)):
        label = labelled[(longest.start, longest.end)][1]
        span = trim(longest)
        if label in _ABSOLUTE_RULES and _is_birth_date(span, rules.lexicon, ref):
            continue
        if label in ("WEEKDAY", "MONTH", "NAMED_DAY", "BANK_HOLIDAY") and _habitual(span):
            continue
        words = [t.lower_ for t in span if not t.is_space]
        future = label in _FUTURE_RULES and told_as_future(span, label == "WEEKDAY")
        context = Context(span, words, ref, rules.lexicon, future)
        resolved = RESOLVERS[label](context)
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
    return mark_corrections(text, mentions)


def _crosses_line(span: Span) -> bool:
    return any("\n" in t.text or "\n" in t.whitespace_ for t in span[:-1])


def _unbroken(spans: list[Span]) -> list[Span]:
    """Drop a match running across a line break into a date that goes on past it.

    A heading "2023" over a line "- 14 March 2023" reads as the year of the lines below, not
    as "2023-14" with the day: the match across the break loses to the date that starts inside
    it and ends after it. A date wrapped by a mail client ("on 14 March\n2023") has no such
    rival and stays whole.
    """
    return [
        span
        for span in spans
        if not _crosses_line(span)
        or not any(
            span.start < other.start < span.end < other.end and not _crosses_line(other)
            for other in spans
        )
    ]


def _since_before(doc: Doc, start: int, lexicon: Lexicon) -> int | None:
    """Token index where a 'since' / 'ever since' right before ``start`` begins, else None."""
    before = [t for t in doc[max(0, start - 4) : start] if not t.is_space][-2:]
    for length in (2, 1):
        if len(before) >= length:
            words = tuple(t.lower_ for t in before[-length:])
            if words in lexicon.tables["since"]:
                return before[-length].i
    return None
