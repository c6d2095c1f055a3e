"""Text the tokenizer can read in bounded time, with every offset kept.

spaCy's tokenizer splits prefixes and suffixes off a whitespace-free chunk one character at a
time, re-scanning the rest each time: a chunk of n punctuation characters costs O(n^2) (10,000
``=`` took 16 s, a line of ``>`` or ``=`` froze ``trigger serve``; issue 6). Real words, e-mail
addresses, dates and reference numbers are far shorter than :data:`MAX_CHUNK`, so a chunk longer
than that is not language: it is broken by turning every :data:`MAX_CHUNK`-th character into a
space. The result has the same length as the input, so evidence offsets found in it point at the
same characters of the original text (which is what is stored and shown).
"""

from __future__ import annotations

import re

# The longest run of non-space characters read as it is.
MAX_CHUNK = 100
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")


def _break(match: re.Match[str]) -> str:
    characters = list(match.group(0))
    characters[MAX_CHUNK - 1 :: MAX_CHUNK] = " " * len(characters[MAX_CHUNK - 1 :: MAX_CHUNK])
    return "".join(characters)


def bounded_text(text: str) -> str:
    """``text`` with every whitespace-free run longer than :data:`MAX_CHUNK` broken by spaces.

    Same length and same characters everywhere else; linear in the length of ``text``.
    """
    if len(text) <= MAX_CHUNK:
        return text
    return _LONG_CHUNK.sub(_break, text)
