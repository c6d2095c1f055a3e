"""One segmentation into sentences and clauses, written once per Doc for every recogniser.

The ``clauses`` component (after spaCy's ``sentencizer``) cuts the text once and writes the cuts
to ``doc._.clauses`` (a :class:`Segmentation`: every kind below, with exact character offsets),
which the recognisers read instead of cutting the text again, and its ``clause`` cuts to
``doc.spans["clauses"]`` (labelled spans, for spaCy's tools and displacy). The recognisers need
cuts of different strengths, so each cut is a :class:`Cut` kind and a recogniser picks the kinds
it reads by name:

- ``sentence``: spaCy's sentences (the sentencizer's ``. ! ?``); the report finder's windows.
- ``paragraph_sentence``: a ``sentence`` also ended by a blank line or before a line of a list or
  a diary ("- ...", "1) ...", "14/10 | ...", "Monday 1 June - ..."); the incident assembler's.
- ``clause``: a ``paragraph_sentence`` cut at ``; : but then ( )`` (what a date phrase's clause
  says about it); ``part``: cut at ``; :`` only.
- ``report_clause``: a ``sentence`` cut before a clause word (``. ; : ! ? but because then when
  while after before so``) or a line break: where a report cue's clause ends.
- ``text_sentence``: ``. ! ?`` before whitespace or any hard line break (not a soft wrap, not
  after "Mrs." or "Ref."); the recognisers that match the canonical text (hate, risk, exclusions,
  parties) read these.
- ``contrast``: a ``text_sentence`` cut before "but", "though", "however", ... or ``;`` (on the
  canonical words): a denial holds in its own contrast clause ("never threatened me, but ...").
  Cut when first read (only the risk finder reads it, for sentences with a risk cue).

A recogniser that reads plain text outside a pipeline (a chat answer, a test) gets the same text
cuts from :func:`segment_text`. Nothing is compiled or registered at import time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from nlp.lexicon import Sentence, sentences

KEY = "clauses"  # doc.spans key, and the Doc extension holding the Segmentation


class Cut(StrEnum):
    """The kinds of cut the ``clauses`` component writes (see the module docstring)."""

    SENTENCE = "sentence"
    PARAGRAPH_SENTENCE = "paragraph_sentence"
    CLAUSE = "clause"
    PART = "part"
    REPORT_CLAUSE = "report_clause"
    TEXT_SENTENCE = "text_sentence"
    CONTRAST = "contrast"


# Where a date phrase's clause ends, and where the coarser part does.
CLAUSE_SEPARATORS = (";", ":", " but ", " then ", "(", ")")
PART_SEPARATORS = (";", ":")
# Words (tokens) that end the clause a report cue governs; a line break does too.
REPORT_CLAUSE_BREAKS = tuple(". ; : ! ? but because then when while after before so".split())
# Canonical words that open a contrast clause (not as a sentence's first word), and marks that
# open one anywhere.
CONTRAST_WORDS = ("but", "though", "although", "however", "yet", "whereas", "except")
CONTRAST_MARKS = (";",)

_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "cllr",
        "no",
        "ref",
        "approx",
        "tel",
        "mob",
        "rd",
        "ave",
        "sgt",
        "pc",
        "e.g",
        "i.e",
        "etc",
    }
)
# "Sept. 2": an abbreviated month's full stop before a day number ends no sentence.
_MONTH_BEFORE_DAY = re.compile(
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.[ \t]+\d{1,2}(?:st|nd|rd|th)?\b", re.I
)
# A line break after a space is a soft wrap (format=flowed), with or without a carriage return.
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s)|\n\s*\n|(?<! )\r\n|(?<![ \r])\n")
_BLANK_LINE = re.compile(r"\n\s*\n")
# A line of a list or a diary starts a paragraph sentence of its own: a bullet, "1)" or "2.", a
# numeric date ("14/10 | ...", "4.6.26:"), or a capitalised weekday ("Monday 1 June - ..."), each
# also as the first cell of a pipe table's row ("| 14/10/2026 | ... |"). A
# quote marker ("> ") is not a bullet: quoted mail wraps its sentences over such lines. A day
# told in words heads a diary line too when a cell separator follows it ("Yesterday - hammering
# ...", "last night: ...", "3rd Oct - ...", "Oct 3 | ...", "2 weeks ago - ..."), in any case.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WORDED_DAY = (
    r"(?i:(?:yesterday|today|tonight|this\s+(?:morning|afternoon|evening)"
    r"|last\s+(?:night|nite|week|weekend|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)"
    r"|(?:\d+|a|one|two|three|four)\s+(?:days?|weeks?|fortnight)\s+ago"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:\s+\d{4})?[ \t]*(?:[-–—:|]|\t))"
)
# A line headed by a named day before a separator: "Easter Monday - they snapped the gate",
# "New Years Eve: fireworks at the door", "Bonfire night | rang 101".
_NAMED_DAY = (
    r"(?i:(?:easter|christmas|xmas|boxing|bonfire|firework|halloween|hallowe['’]en"
    r"|new\s+year['’]?s?|valentine['’]?s?|father['’]?s|mother['’]?s|mothering)"
    r"(?:\s+(?:day|eve|night|monday|sunday|weekend))?[ \t]*(?:[-–—:|]|\t))"
)
# A line headed by a few words and a numeric date before a separator: "Entry dated 10/10/2026 -",
# "Visit 02/11 -", "Logged on 3/9/26:".
_LABELLED_DAY = r"(?:[A-Za-z]+[ \t]+){1,3}\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?[ \t]*(?:[-–—:|]|\t)"
_LIST_LINE = re.compile(
    r"(?<![ \r])\r?\n(?=[ \t]*(?:\|[ \t]*)?(?:[-*•–]\s|\d{1,2}[).]\s|\d{1,2}[/.-]\d{1,2}\b"
    rf"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|{_WORDED_DAY}|{_NAMED_DAY}|{_LABELLED_DAY}))"
)


# A hard-wrapped line of prose (mail wrapped at 72-78 characters) is this long at least, and
# no longer than the widest wrap: a longer line was typed as it stands (a chat message's line,
# an unwrapped mail's paragraph), and its line break is the writer's.
_WRAP_WIDTH = 60
_WIDEST_WRAP = 90


def _wrapped(text: str, start: int, length: int) -> bool:
    """Whether the line break in the whitespace at ``start`` only wraps prose: a long line of prose
    runs on into one that is not a list or diary line ("I telephoned the / council's team"). A
    list line, a blank line, a short line or one ending a sentence is a real break."""
    end = start + length
    if "\n" in text[start:end].replace("\n", "", 1) or end >= len(text):
        return False  # a blank line
    line_start = text.rfind("\n", 0, start) + 1
    width = start - line_start
    if not _WRAP_WIDTH <= width <= _WIDEST_WRAP or text[start - 1 : start] in {
        ".",
        ":",
        ";",
        "!",
        "?",
    }:
        return False
    breaks_at = min(k for k in (text.find("\r", start, end), text.find("\n", start, end)) if k >= 0)
    return _LIST_LINE.match(text, breaks_at) is None


def unwrapped_text(text: str) -> str | None:
    """``text`` with each line break that only wraps prose (see :func:`_wrapped`) made a space,
    offsets kept ("your community\nsafety team" -> "your community safety team"), or None when
    nothing is wrapped: phrase matchers then find phrases a hard-wrapped mail splits."""
    if "\n" not in text:
        return None
    chars = None
    for match in _LINE_BREAK.finditer(text):
        if _wrapped(text, match.start(), 1):
            chars = chars if chars is not None else list(text)
            chars[match.start()] = " "
    return "".join(chars) if chars is not None else None


_LINE_BREAK = re.compile(r"(?<=\S)\n(?=\S)")


# Mail is wrapped at 72-78 characters: a longer line is a message of its own (a chat's).
_WRAP_MOST = 80


def unwrapped_bounds(text: str, bounds: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The text sentences, with those a hard-wrapped mail cut at a line break joined again ("my
    daughter is 7 and she was in the hall when / it came through, she wont go near the door"):
    a line break :func:`unwrapped_text` finds only wraps prose ends no sentence."""
    unwrapped = unwrapped_text(text) if len(bounds) > 1 else None
    if unwrapped is None:
        return bounds
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        at = joined[-1][1] - 1 if joined else 0
        if (
            joined
            and unwrapped[at] == " "
            and text[at] == "\n"
            and at - text.rfind("\n", 0, at) <= _WRAP_MOST  # not a chat's long message
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


class Clause(NamedTuple):
    """One cut stretch ``text[start:end]`` of a kind; ``cut`` is the separator that opened it
    (character offsets), None for the first stretch of its sentence. (A named tuple: every
    message is cut into hundreds, and a frozen dataclass cost three times as much to build.)"""

    kind: Cut
    start: int
    end: int
    cut: tuple[int, int] | None = None

    @property
    def label(self) -> str:
        """The span label in ``doc.spans["clauses"]``."""
        return self.kind.value


@dataclass(frozen=True)
class Segmentation:
    """Every cut of one text, by kind, in text order, with lookup tables over spaCy's tokens.

    ``sentence_starts[i]``/``sentence_ends[i]`` are the first and one-past-last token index of
    token ``i``'s ``sentence``; ``report_breaks`` holds the tokens that end a ``report_clause``.
    """

    text: str
    clauses: dict[Cut, tuple[Clause, ...]]
    sentence_starts: list[int] = field(default_factory=list)
    sentence_ends: list[int] = field(default_factory=list)
    report_breaks: frozenset[int] = frozenset()
    _starts: dict[Cut, list[int]] = field(default_factory=dict, compare=False, repr=False)
    _bounds: dict[Cut, tuple[tuple[int, int], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def of(self, kind: Cut) -> tuple[Clause, ...]:
        """The stretches of one kind, in text order (``contrast`` is cut when first read)."""
        if kind not in self.clauses and kind is Cut.CONTRAST:
            self.clauses[kind] = _contrast_cuts(self.text, self.bounds(Cut.TEXT_SENTENCE))
        if kind not in self.clauses:
            raise KeyError(f"no '{kind}' cuts: the text was cut without a spaCy Doc")
        return self.clauses[kind]

    def bounds(self, kind: Cut) -> tuple[tuple[int, int], ...]:
        """The ``(start, end)`` character offsets of the stretches of one kind (read once: every
        recogniser asks for the text sentences)."""
        found = self._bounds.get(kind)
        if found is None:
            found = self._bounds[kind] = tuple((c.start, c.end) for c in self.of(kind))
        return found

    def within(self, kind: Cut, start: int, end: int) -> tuple[Clause, ...]:
        """The stretches of one kind that start in ``[start, end]``."""
        starts = self._starts.get(kind)
        if starts is None:
            starts = self._starts[kind] = [c.start for c in self.of(kind)]
        stretches = self.of(kind)
        return stretches[bisect.bisect_left(starts, start) : bisect.bisect_right(starts, end)]

    def clause_around(self, kind: Cut, sentence: tuple[int, int], start: int, end: int) -> str:
        """The text of the ``kind`` clause (``clause`` or ``part``) of ``sentence`` (a
        ``paragraph_sentence``'s bounds) that holds ``[start, end)``: from just after the last
        separator that ends by ``start`` to the first separator starting at or after ``end``."""
        left, right = self.bounds_around(kind, sentence, start, end)
        return self.text[left:right]

    def bounds_around(
        self, kind: Cut, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[int, int]:
        """The character offsets of the clause :meth:`clause_around` returns."""
        s_start, s_end = sentence
        cuts = [
            c.cut
            for c in self.within(kind, s_start, s_end)
            if c.cut is not None and s_start <= c.cut[0] < s_end
        ]
        left = max((c[0] for c in cuts if c[1] <= start), default=-1)
        right = min((c[0] for c in cuts if c[0] >= end), default=-1)
        return (left + 1 if left >= 0 else s_start, right if right >= 0 else s_end)

    def contrast_bounds(self, sentence: Sentence) -> list[int]:
        """Where the ``contrast`` clauses of a canonical ``text_sentence`` start, as offsets into
        its canonical text: at a mark (``;``), or at the space before a contrast word."""
        first_token = {token.start: k for k, token in enumerate(sentence.tokens)}
        bounds = []
        for clause in self.within(Cut.CONTRAST, sentence.start, sentence.end):
            if clause.cut is None or clause.cut[0] not in first_token:
                continue
            k = first_token[clause.cut[0]]
            mark = sentence.tokens[k].text in CONTRAST_MARKS
            bounds.append(sentence.token_starts[k] - (0 if mark else 1))
        return bounds


def text_sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The ``text_sentence`` stretches of ``text`` that hold more than whitespace.

    A line break ending in a space is a soft wrap (format=flowed mail) and does not end a sentence;
    any other line break or blank line does, as does ``.``/``!``/``?`` before whitespace (except
    after titles and abbreviations such as "Mrs." and "Ref.").
    """
    return list(_text_sentence_bounds(text))


# A few: a chat's account is cut again for each of its messages (the hate recogniser's context).
@lru_cache(maxsize=16)
def _text_sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group(0).startswith("."):
            before = _word_before_dots(text[start : match.start() + 1])
            if before and before.lower() in _ABBREVIATIONS:
                continue
            if before and _MONTH_BEFORE_DAY.match(text, match.start() - len(before)):
                continue
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return tuple((s, e) for s, e in bounds if text[s:e].strip())


def _word_before_dots(chunk: str) -> str | None:
    r"""The word ``re.search(r"(\w+)\.+$", chunk)`` finds before the dots ``chunk`` ends with (a
    chunk ending in "."), read from the end: the search tried every start, the whole sentence
    again at each full stop."""
    body = chunk.rstrip(".")
    if len(body) == len(chunk):
        return None
    start = len(body)
    while start and (body[start - 1].isalnum() or body[start - 1] == "_"):  # what \w matches
        start -= 1
    return body[start:] or None


_CONTRAST_WORD = re.compile(r"(?:" + "|".join(CONTRAST_WORDS) + r")\b")


def _text_cuts(text: str) -> dict[Cut, tuple[Clause, ...]]:
    """The cuts that need no spaCy Doc, but ``contrast``: only ``text_sentence``.

    ``contrast`` needs the canonical words of every sentence, which only the risk finder reads
    and only for sentences with a risk cue: :meth:`Segmentation.of` cuts it when first asked.
    """
    bounds = text_sentence_bounds(text)
    return {Cut.TEXT_SENTENCE: tuple(Clause(Cut.TEXT_SENTENCE, s, e) for s, e in bounds)}


def _contrast_cuts(text: str, bounds: Sequence[tuple[int, int]]) -> tuple[Clause, ...]:
    """Each ``text_sentence`` cut before a contrast word or mark, on its canonical words."""
    contrast: list[Clause] = []
    for sentence in sentences(text, bounds):
        start, opener = sentence.start, None
        for k, token in enumerate(sentence.tokens):
            if token.text in CONTRAST_MARKS or (k and _CONTRAST_WORD.match(token.text)):
                contrast.append(Clause(Cut.CONTRAST, start, token.start, opener))
                start, opener = token.start, (token.start, token.end)
        contrast.append(Clause(Cut.CONTRAST, start, sentence.end, opener))
    return tuple(contrast)


# A few: a chat's whole account is cut again for each of its messages (the hate recogniser's
# context), and read once more for its risk flags. A Segmentation's lazy parts (``contrast``, its
# look-up tables) are the same whoever asks first.
@lru_cache(maxsize=16)
def segment_text(text: str) -> Segmentation:
    """The text cuts (``text_sentence``, ``contrast``) of plain text, outside a pipeline."""
    return Segmentation(text, _text_cuts(text))


def _separated(
    kind: Cut, text: str, sentences: Sequence[tuple[int, int]], separators: Sequence[str]
) -> list[Clause]:
    """Each sentence cut at every occurrence of the separators found in it."""
    out: list[Clause] = []
    for s_start, s_end in sentences:
        around = text[s_start:s_end]
        found: list[tuple[int, int]] = []
        for separator in separators:
            i = around.find(separator)
            while i >= 0:
                if not _time_colon(around, i, separator):
                    found.append((s_start + i, s_start + i + len(separator)))
                i = around.find(separator, i + 1)
        start, opener = s_start, None
        for cut in sorted(found):
            out.append(Clause(kind, start, cut[0], opener))
            start, opener = cut[0] + 1, cut
        out.append(Clause(kind, start, s_end, opener))
    return out


def _time_colon(text: str, i: int, separator: str) -> bool:
    """Whether the separator at ``text[i]`` is the colon of a clock time ("23:40", "6:15pm"),
    which ends no clause."""
    return (
        separator == ":"
        and 0 < i < len(text) - 1
        and text[i - 1].isdigit()
        and text[i + 1 : i + 3].isdigit()
    )


@dataclass(frozen=True)
class ClauseSettings:
    """The separators the component cuts at (its spaCy config)."""

    clause_separators: tuple[str, ...] = CLAUSE_SEPARATORS
    part_separators: tuple[str, ...] = PART_SEPARATORS
    report_clause_breaks: frozenset[str] = frozenset(REPORT_CLAUSE_BREAKS)


TEXT_KEY = "trigger_text"
# ``doc.user_data`` key: the cuts again (the same object as ``doc._.clauses``), for quick reading.
_CUTS_KEY = "trigger_cuts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once: spaCy rebuilds ``Doc.text`` from every token on each access."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@lru_cache(maxsize=8)
def _hashes(strings: StringStore, words: frozenset[str]) -> frozenset[int]:
    """The ids of ``words`` in a vocabulary's strings (added once, not for every Doc)."""
    return frozenset(strings.add(word) for word in words)


def segment_doc(doc: Doc, settings: ClauseSettings | None = None) -> Segmentation:
    """Every cut of a Doc whose sentences the sentencizer has set."""
    settings = settings or ClauseSettings()
    text = doc_text(doc)
    n = len(doc)
    # Token offsets and words read once as arrays: building a Token object per lookup was most
    # of this component's time.
    rows = doc.to_array(["IDX", "LENGTH", "LOWER", "IS_SPACE"]).tolist() if n else []
    idx = [row[0] for row in rows]
    end_of = [row[0] + row[1] for row in rows]
    annotated = doc.has_annotation("SENT_START")
    spacy_sentences = [(0, n)]
    if annotated:  # ``doc.sents`` from the array: a sentence starts at 0 and where SENT_START is 1
        starts_at = (doc.to_array("SENT_START")[1:] == 1).nonzero()[0] + 1 if n else []
        firsts = [0, *(int(i) for i in starts_at)] if n else []
        spacy_sentences = list(zip(firsts, [*firsts[1:], n], strict=False))
    starts, ends = [0] * n, [n] * n
    if annotated:
        for first, last in spacy_sentences:
            starts[first:last] = [first] * (last - first)
            ends[first:last] = [last] * (last - first)
    sentence_clauses = tuple(
        Clause(Cut.SENTENCE, idx[a], end_of[b - 1]) for a, b in spacy_sentences if b > a
    )
    # paragraph sentences: spaCy's sentences, also cut at blank lines
    cuts = {idx[first] for first, last in spacy_sentences if last > first} if annotated else {0}
    cuts.update(m.end() for m in _BLANK_LINE.finditer(text))
    cuts.update(m.end() for m in _LIST_LINE.finditer(text))
    cuts.add(0)
    ordered = sorted(cuts)
    paragraph = [
        (s, ordered[i + 1] if i + 1 < len(ordered) else len(text)) for i, s in enumerate(ordered)
    ]
    break_words = _hashes(doc.vocab.strings, settings.report_clause_breaks)
    breaks = frozenset(
        j
        for j, (start, length, lower, space) in enumerate(rows)
        if lower in break_words
        or (space and "\n" in text[start : start + length] and not _wrapped(text, start, length))
    )
    report_clauses: list[Clause] = []
    for first, last in spacy_sentences:
        a = first
        for j in range(first + 1, last):
            if j in breaks:
                opener = (idx[a], end_of[a]) if a > first else None
                report_clauses.append(Clause(Cut.REPORT_CLAUSE, idx[a], end_of[j - 1], opener))
                a = j
        if last > a:
            opener = (idx[a], end_of[a]) if a > first else None
            report_clauses.append(Clause(Cut.REPORT_CLAUSE, idx[a], end_of[last - 1], opener))
    clauses = {
        Cut.SENTENCE: sentence_clauses,
        Cut.PARAGRAPH_SENTENCE: tuple(Clause(Cut.PARAGRAPH_SENTENCE, s, e) for s, e in paragraph),
        Cut.CLAUSE: tuple(_separated(Cut.CLAUSE, text, paragraph, settings.clause_separators)),
        Cut.PART: tuple(_separated(Cut.PART, text, paragraph, settings.part_separators)),
        Cut.REPORT_CLAUSE: tuple(report_clauses),
        **_text_cuts(text),
    }
    return Segmentation(text, clauses, starts, ends, breaks)


def segmentation(doc: Doc) -> Segmentation:
    """The cuts the ``clauses`` component wrote to ``doc._.clauses``.

    Raises ``ValueError`` when the component did not run: a recogniser never cuts on its own.
    """
    # read through ``user_data`` first: every recogniser asks many times per Doc, and each
    # ``doc._`` access builds an accessor object
    cuts = doc.user_data.get(_CUTS_KEY)
    if cuts is None:
        cuts = doc._.clauses if Doc.has_extension(KEY) else None
    if not isinstance(cuts, Segmentation):
        raise ValueError("the 'clauses' component did not run on this Doc")
    return cuts


def sentence_of_token(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token index, the first and one-past-last token index of its ``sentence``."""
    cuts = segmentation(doc)
    return cuts.sentence_starts, cuts.sentence_ends


# The kinds written to ``doc.spans["clauses"]`` (for spaCy's tools and displacy): the clauses
# proper. Every kind is in ``doc._.clauses``, which the recognisers read; building a spaCy Span
# for each cut of every kind cost more than the rest of the component (``make bench``).
SPAN_KINDS = (Cut.CLAUSE,)


# "Sept. 2", "Aug. 7th", "on Dec. 21, 1988": an abbreviated month, its full stop and a day number
# are one date, not the end of a sentence and the start of the next; so are "no. 9", "Ref. 4471"
# and "Tel. 0770..." before a number, and a title before a name ("Mrs. Khan", "Dr. Patel").
_BEFORE_NUMBER = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos ref tel mob flat apt".split()
)
_BEFORE_NAME = frozenset("mr mrs ms dr cllr sgt pc st".split())
_NUMBER = re.compile(r"\d[\w/-]*", re.I)


def _join_abbreviated_months(doc: Doc) -> None:
    """Undo the sentencizer's cut after the full stop of an abbreviation before what it
    abbreviates (a day, a number, a name)."""
    if len(doc) < 3:
        return
    # the sentence starts read once as an array (``is_sent_start`` is True where SENT_START is
    # 1): a Token object for every index cost more than the rest of the component
    sent_starts = doc.to_array("SENT_START").tolist()
    for i in range(2, len(doc)):
        if sent_starts[i] != 1:
            continue
        token = doc[i]
        if doc[i - 1].text != "." or "\n" in doc[i - 1].whitespace_:
            continue
        word = doc[i - 2].lower_
        if (word in _BEFORE_NUMBER and _NUMBER.match(token.text)) or (
            word in _BEFORE_NAME and token.text[:1].isupper()
        ):
            token.is_sent_start = False


class ClausesComponent:
    """Cuts each Doc once and writes the cuts to ``doc.spans["clauses"]`` and ``doc._.clauses``."""

    def __init__(self, settings: ClauseSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        _join_abbreviated_months(doc)
        cuts = segment_doc(doc, self.settings)
        # Token boundaries by binary search: the "expand" alignment of ``doc.char_span`` (every
        # token a clause's characters touch) without its cost, which was most of this component.
        offsets = doc.to_array(["IDX", "LENGTH"]).tolist() if len(doc) else []
        token_starts = [start for start, _ in offsets]
        token_ends = [start + length for start, length in offsets]
        spans = []
        for kind in SPAN_KINDS:
            label = doc.vocab.strings.add(kind.value)
            for clause in cuts.of(kind):
                first = bisect.bisect_right(token_ends, clause.start)
                last = bisect.bisect_left(token_starts, clause.end)
                if last > first:
                    spans.append(Span(doc, first, last, label=label))
        doc.spans[KEY] = spans
        doc._.clauses = cuts
        doc.user_data[_CUTS_KEY] = cuts
        return doc


def register_extension() -> None:
    """Declare ``doc._.clauses`` (idempotent)."""
    if not Doc.has_extension(KEY):
        Doc.set_extension(KEY, default=None)


@Language.factory(
    "clauses",
    requires=["token.is_sent_start"],
    assigns=["doc.spans", "doc._.clauses"],
    default_config={
        "clause_separators": list(CLAUSE_SEPARATORS),
        "part_separators": list(PART_SEPARATORS),
        "report_clause_breaks": list(REPORT_CLAUSE_BREAKS),
    },
)
def make_clauses_component(
    nlp: Language,
    name: str,
    clause_separators: list[str],
    part_separators: list[str],
    report_clause_breaks: list[str],
) -> ClausesComponent:
    """spaCy factory: the one segmentation every recogniser reads (see the module docstring)."""
    register_extension()
    settings = ClauseSettings(
        tuple(clause_separators), tuple(part_separators), frozenset(report_clause_breaks)
    )
    return ClausesComponent(settings)
