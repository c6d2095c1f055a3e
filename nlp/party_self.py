"""What the writer says of themselves that a sender's display name may not: a full name in lower
case ("hi this is pat osborne", where the chat shows "Pat O"), their own email address ("my email
is ..."), and that they write from someone else's account ("This is David writing from my wife's
account"); and the applicant's name weighed from those and the display name.

Split out of :mod:`nlp.parties` to keep that module under the house size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.findings import Finding
from nlp.names import says_more
from nlp.party_cues import PartyCue

_LOWER_INTRO = re.compile(
    r"\b(?:this is|it's|its|i'm|im|i am|my name is|my names|my name's)\s+"
    r"(?P<name>[a-z][a-z'-]+[ \t]+[a-z][a-z'-]+)\b"
)
_OWN_EMAIL = re.compile(
    r"\b(?i:my (?:e-?mail|email address|e-mail address)(?: address)?(?: is|'s|:)|"
    r"(?:email|e-mail|contact) me (?:on|at))\s+(?P<email>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)"
)
_OTHER_ACCOUNT = re.compile(
    r"\b(?i:(?:from|on|using|via|off) (?:my|our) (?:wife|husband|partner|son|daughter|mum|mother|"
    r"dad|father|sister|brother|friend|neighbour|nan|gran)['\u2019]s (?:account|email|e-mail|"
    r"phone|mobile|laptop|computer|ipad|tablet))\b"
)
# "The Hendersons", "The Okafor family", "Henderson Household": a household, no one's name.
_HOUSEHOLD = re.compile(
    r"^(?:the\s+[A-Z][\w'-]+s|(?:the\s+)?[A-Z][\w'-]+\s+(?:family|household))$", re.IGNORECASE
)


def self_cues(text: str, stopwords: frozenset[str]) -> list[Finding]:
    """The writer's lower-case name, own email address and another's account, as cues."""
    out: list[Finding] = []
    lowered = text.lower()
    if "this is" in lowered or "i" in lowered.split() or "im" in lowered or "name" in lowered:
        for match in _LOWER_INTRO.finditer(text):
            words = match.group("name").split()
            if any(w in stopwords for w in words):
                continue
            name = " ".join(w.capitalize() for w in words)
            out.append(
                Finding(
                    PartyCue.OWN_NAME_LOWER,
                    match.start("name"),
                    match.end("name"),
                    "parties: own name in lower case",
                    name,
                )
            )
    for match in _OWN_EMAIL.finditer(text) if "@" in text else ():
        value = match.group("email").rstrip(".")
        out.append(
            Finding(PartyCue.OWN_EMAIL, match.start("email"), match.end("email"), _OWN, value)
        )
    if "'s" in lowered or "\u2019s" in lowered:
        out.extend(
            Finding(PartyCue.OTHER_ACCOUNT, m.start(), m.end(), "parties: another's account")
            for m in _OTHER_ACCOUNT.finditer(text)
        )
    return out


_OWN = "parties: own email address"


def _first_names_agree(name: str, other: str) -> bool:
    """Whether two names begin alike ("Dev" / "Devinder Sandhu"); "Omar" and "Leila" do not."""
    a, b = name.lower().split()[0], other.lower().split()[0]
    return a.startswith(b) or b.startswith(a)


def is_household_name(name: str) -> bool:
    """Whether a display name names a household ("The Hendersons"), not a person."""
    return _HOUSEHOLD.match(name.strip()) is not None


def applicant_named(
    display: str | None, introduced: str | None, own: Sequence[Finding]
) -> str | None:
    """The applicant's name: the display name, unless the writer's own words say more of the same
    person ("Dev" / "Devinder Sandhu"), the display name is a household's ("The Hendersons"), or
    the writer says they write from someone else's account; a lower-case name only ever writes
    out a short display name of the same person ("Pat O" / "pat osborne")."""
    if introduced is not None and (
        display is None
        or says_more(introduced, display)
        or is_household_name(display)
        or (
            any(f.label == PartyCue.OTHER_ACCOUNT for f in own)
            and not _first_names_agree(introduced, display)
        )
    ):
        return introduced
    if display is None:
        return None
    first = display.split()[0].lower()
    for cue in own:
        if cue.label != PartyCue.OWN_NAME_LOWER:
            continue
        name = str(cue.value)
        if name.split()[0].lower() == first and says_more(name, display):
            return name
    return display
