"""People's names as a message writes them, short and full: which of two forms says more.

A display name is often short ("Dev", "Tom R", "Ron Pike") where the text gives the full name
("I'm Devinder Sandhu", "it's Tom Reilly"); a letter calls the victim "Mrs Colquhoun" where its
Re: line says "Mrs Irene Colquhoun". nlp.parties keeps the fuller form of the same person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})


def _given_names(name: str) -> list[str]:
    return [w for w in name.replace(".", " ").split() if w.lower() not in _TITLES]


def says_more(name: str, than: str) -> bool:
    """Whether ``name`` says more than ``than``: more words ("Dev" / "Devinder Sandhu"), or the
    same words each written out ("Tom R" / "Tom Reilly", "Ron Pike" / "Ronald Pike"). Titles
    count for nothing and an initial for less than a name."""
    spelt = sum(len(w) > 1 for w in _given_names(name))
    if spelt < sum(len(w) > 1 for w in _given_names(than)):
        return False  # "Mrs B. Okonjo" says less than "Bernadette Okonjo": a title, an initial
    # an initial's full stop says nothing more ("Olu Adebayo" / "O. Adebayo")
    words, others = name.lower().replace(".", " ").split(), than.lower().replace(".", " ").split()
    if len(words) != len(others):
        return len(words) > len(others)
    pairs = list(zip(words, others, strict=True))
    return all(a.startswith(b) for a, b in pairs) and any(a != b for a, b in pairs)


def fullest_name(name: str, written: Iterable[str]) -> str:
    """``name``, or the fullest form of it among ``written``: "Mrs Colquhoun" is "Mrs Irene
    Colquhoun" (the same surname, more names; an initial is no name), "Darren" is "Darren Rand"
    (a lone first name that begins the other)."""
    words = _given_names(name)
    if not words:
        return name
    best, best_words = name, words
    for value in written:
        others = _given_names(value)
        fuller = len([w for w in others if len(w) > 1]) > len([w for w in best_words if len(w) > 1])
        same = others and (
            others[-1].lower() == words[-1].lower()
            # a lone first name: "Darren" is "Darren Rand" when the subject line says so
            or (len(words) == 1 and len(others) > 1 and others[0].lower() == words[0].lower())
        )
        if same and fuller:
            best, best_words = value, others
    return best


# A line that is only a name ("Joanne Pike", "Mrs J. Holt"), among the last lines of a message.
_NAME_LINE = re.compile(
    r"^[ \t>]*(?P<name>(?:(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?[ \t]+)?[A-Z][a-z'’-]+"
    r"(?:[ \t]+[A-Z][a-zA-Z'’-]*\.?){1,2})[ \t,.]*$",
    re.MULTILINE,
)
_NOT_NAME_WORDS = frozenset(
    "regards wishes thanks thank yours sincerely faithfully best kind many cheers love warm "
    "dear hello hi hiya morning afternoon evening "
    "team council police housing association worker officer councillor caseworker manager "
    "services service support safety community ltd limited trust homes group office "
    "sent from get outlook iphone android road street lane close avenue drive way".split()
)
_LAST_LINES = 8
_ADDRESS_LINE = re.compile(
    r"^[ \t>]*(?:(?:Flat|Apartment|Apt)[ \t]+\w+,?[ \t]+)?\d+[A-Za-z]?,?[ \t]+[A-Z]", re.MULTILINE
)


def signed_name(text: str) -> tuple[int, int, str] | None:
    """The name a message signs off with: the last line among its last few that is only a name.

    "... I can't keep paying for this.\\n\\nJoanne Pike" gives "Joanne Pike"; a closing ("Kind
    Regards"), a title line ("Community Safety Team") or an address is no name.
    """
    tail_start = len(text)
    for _ in range(_LAST_LINES):
        tail_start = text.rfind("\n", 0, max(0, tail_start - 1))
        if tail_start < 0:
            tail_start = 0
            break
    found = None
    # the lines after an address line are its town and postcode ("27 Mill Way\nMarket Deeping")
    address = _ADDRESS_LINE.search(text, tail_start)
    for match in _NAME_LINE.finditer(text, tail_start, address.start() if address else len(text)):
        words = {w.strip(".").lower() for w in match.group("name").split()}
        if not words & _NOT_NAME_WORDS:
            found = (match.start("name"), match.end("name"), match.group("name"))
    return found


def same_person_named(name: str, other: str) -> bool:
    """Whether two written names can be one person's: the same surname ("Jo Pike" / "Joanne
    Pike"), or a lone first name that begins the other ("Dev" / "Devinder Sandhu")."""
    words, others = _given_names(name), _given_names(other)
    if not words or not others:
        return False
    if len(others) == 1 or len(words) == 1:
        short, long = (others, words) if len(others) == 1 else (words, others)
        return long[0].lower().startswith(short[0].lower())
    return words[-1].lower() == others[-1].lower()


_NICKNAME = re.compile(r"[ \t]+\([^)]*\)")


def clean_name(raw: str, stopwords: frozenset[str]) -> str | None:
    """A name as a pattern caught it, without a nickname in brackets ("Mrs Patricia (Pat) Lowe"),
    a possessive ("my dad Raymond Pryor's neighbours") or trailing ``stopwords``; capitalised."""
    words = re.sub(r"['\u2019]s?$", "", _NICKNAME.sub("", raw).strip()).split()
    while words and words[-1].lower() in stopwords:
        words.pop()
    if not words or words[0].lower() in stopwords or not _given_names(" ".join(words)):
        return None  # a title alone ("Mr") is no name
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in words)


def names_in(
    text: str, patterns: Iterable[re.Pattern[str]], stopwords: frozenset[str]
) -> list[str]:
    """The cleaned ``name`` groups of every match of ``patterns`` in ``text``."""
    found = (clean_name(m.group("name"), stopwords) for p in patterns for m in p.finditer(text))
    return [name for name in found if name]
