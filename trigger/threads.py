"""A message that continues a thread: its draft merged into the open draft it belongs to.

Pure: two drafts in, one draft out (plus what was added), no I/O. The caller (the drafting
worker) decides which open application a message continues (the same email thread, or the same
sender about the same person within a window) and re-runs the threshold on the result.

Rules:

- the open draft's incidents keep their order and positions; the new message's incidents are
  appended after them, except **duplicates**: an incident on the same dates as one already held
  and telling the same thing (the same summary, or most of its words) is not added twice; what
  it adds (agencies, references, hate strands, a report) is folded into the one already held;
- parties: a field the open draft does not know is taken from the new message, never replaced;
- consent given or refused in the new message wins over "not stated"; an explicit change (given
  then refused) takes the newer word;
- hate strands, exclusions and risk flags are the union; community reporters the larger count;
- the application date (``received_at``) and the source stay the open draft's: the statutory
  clock runs from the first message. The threshold result is dropped for the caller to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from trigger.draft import Applicant, Draft, Incident, Victim
from trigger.vocabulary import Consent

T = TypeVar("T")

# An incident telling the same thing: this share of the shorter summary's words in common.
SAME_STORY_OVERLAP = 0.6
_WORD = re.compile(r"[a-z0-9']+")
# Words too common to say two summaries tell the same thing.
_STOP = frozenset(
    "a an and at i in is it my of on or our the their them they to was we were with me us "
    "he she his her him again".split()
)


@dataclass(frozen=True)
class Merged:
    """The merged draft; ``added`` are the positions of the new message's incidents in it
    (a duplicate's position is the one it was folded into); ``duplicates`` how many were."""

    draft: Draft
    added: tuple[int, ...]
    duplicates: int


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _STOP}


def same_incident(held: Incident, new: Incident) -> bool:
    """True when ``new`` is ``held`` told again: the same dates and the same story."""
    if (held.occurred.start, held.occurred.end) != (new.occurred.start, new.occurred.end):
        return False
    if held.occurred.start is None and held.occurred.end is None:
        # Undated incidents are only the same when told in the same words.
        return " ".join(held.summary.lower().split()) == " ".join(new.summary.lower().split())
    held_words, new_words = _words(held.summary), _words(new.summary)
    if not held_words or not new_words:
        return held_words == new_words
    shared = len(held_words & new_words)
    return shared / min(len(held_words), len(new_words)) >= SAME_STORY_OVERLAP


def _union(first: Iterable[T], second: Iterable[T]) -> list[T]:
    result: list[T] = []
    for item in [*first, *second]:
        if item not in result:
            result.append(item)
    return result


def _fold(held: Incident, new: Incident) -> Incident:
    """``held`` with what ``new`` adds to it (the dates and summary stay ``held``'s)."""
    reported = held.reported if held.reported is not None else new.reported
    if new.reported:
        reported = True
    reported_on = held.reported_on or new.reported_on
    if held.reported_on and new.reported_on:
        reported_on = min(held.reported_on, new.reported_on)
    return held.model_copy(
        update={
            "reported": reported,
            "reported_on": reported_on,
            "agencies": _union(held.agencies, new.agencies),
            "references": _union(held.references, new.references),
            "hate_strands": _union(held.hate_strands, new.hate_strands),
        }
    )


def _fill(held: Applicant | Victim, new: Applicant | Victim) -> dict[str, object]:
    """The fields ``held`` does not know, taken from ``new``."""
    return {
        name: getattr(new, name)
        for name in type(held).model_fields
        if getattr(held, name) is None and getattr(new, name) is not None
    }


def merge_drafts(held: Draft, new: Draft) -> Merged:
    """``held`` (the open draft) with the message ``new`` continuing it; see the module text."""
    incidents: list[Incident] = list(held.incidents)
    added: list[int] = []
    duplicates = 0
    for incident in new.incidents:
        for position, existing in enumerate(incidents):
            if same_incident(existing, incident):
                incidents[position] = _fold(existing, incident)
                added.append(position)
                duplicates += 1
                break
        else:
            incidents.append(incident)
            added.append(len(incidents) - 1)
    consent = held.consent if new.consent is Consent.NOT_STATED else new.consent
    reporters: Sequence[int] = [
        count for count in (held.community_reporters, new.community_reporters) if count is not None
    ]
    merged = held.model_copy(
        update={
            "applicant": held.applicant.model_copy(update=_fill(held.applicant, new.applicant)),
            "victim": held.victim.model_copy(update=_fill(held.victim, new.victim)),
            "consent": consent,
            "incidents": incidents,
            "hate_strands": _union(held.hate_strands, new.hate_strands),
            "community_reporters": max(reporters) if reporters else None,
            "exclusions": _union(held.exclusions, new.exclusions),
            "risk_flags": _union(held.risk_flags, new.risk_flags),
            "threshold": None,
        }
    )
    return Merged(Draft.model_validate(merged.model_dump()), tuple(added), duplicates)


def same_person(held: Victim, new: Victim) -> bool:
    """True unless the two drafts name different victims (by email, else by name).

    A sender writing again within the window about an open draft continues it only when the
    new message is about the same person, or names nobody: a councillor forwarding two
    residents' accounts in a week makes two applications.
    """
    if held.email and new.email:
        return held.email.lower() == new.email.lower()
    if held.name and new.name:
        return " ".join(held.name.lower().split()) == " ".join(new.name.lower().split())
    return True
