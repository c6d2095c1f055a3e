"""The labels of the parties' cues, and the cues of a short chat answer to the bot's question.

Split out of :mod:`nlp.parties` (which re-exports both) to keep that module under the house size.
"""

from __future__ import annotations

import re
from enum import StrEnum

from nlp.answers import answer_pieces
from nlp.findings import Finding
from nlp.party_patterns import party_patterns
from nlp.party_words import (
    IDENTITY_KEPT,
    IDENTITY_PROMPT,
    NAME_ANSWER,
    NAME_PROMPT,
    NO_NAMES,
    NOT_NAMES,
    asked_question,
)


class PartyCue(StrEnum):
    """Labels of the findings :func:`find_party_cues` returns."""

    THIRD_PARTY = "third_party"  # value: the relationship ("councillor", "support worker") or None
    CONSENT_GIVEN = "consent_given"
    CONSENT_REFUSED = "consent_refused"
    COMMUNITY_REPORTERS = "community_reporters"  # value: the count, the applicant included
    VICTIM_NAME = "victim_name"  # value: the name as written
    VICTIM_ADDRESS = "victim_address"
    SELF_ADDRESS = "self_address"  # the writer's own address ("we live at ...")
    OWN_NAME = "own_name"  # the writer's own name ("my name is ...")
    PHONE = "phone"  # value: the number as written
    VICTIM_PHONE = "victim_phone"  # a number given for the victim ("contact her directly on ...")
    VICTIM_EMAIL = "victim_email"  # an address given for the victim ("her email is ...")
    NAME_WRITTEN = "name_written"  # a titled full name anywhere: writes out a shorter one
    OWN_EMAIL = "own_email"  # the writer's own address ("my email is ...")
    OWN_NAME_LOWER = "own_name_lower"  # "this is pat osborne": only writes out a short one
    OTHER_ACCOUNT = "other_account"  # "from my wife's account": the sender is not the writer
    # "from Mrs Sue Hale, whose father Mr Len Hale ...": value "author\nrelative"
    AUTHORS_KIN = "authors_kin"


def answer_cues(answer: str, prompt: str | None) -> list[Finding]:
    """Consent given or refused by a short chat answer to the bot's question about sharing.

    "yes that's fine" after "Are you happy for us to share your details with the police?" is
    consent; "no" is a refusal. Offsets are into ``answer``.
    """
    if not prompt:
        return []
    compiled = party_patterns()
    name = NAME_ANSWER.fullmatch(answer.strip())
    head = answer.strip().split(",")[0]
    if name is None and head[:1].isupper() and len(head.split()) > 1:
        name = NAME_ANSWER.fullmatch(head)  # "Rajesh Mistry, 118 Fleet Rd": name, then address
    if name is None and "." in answer:
        name = _said_again_in_full(answer)  # "its Robyn. Robyn Ashdown"
    words = set(name.group(1).lower().split()) if name else set()
    plain = not (words & (compiled.name_stopwords | NOT_NAMES))
    if NAME_PROMPT.search(prompt.lower()) and name and plain:
        value = " ".join(w if w[:1].isupper() else w.capitalize() for w in name.group(1).split())
        start = answer.index(name.group(1))
        return [
            Finding(
                PartyCue.OWN_NAME, start, start + len(name.group(1)), "parties: name given", value
            )
        ]
    if not compiled.prompt_consent.search(asked_question(prompt).lower()):
        return []
    if IDENTITY_PROMPT.search(prompt.lower()) and IDENTITY_KEPT.search(
        answer.lower().replace("\u2019", "'")
    ):
        return []  # "we'll need your name ..." - "no. i want to stay anonymous": the name refused
    answers = (
        (compiled.answer_no, PartyCue.CONSENT_REFUSED),
        (compiled.answer_yes, PartyCue.CONSENT_GIVEN),
    )
    for offset, piece in answer_pieces(answer.lower()):
        if NO_NAMES.match(piece):
            continue  # "No names. Just want it stopped": anonymity (nlp.exclusions), not a refusal
        for pattern, label in answers:
            match = pattern.search(piece)
            if match:
                start, end = offset + match.start(), offset + match.end()
                return [Finding(label, start, end, "parties: answer to a consent question")]
    return []


def _said_again_in_full(answer: str) -> re.Match[str] | None:
    """The fullest of a name said in pieces, each a name within the fullest ("its Robyn. Robyn
    Ashdown", "Dave. Dave Smith."); None when a piece is something else or adds another name."""
    pieces = [p.strip() for p in answer.strip().split(".") if p.strip()]
    found = [NAME_ANSWER.fullmatch(p) for p in pieces]
    names = [m for m in found if m is not None]
    if len(pieces) < 2 or len(names) != len(pieces):
        return None
    fullest = max(names, key=lambda m: len(m.group(1).split()))
    words = set(fullest.group(1).lower().split())
    if all(set(m.group(1).lower().split()) <= words for m in names):
        return fullest
    return None
