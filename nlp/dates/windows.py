"""Where the date Matcher looks: a private merged copy of the doc, and short windows of it.

Speed (the whole extract must do 100 messages/s): the Matcher runs on the doc's words with its
multi-token lexicon phrases as single words (:func:`merged_words`), and only on short windows
around anchor words: a weekday, a month, a digit, "yesterday", ... (:func:`windows`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.clauses import doc_text
from nlp.dates.lexicon import Phrase
from nlp.pipeline import token_starts, token_texts

# A match may start this many tokens before its first anchor ("at the end of last week") and
# end this many after its last one ("Friday after next", "the weekend before last"); anchors
# inside one match are closer than that to each other. Check these when adding patterns.
_BEFORE, _AFTER = 5, 2
_HAS_DIGIT = re.compile(r"\d")


def windows(lowers: list[str], anchors: frozenset[str]) -> list[tuple[int, int]]:
    """Stretches (start, end) of the words around anchor words (a weekday, a month, a digit,
    "yesterday", ...).

    Running the Matcher only there keeps the component cheap: most of a message is nowhere near
    a date. ``lowers`` are the words in lower case.
    """
    found: list[list[int]] = []
    n = len(lowers)
    for i, lower in enumerate(lowers):
        if lower in anchors or _HAS_DIGIT.search(lower):
            start, end = max(0, i - _BEFORE), min(n, i + _AFTER + 1)
            if found and start <= found[-1][1]:
                found[-1][1] = end
            else:
                found.append([start, end])
    return [(start, end) for start, end in found]


def merged_words(
    doc: Doc, phrases: dict[str, list[Phrase]]
) -> tuple[list[str], list[str], list[tuple[int, int]], str]:
    """The doc's words for the Matcher, with the doc's text.

    Multi-token lexicon phrases are single words ("bonfire night", "the next morning", "wed"
    split "we" "d"): with them one word, each line of dates.jsonl is one Matcher pattern, and
    the Matcher's cost grows with the number of patterns. Whitespace tokens are left out, so a
    phrase broken by an email's hard line wrap ("the next\nmorning") still matches.
    Returns the words, the same in lower case, for each word the original tokens it stands for
    (start, end), and the text. Reads the doc's token texts and offsets: no Token objects.
    """
    orths = token_texts(doc)
    text = doc_text(doc)
    starts = token_starts(doc)
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
    return words, merged_lowers, origin, text


def trim(span: Span) -> Span:
    """The span without leading or trailing commas (optional pattern slots can take them)."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_punct:
        end -= 1
    while end - start > 1 and span.doc[start].is_punct:
        start += 1
    return span.doc[start:end]
