"""People's names as a message writes them, short and full: which of two forms says more.

A display name is often short ("Dev", "Tom R", "Ron Pike") where the text gives the full name
("I'm Devinder Sandhu", "it's Tom Reilly"); a letter calls the victim "Mrs Colquhoun" where its
Re: line says "Mrs Irene Colquhoun". nlp.parties keeps the fuller form of the same person.
"""

from __future__ import annotations

from collections.abc import Iterable

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})


def _given_names(name: str) -> list[str]:
    return [w for w in name.replace(".", " ").split() if w.lower() not in _TITLES]


def says_more(name: str, than: str) -> bool:
    """Whether ``name`` says more than ``than``: more words ("Dev" / "Devinder Sandhu"), or the
    same words each written out ("Tom R" / "Tom Reilly", "Ron Pike" / "Ronald Pike")."""
    words, others = name.lower().split(), than.lower().split()
    if len(words) != len(others):
        return len(words) > len(others)
    pairs = list(zip(words, others, strict=True))
    return all(a.startswith(b) for a, b in pairs) and any(a != b for a, b in pairs)


def fullest_name(name: str, written: Iterable[str]) -> str:
    """``name``, or the fullest form of it among ``written``: "Mrs Colquhoun" is "Mrs Irene
    Colquhoun" (the same surname, more names; an initial is no name)."""
    words = _given_names(name)
    if not words:
        return name
    best, best_words = name, words
    for value in written:
        others = _given_names(value)
        fuller = len([w for w in others if len(w) > 1]) > len([w for w in best_words if len(w) > 1])
        if others and others[-1].lower() == words[-1].lower() and fuller:
            best, best_words = value, others
    return best
