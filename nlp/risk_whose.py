"""Whose risk sign it is: the victim's household, or a neighbour, a culprit or a child.

A condition ("has dementia", "is under our care for depression") counts as a vulnerable adult only
when it is the writer's, a household adult's or the client's the writer speaks for; self-harm told
of "he" or "she" is the household's unless a neighbour was named last. Split from
:mod:`nlp.risk` (which finds the signs); both read the same canonical sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from nlp.lexicon import Sentence


class WhosePatterns(Protocol):
    """The people patterns of ``risk.json`` these rules read (``nlp.risk``'s compiled data)."""

    @property
    def third_party(self) -> re.Pattern[str]: ...  # a neighbour, a culprit, someone outside
    @property
    def household(self) -> re.Pattern[str]: ...  # the writer's household or their client
    @property
    def child_person(self) -> re.Pattern[str]: ...  # a son, a daughter, a child
    @property
    def adult_child(self) -> re.Pattern[str]: ...  # a son or daughter given an adult's age


# A child is the subject of a condition ("my son has autism").
_CHILD_SUBJECT = re.compile(
    r"\b(?:son|daughter|child|kid|boy|girl|baby|grandson|granddaughter|toddler|children|kids)\b"
    r"(?! is (?:1[89]|[2-9]\d))"
)
# "he's 12 and has cerebral palsy": the condition's subject was just given a child's age
_CHILD_AGE_BEFORE = re.compile(
    r"\b(?:he's|hes|he is|she's|shes|she is|they're|theyre|aged|age|is)(?: only| just)?"
    r" (?:[1-9]|1[0-7])\b(?! (?:weeks|months|days|stone|st|kg|times|minutes|mins|hours|quid))"
    r"(?: (?!(?:my|our|his|her|their|i|mum|dad|nan|gran|husband|wife|partner)\b)[^ .;]+){0,4} ?$"
)

# Whose condition: the writer or the household (direct), or a person named by title.
_FIRST_PERSON = re.compile(r"(?:i|i'm|im|i am|i've|ive|i have|i suffer|i use|i walk|my|our)\b")
_SUBJECT = re.compile(r"\b(i|i'm|im|i've|ive|i'd|we|we're|he|she|they|he's|she's|they're)\b")
_FIRST_PERSON_SUBJECTS = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "we", "we're"})
_THIRD_PERSON_SELF = re.compile(r"\b(?:himself|herself|themselves)\b")
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|he's|she's|hes|shes)\b")

_PET = re.compile(
    r"\b(?:cat|cats|dog|dogs|puppy|kitten|pet|pets|rabbit|horse|parrot|budgie|hamster)\b"
)

# Someone confiding in the writer ("Callum has told me ...", "she admitted to me ...").
_CONFIDED = re.compile(
    r"\b(?:(?:has |had )?(?:told|tells|telling) (?:me|us)|confided|admitted|opened up|disclosed)\b"
)


def a_neighbours(compiled: WhosePatterns, canon: str, previous: str, match: re.Match[str]) -> bool:
    """Whether self-harm told of "he"/"she"/"himself" belongs to a neighbour or culprit named last
    ("the man upstairs tried to kill himself"), not the writer or their household."""
    prefix = canon[: match.start()]
    subjects = _SUBJECT.findall(prefix)
    third = _THIRD_PERSON_SELF.search(match.group(0)) is not None or (
        bool(subjects) and subjects[-1] not in _FIRST_PERSON_SUBJECTS
    )
    if not third:
        # "the guy downstairs has been self harming": a neighbour is the clause's subject
        named = [m.end() for m in compiled.third_party.finditer(prefix)]
        return bool(named) and not _SUBJECT.search(prefix[named[-1] :])
    confided = [m.start() for m in _CONFIDED.finditer(prefix)]
    named = [m.end() for m in compiled.third_party.finditer(prefix)]
    if confided and (not named or named[-1] < confided[-1]):
        # "Callum has told me he thinks ...", "the people next door make her worse and she
        # disclosed thoughts of ...": the one confiding in the writer, named after any neighbour
        return False
    before = f"{previous} {prefix}"
    others = [m.end() for m in compiled.third_party.finditer(before)]
    own = [m.end() for m in compiled.household.finditer(before)]
    return bool(others) and others[-1] > (own[-1] if own else -1)


def victims_household(
    compiled: WhosePatterns,
    canon: str,
    previous: str,
    match: re.Match[str],
    earlier: Sequence[Sentence] = (),
    grown: frozenset[str] = frozenset(),
) -> bool:
    """Whether a condition belongs to the victim or a household adult, not a culprit or a child.

    "I" and "my wife" are the household; "Mrs Holt has" or "who is" is, unless a neighbour or
    culprit was named just before in the sentence; a bare "he"/"she" takes the person last named in
    the sentence or the one before, and is the household only when that is a household person.
    When neither names anybody ("Alex is a trans woman. She has PTSD."), the person last named in
    the ``earlier`` sentences decides: a support worker's "I work with Alex" makes Alex the one.
    A son or daughter the text gives an adult age (``grown``: "my son's in with me, he's 24") is a
    household adult, not a child.
    """
    words = match.group(0)
    if _CHILD_SUBJECT.search(
        canon[max(0, match.start() - 8) : match.start()] + words[:20]
    ) and not compiled.adult_child.search(canon[max(0, match.start() - 8) : match.end() + 30]):
        return False  # "my son has autism": a child's condition; "my son (24, autistic)" is adult
    core = match.start("core") if match.groupdict().get("core") else match.start()
    if _CHILD_AGE_BEFORE.search(canon[max(0, match.start() - 30) : core]):
        return False  # "he's 12 and has cerebral palsy"; not "she's 15 and my mum has dementia"
    if _PET.search(canon[max(0, match.start() - 8) : match.start()] + words[:20]):
        return False  # "our cat has diabetes"
    if _FIRST_PERSON.match(words):
        return True
    subject = words.split(" ", 1)[0]
    before = f"{previous} {canon[: match.start() + len(subject)]}"
    pronoun = _PRONOUN_SUBJECT.match(words) is not None
    third, own, child = _people(compiled, before, grown, pronoun)
    if not (third or own or child) and earlier:
        before = " ".join(e.canon for e in earlier)
        third, own, child = _people(compiled, before, grown, pronoun)
        previous = before
    last_own = own[-1] if own else -1
    if not pronoun:  # "Mrs Holt has", "who is": named just there
        return not third or third[-1] < len(previous) or last_own > third[-1]
    return last_own > max(third[-1] if third else -1, child[-1] if child else -1)


def _people(
    compiled: WhosePatterns, before: str, grown: frozenset[str], pronoun: bool = False
) -> tuple[list[int], list[int], list[int]]:
    """Where third parties, household adults and children are named in ``before`` (the ends of
    their mentions); a grown son or daughter counts as a household adult. For a ``pronoun``
    ("he", "she"), a group or a house ("the family at no. 9") is nobody it can stand for."""
    third = [
        m.end()
        for m in compiled.third_party.finditer(before)
        if not (pronoun and _NO_ONE_PERSON.fullmatch(m.group(0)))
    ]
    own = [m.end() for m in compiled.household.finditer(before)]
    child: list[int] = []
    for m in compiled.child_person.finditer(before):
        (own if grown and m.group(0).rsplit(" ", 1)[-1] in grown else child).append(m.end())
    return third, sorted(own), child


# Third parties a "he" or "she" never stands for: a group, a household or a house.
_NO_ONE_PERSON = re.compile(
    r"neighbours|the (?:family|people|couple|lads|youths)|(?:number|no|flat) \d+"
)
