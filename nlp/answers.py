"""A chat answer's sentences, the one about sharing first (nlp.parties reads consent from them).

"no one hurt, dad's shaken. yes share it with whoever you need to" answers two questions ("Was
anyone hurt? And are you happy for us to share this?"): its sentence that speaks of sharing
answers the sharing question before the others do; a linking word before the answer ("and yes
pass it on") is no part of it.
"""

from __future__ import annotations

import re

_ANSWER_PIECE = re.compile(r"[^.!?;\n]+")
_SHARING_WORDS = re.compile(
    r"\b(?:shar\w*|pass\w*|consent\w*|permission|go ahead|whoever|anyone|anybody|police|council"
    r"|housing|landlord|agencies)\b"
)


_LINK = re.compile(r"\W*(?:(?:and|but|also|oh|well|as for that|as for sharing)\b\W*)+")


def answer_pieces(lowered: str) -> list[tuple[int, str]]:
    """``(offset, text)`` of each sentence of ``lowered``, those about sharing first; the whole
    answer when it has one sentence."""
    pieces = []
    for piece in _ANSWER_PIECE.finditer(lowered):
        link = _LINK.match(piece.group(0))  # "... and yes pass it on": the answer after "and"
        skip = link.end() if link else 0
        if piece.group(0)[skip:].strip():
            pieces.append((piece.start() + skip, piece.group(0)[skip:]))
    if len(pieces) < 2:
        return [(0, lowered)]
    sharing = [p for p in pieces if _SHARING_WORDS.search(p[1])]
    return sharing + [p for p in pieces if p not in sharing]
