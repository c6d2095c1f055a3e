"""What the date finder returns: a :class:`DateMention` and what it is anchored to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DateAnchor(StrEnum):
    """What a date mention is resolved against."""

    REFERENCE = "reference"  # resolved against the message's reference day: start/end are set
    INCIDENT = "incident"  # relative to the incident just described: offset_days set


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text and what it resolves to.

    ``start``/``end`` are character offsets into the analysed text; ``start_date``/``end_date``
    are inclusive (equal for a single day) and None for INCIDENT anchors, whose ``offset_days``
    says how many days after the incident just described (0: the same day). ``corrects`` marks
    the right date of a correction ("the 14th not the 15th", "I meant the 14th"); ``negated``
    marks the wrong one.
    """

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    anchor: DateAnchor
    offset_days: int | None = None
    explanation: str = ""
    corrects: bool = False
    negated: bool = False

    def is_range(self) -> bool:
        """True when the mention covers more than one day."""
        return (
            self.start_date is not None
            and self.end_date is not None
            and self.start_date != self.end_date
        )
