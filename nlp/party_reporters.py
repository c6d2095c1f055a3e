"""Reporters counted from a list below the sentence that says they reported.

"The following residents have each reported the bikes to the police:" and then one line per
person ("- Jean Watts, 2 Browney Lane", "3. the couple at no. 12", "- myself, 30 Browney Lane"):
the sentence gives no number, the list's lines do. Pattern: ``parties.json`` community
``listed_below``; sentences come from :func:`nlp.lexicon.sentences` (one per list line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlp.lexicon import Sentence, expand, load_data
from nlp.reporter_lists import community_macros

# A list line: a bullet or a number before its words ("- ", "* ", "• ", "3. ", "2) ").
_ITEM = re.compile(r"[ \t>]*(?:[-*\u2022\u2013\u00b7]|\d{1,2}[.)])[ \t]+\S")
_NEXT_LINE = re.compile(r"[^\n]*\n")


@dataclass(frozen=True)
class ListedBelow:
    """A count of listed reporters, at the introducing sentence's span in the text."""

    start: int
    end: int
    count: int


@cache
def _intro() -> re.Pattern[str]:
    community = load_data("parties.json")["community"]
    _numbers, macros = community_macros(community)
    return re.compile(expand(community["listed_below"]["intro"], macros))


def listed_below(text: str, sents: Sequence[Sentence]) -> list[ListedBelow]:
    """The counts of the lists below sentences that say the listed people reported."""
    out: list[ListedBelow] = []
    for sentence in sents:
        canon = sentence.canon
        if not canon.endswith(":") or not _intro().search(canon):
            continue
        start, end = sentence.original_span(0, len(canon))
        count = _items_after(text, end)
        if count > 1:
            out.append(ListedBelow(start, end, count))
    return out


def _items_after(text: str, position: int) -> int:
    """How many list lines follow ``position`` (blank lines before the first allowed)."""
    line = _NEXT_LINE.match(text, position)
    position = line.end() if line else len(text)
    count = 0
    while position < len(text):
        newline = text.find("\n", position)
        stop = len(text) if newline < 0 else newline
        current = text[position:stop]
        if _ITEM.match(current):
            count += 1
        elif current.strip() or count:
            break
        position = stop + 1
    return count
