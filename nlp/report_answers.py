"""A chat message answering the bot's "Did you report it?" by naming bodies: the reports it tells
(:mod:`nlp.incident_reports` attaches them like any other report cue)."""

from __future__ import annotations

from typing import Any

from nlp.findings import Finding
from nlp.report_model import ReportCue
from nlp.report_words import NOT_TOLD


def answered_reports(text: str, agencies: list[Any]) -> list[Finding]:
    """The reports a chat message answering "Did you report it?" tells by naming bodies ("the
    housing next day", "101 that night", "police and council"): one report cue naming them all,
    at the first. None when the answer denies or only plans it."""
    if not agencies or NOT_TOLD.search(text):
        return []
    first = min(agencies, key=lambda a: a.start)
    named = tuple(dict.fromkeys(a.label for a in sorted(agencies, key=lambda a: a.start)))
    return [
        Finding(
            "report",
            first.start,
            first.end,
            "a body named in answer to 'did you report it?'",
            ReportCue(negated=False, agencies=named),
        )
    ]
