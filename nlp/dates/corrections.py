"""Self-corrections among date mentions: which date was meant, which one was taken back.

"the 14th not the 15th" (right, then wrong), "not the 15th but the 14th" (wrong, then right),
"sorry, I meant the 14th" (right), "the 15th, no, it was the 14th" (wrong, taken back, then right):
the right mention gets ``corrects``, the wrong one
``negated``. Mentions relative to an incident are never paired.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlp.dates.mention import DateAnchor, DateMention

# "the 14th not the 15th", "last Monday the lights not the Sunday", "Monday, the fire, not
# Sunday": what was moved may be named between the two
_RIGHT_THEN_WRONG = re.compile(
    r"\s*,?\s*(?:(?:the|that|this|my|our)\s+[a-z]+\s*,?\s*)?(and\s+|but\s+)?not\s+(on\s+)?$",
    re.IGNORECASE,
)
_WRONG_THEN_RIGHT = re.compile(r"\s*,?\s*(but|it\s+was|rather|,)\s*(on\s+)?$", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\bnot\s+(on\s+)?$", re.IGNORECASE)
# A date taken back as it is said, the right one after it: "on the 14th, no, checking my phone it
# was the 15th", "Tuesday no sorry Wednesday", "the 14th - scratch that - the 15th", "the 14th or
# rather the 15th", "Monday, actually no, Tuesday", "the 3rd (no wait, the 4th)". A "no" counts
# only as an interjection (a mark, or a word of taking back, after it): "no one came" does not.
_TAKEN_BACK = re.compile(
    r"\s*[,;(–—-]*\s*(?:(?:no|nope|nah)(?=\s*[,;:!–—-]|\s+(?:sorry|wait|actually|it\s+was|i\s+mean"
    r"|hang\s+on|my\s+mistake|make\s+that)\b)|wait|sorry|oops|whoops|actually|correction"
    r"|scratch\s+that|or\s+rather|hang\s+on|my\s+mistake|my\s+bad)\b"
    r"(?:[^.!?\n]{0,40}?\b(?:it\s+was|i\s+mean|make\s+that|rather|sorry|wait|actually|no))?"
    r"\s*[,;:!–—-]*\s*(?:on\s+)?$",
    re.IGNORECASE,
)
_MEANT_BEFORE = re.compile(
    r"(\bi\s+meant|\bmeant\s+to\s+say|\bcorrection:?|\bsorry,?\s+(it\s+was|i\s+mean)|"
    r"\bactually,?\s+it\s+was|\bi\s+mean)\s*,?\s*(on\s+)?$",
    re.IGNORECASE,
)


def mark_corrections(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (in text order) with ``corrects`` / ``negated`` set where ``text`` corrects
    one date by another."""
    marked = list(mentions)
    for i in range(len(marked) - 1):
        first, second = marked[i], marked[i + 1]
        if first.negated or first.corrects or DateAnchor.INCIDENT in (first.anchor, second.anchor):
            continue
        between = text[first.end : second.start]
        if _RIGHT_THEN_WRONG.fullmatch(between):
            marked[i] = replace(marked[i], corrects=True)
            marked[i + 1] = replace(marked[i + 1], negated=True)
        elif (
            _WRONG_THEN_RIGHT.fullmatch(between) and _NOT_BEFORE.search(text[: first.start])
        ) or _TAKEN_BACK.fullmatch(between):
            marked[i] = replace(marked[i], negated=True)
            marked[i + 1] = replace(marked[i + 1], corrects=True)
    for i, mention in enumerate(marked):
        if not mention.corrects and _MEANT_BEFORE.search(
            text[max(0, mention.start - 40) : mention.start]
        ):
            marked[i] = replace(mention, corrects=True)
    return marked
