"""The words and phrases the incident assembler reads (:mod:`nlp.incidents`).

Behaviour, perpetrator and background phrases come from ``nlp/patterns/events.jsonl`` (read on
first use); the regexes here name the small grammar of an account: people named after kin, self
corrections, what may stand between a day and its report verb, abuse told again, something
happening as the writer writes. Pure: plain text (and a Doc's offsets) in, plain values out.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from spacy.tokens import Doc

from nlp.pipeline import token_starts
from nlp.reports import clause_end_token

# Words after which a clause refers back to the incident just told.
ANAPHORA = frozenset("it this that these those them both one".split())
# A line break that opens the next line of a list or log ("...that night\n- 30/08 - ..."): two
# date phrases either side of it are neither a range nor one day told twice.
LIST_LINE_BREAK = re.compile(r"\n[ \t]*[-–*•]")
# A line that starts with a numeric date (a log's, a table's or a spreadsheet's row): a date
# phrase ending the line before is not in apposition with it.
DATED_LINE = re.compile(
    r"[ \t]*(?:\|[ \t]*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    r"\d{1,2}[/.-]\d{1,2}\b",
    re.I,
)
# Words that, right after a report date, introduce the incident it is about ("rang again 2 days
# ago when a car alarm went off"): then the date is the incident's.
ABOUT_WORDS = frozenset("when about because after as".split())
# "my wife June", "Mrs April Jones": month words that are people's names in this text.
NAMED_AFTER_KIN = re.compile(
    r"\b(?:wife|husband|partner|mum|mother|mam|daughter|son|sister|brother|friend|neighbour|"
    r"nan|gran|aunt|auntie|Mrs|Ms|Miss|Mr|called|named)\s+(January|February|April|May|June|July|August)\b"
)
# A word that ends its sentence ("don't know what day I rang sorry. Thurs 3rd he ...") is an
# apology, not a date taken back.
SELF_CORRECTION = re.compile(
    r"\b(?:no wait|no,? sorry|sorry,? no|sorry|i mean|i meant|or rather|no actually|actually no"
    r"|correction)\b(?![ \t]*[.!?]+(?:\s|$))",
    re.I,
)


@dataclass(frozen=True)
class EventLexicon:
    """The phrase lists of ``patterns/events.jsonl``, as word sets and regexes."""

    event_words: frozenset[str]
    event_stems: tuple[str, ...]
    perpetrator_words: frozenset[str]
    perpetrator_phrases: re.Pattern[str]
    undated: re.Pattern[str]
    day_unknown: re.Pattern[str]
    agency_unknown: re.Pattern[str]
    background: re.Pattern[str]
    background_start: re.Pattern[str]


def _phrase_regex(phrases: list[str], suffix: str = "") -> re.Pattern[str]:
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?![\w'’])" + suffix, re.I)


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The event lexicon, read from ``patterns/events.jsonl`` on first use."""
    rows: dict[str, Any] = {}
    text = resources.files("nlp").joinpath("patterns", "events.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            if "label" in row:
                rows[row["label"]] = row
    events = rows["EVENT"]["words"]
    return EventLexicon(
        event_words=frozenset(w for w in events if not w.endswith("*")),
        event_stems=tuple(w[:-1] for w in events if w.endswith("*")),
        perpetrator_words=frozenset(rows["PERPETRATOR"]["words"]),
        perpetrator_phrases=_phrase_regex(rows["PERPETRATOR"]["phrases"]),
        undated=_phrase_regex(rows["UNDATED"]["phrases"]),
        # the listed phrases, and the family "(not/can't/wasn't ...) (remember/sure/tell you)
        # (when/which day/what day/the date)"
        day_unknown=re.compile(
            _phrase_regex(rows["REPORT_DAY_UNKNOWN"]["phrases"]).pattern
            + "|(?<![\\w'’])(?:"
            + rows["REPORT_DAY_UNKNOWN"]["pattern"]
            + ")"
            # a table's or a pasted spreadsheet's cell holding only "?" or "??" (a date not known)
            + "|"
            + rows["REPORT_DAY_UNKNOWN"]["cell_pattern"],
            re.I,
        ),
        agency_unknown=_phrase_regex(rows["AGENCY_UNKNOWN"]["phrases"]),
        # A background word just before the date phrase, with at most one filler word between.
        background=_phrase_regex(
            rows["BACKGROUND"]["phrases"],
            # never across the end of a sentence ("not since. Friday 30 October, a fight"), nor
            # across a comma, which opens the date's own clause ("we have lived here since the
            # day they moved in, on the 2nd they threw a brick", "In between, on Saturday ...")
            r"[^\w.!?;,]+(?:(?:the|a|an|about|around|roughly|on|in|at|of|early|late|mid)"
            r"[^\w.!?;,]+)?$",
        ),
        background_start=re.compile(
            r"(?:since|from|until|till|every|between|throughout|by)\b", re.I
        ),
    )


# "can't remember if I rang on ...", "not sure whether she reported it on ...": the writer is not
# sure of the day a report was made on
_REPORT_DAY_UNSURE = re.compile(
    r"\b(?:can'?t|cannot|don'?t|doesn'?t|do not|not|couldn'?t|could not)\W+(?:remember|recall|"
    r"know|sure|say)\W+(?:if|whether)\W+(?:i|we|she|he|they|mum|dad|it)\W+(?:\w+\W+)?(?:rang|"
    r"rung|called|phoned|reported|told|emailed|contacted|did|was|were)\b[^.!?;]*$",
    re.I,
)


def report_day_unsure(text: str, s_start: int, start: int, s_end: int) -> bool:
    """Whether the date phrase at ``start`` is one of the days a report may have been made on
    ("i did report it but i cant remember if i rang on tuesday or wednesday")."""
    unsure = _REPORT_DAY_UNSURE.search(text, max(s_start, start - 90), start)
    return (
        unsure is not None and re.search(r"\bor\b", text[unsure.start() : s_end], re.I) is not None
    )


_WORD = re.compile(r"[a-z][a-z'’]*")


def lower_words(text: str) -> list[str]:
    """The lower-cased words of ``text``."""
    return _WORD.findall(text.lower())


_WEAK_EVENT_WORDS = frozenset({"again", "back", "same", "called", "calling"})


# The possessive ending right after a word ("Friday's", "last night’s")
POSSESSIVE = re.compile(r"['’]s\b")

# Idioms that hold a behaviour word and tell nothing done: "a bit", "a little bit of", "bit by
# bit" (never "the dog bit me").
# A party in the legal or formal sense: "the other party did not attend", "either party", "both
# parties agreed", "a third party", "the working party", "party to the agreement".
_IDIOMS = re.compile(
    r"\b(?:(?:a|quite a|a little|a tiny|little|tiny)\s+bit|bit\s+(?:of|by\s+bit))\b"
    r"|\b(?:(?:the\s+)?other|either|neither|both|each|(?:a\s+|the\s+)?third|working|interested"
    r"|relevant|responsible|injured|affected)\s+part(?:y|ies)\b|\bparty\s+to\b",
    re.I,
)


# The writer's own gathering: "our ruby wedding party", "we had a barbecue", "my 40th birthday
# party", "we threw a party for my son" (never "their party", "the party next door").
_OWN_GATHERING = re.compile(
    r"\b(?:my|our|we\s+(?:had|held|threw|were\s+having|are\s+having|have\s+had)"
    r"(?:\s+(?:a|an|the|our|my))?)\s+(?P<between>(?:[\w'’-]+\s+){0,3}?)"
    r"(?:party|parties|barbecue|barbeque|bbq|bonfire|fireworks?|gathering|do)\b",
    re.I,
)


def _blank_own(m: re.Match[str]) -> str:
    between = lower_words(m.group("between"))
    lex = event_lexicon()
    if any(w in lex.event_words or w.startswith(lex.event_stems) for w in between):
        return m.group(0)  # "my window smashed at the party": behaviour told inside it
    return " " * len(m.group(0))


def without_idioms(text: str) -> str:
    """``text`` with the idioms that hold a behaviour word ("a bit") and the writer's own
    gatherings ("our anniversary party") blanked (offsets kept)."""
    return _OWN_GATHERING.sub(_blank_own, _IDIOMS.sub(lambda m: " " * len(m.group(0)), text))


def has_event(text: str, strong: bool = False) -> bool:
    """Whether ``text`` says something was done: a behaviour word ("strong": not only "again")."""
    lex = event_lexicon()
    return any(
        (w in lex.event_words or w.startswith(lex.event_stems))
        and not (strong and w in _WEAK_EVENT_WORDS)
        for w in lower_words(without_idioms(text))
    )


def has_perpetrator(text: str) -> bool:
    """Whether ``text`` names someone doing something ("they", "the lads", "one of them")."""
    lex = event_lexicon()
    return bool(lex.perpetrator_words.intersection(lower_words(text))) or bool(
        lex.perpetrator_phrases.search(text)
    )


def date_value(mention: Any) -> tuple[date | None, date | None]:
    """A date phrase's first and last day."""
    return mention.start_date, mention.end_date


def is_incident_anchor(mention: Any) -> bool:
    """Whether a date phrase counts from the incident ("the next day"), not the reference time."""
    return str(getattr(mention, "anchor", "reference")) == "incident"


def when_clause(text: str, clause_end: int) -> tuple[int, int] | None:
    """The "when ..." clause starting at ``clause_end``, if that is where the clause broke."""
    m = re.match(r"\s*(?:when|as)\b", text[clause_end : clause_end + 8], re.I)
    if m is None:
        return None
    start = clause_end + m.end()
    stop = re.search(r"[.;:!?]|\b(?:but|and then|then)\b", text[start : start + 120])
    return start, start + (stop.start() if stop else min(120, len(text) - start))


# "Welland Court", "Kingsley Court": an address, not a court of law (Crown, County, Magistrates').
PLACE_COURT = re.compile(
    r"\b(?!(?:Crown|County|Magistrates|Family|High|Youth|Supreme|Appeal)\b)[A-Z][a-z]+['’]?\s+Court\b"
)
# What may stand between a day and the report verb it dates: "two days later I reported it".
LEAD_IN = re.compile(
    r"[\s,]*(?:and\s+|then\s+|so\s+)*(?:i|we|she|he|they|my \w+|mum|dad)?\s*"
    r"(?:only|finally|then|also)?\s*",
    re.I,
)
SAME_ABUSE = re.compile(
    r"\b(?:shout\w*|call\w*|said|yell\w*|scream\w*)\s+(?:\w+\s+){0,2}"
    r"the same (?:stuff|things?|abuse|names|words|slurs?)\b"
    # "the same shouting", "shouting it again": the abuse just told, by its verb
    r"|\bthe same (?:shouting|abuse|name[- ]calling|names|chanting|insults)\b"
    r"|\b(?:shouting|shouted|yelling|yelled|screaming|screamed|chanting|chanted|calling)"
    r"\s+(?:it|that|them|those|those names|that stuff|that word)\b"
    r"(?!\s+(?:out|off|up|down|in|on)\b)"
    # "they said the same to my wife", "shouted exactly the same at us": the words just told
    r"|(?<!\bi\s)(?<!\bwe\s)\b(?:said|say|says|saying|shout\w*|yell\w*|scream\w*)\s+(?:exactly\s+|much\s+)?the\s+same"
    r"(?:\s+thing)?\s+(?:to|at)\s+(?:me|us|him|her|them|my|our|his|their)\b"
    # "Last Tuesday it happened again", "they did the same thing again": the act just told, again
    r"|\b(?:it|this|that|the same(?:\s+thing)?)(?:\s+has|\s+had|['’]s)?\s+(?:all\s+)?happened"
    r"\s+(?:all\s+over\s+)?again\b"
    r"|\b(?:it|this|that|the same(?:\s+thing)?)\s+(?:also\s+)?happened(?:\s+[a-z0-9]+){0,4}?"
    r"\s+(?:too|as well)\b"
    r"|\b(?:did|done|do|does|doing)\s+(?:it|that|the\s+same(?:\s+thing)?)\s+again\b",
    re.I,
)
# Someone doing something as the writer writes: "they're at the door", "he is kicking the car".
HAPPENING = re.compile(
    r"\b(?:they['’]?re|they are|he['’]?s|he is|she['’]?s|she is|someone['’]?s|someone is|"
    r"somebody['’]?s|somebody is|(?:there['’]?s|there is|there are|there['’]re) (?:an?|some|"
    r"people|lads|men|kids|youths|boys|girls|teenagers|loads of|lots of|two|three|four|five|"
    r"six|\d+))\b",
    re.I,
)
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I
)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b", re.I)


def specificity(mention: Any) -> int:
    """3 for a written day or month, 2 for a relative day ("a fortnight ago"), 1 for a weekday."""
    text = mention.text
    if re.search(r"\d", text) or _MONTH_WORD.search(text):
        return 3
    if _WEEKDAY_WORD.search(text):
        return 1
    return 2


def within_spans(char: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``char`` falls in one of ``spans`` (sorted, non-overlapping; ``starts`` theirs)."""
    k = bisect.bisect_right(starts, char) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def drop_shadowed(mentions: list[Any]) -> list[Any]:
    """Where two date phrases overlap, keep the longer."""
    mentions = sorted(mentions, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Any] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def clause_end_char(doc: Doc, end_char: int) -> int:
    """Character offset where the clause starting at ``end_char`` ends (see nlp.reports)."""
    starts = token_starts(doc)
    k = bisect.bisect_left(starts, end_char)
    token_index = k if k < len(starts) else None
    if token_index is None or token_index == 0:
        return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    j = clause_end_token(doc, token_index)
    return doc[j].idx if j < len(doc) else doc[-1].idx + len(doc[-1].text_with_ws)


def reference_day_of(doc: Doc) -> date | None:
    """The day (Europe/London) of the time the Doc's relative dates resolve against."""
    ref = doc._.reference
    if ref is None:
        return None
    return ref.astimezone(ZoneInfo("Europe/London")).date()  # type: ignore[no-any-return]
