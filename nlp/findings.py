"""Findings: what a pipeline component found, where, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One thing found in a text.

    ``start``/``end`` are character offsets into the text that was analysed (a segment's text
    inside the pipeline; shifted to document offsets by the caller). ``label`` is the fact's
    vocabulary value (``"race"``, ``"police"``, ``"threat_of_violence"``, ...). ``explanation``
    says which pattern or rule fired and on which context words, for the console and the audit
    trail; it never repeats the matched words themselves when they are abusive.
    ``value`` carries a resolved value where there is one (a date range, a count, a name).
    """

    label: str
    start: int
    end: int
    explanation: str
    value: Any = None

    def shifted(self, offset: int) -> Finding:
        """The same finding with offsets moved by ``offset`` (segment -> document offsets)."""
        return Finding(
            self.label, self.start + offset, self.end + offset, self.explanation, self.value
        )
