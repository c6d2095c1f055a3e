"""Reports aimed at incidents by their place in the account ("the earlier one", "the first
two", "the rest"): part of the assembler's report rules (:mod:`nlp.incident_reports`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from nlp.incident_model import AssemblyState, Incident
from nlp.report_words import (
    COUNT,
    FROM_START,
    ORDINAL,
    ORDINAL_INDEX,
    REST,
    REST_LEFT,
    REST_THEN_CUE,
)

__all__ = ["OrdinalReference"]


class OrdinalReference(AssemblyState):
    """Reports aimed at incidents by their place in the account ("the earlier one", "the second
    time", "the last one", "the first two")."""

    def ordinal_target(
        self, text: str, s_start: int, cue_f: Any, clause_end: int, seg_index: int, chat: bool
    ) -> list[Incident] | None:
        """The incidents a report cue names by their place: in the words of its clause before the
        cue (from the last comma or the sentence start; the phrase nearest the cue) or just after
        it."""
        comma = max(text.rfind(",", s_start, cue_f.start), text.rfind(";", s_start, cue_f.start))
        before = text[max(s_start, comma + 1) : cue_f.start]
        after = text[cue_f.end : min(clause_end, cue_f.end + 30)]
        found = list(ORDINAL.finditer(before))
        match = found[-1] if found else ORDINAL.match(after.lstrip())
        told = self.incidents if chat else self.by_segment.get(seg_index, [])
        told = sorted(told, key=lambda i: (i.start is None, i.start or date.min))
        rest = REST.search(before) if match is None else None
        if rest is not None and REST_THEN_CUE.fullmatch(before, rest.end()):
            # "the first two I reported, the rest I never reported", "the first one I let go,
            # the rest went to the council": the incidents outside the group named before
            head = max(s_start, comma + 1) + rest.start()
            group = self._ordinal_group(text[s_start:head], told)
            return None if group is None else [t for t in told if t not in group] or None
        if match is None:
            return None
        return _group_of(match, told)

    def _ordinal_group(self, before: str, told: list[Incident]) -> list[Incident] | None:
        """The group an ordinal phrase names in ``before`` ("the first two", "the first one")."""
        found = list(ORDINAL.finditer(before))
        return _group_of(found[-1], told) if found else None

    def rest_left(
        self, text: str, cue_f: Any, s_end: int, picked: list[Incident], seg_index: int, chat: bool
    ) -> list[Incident]:
        """The incidents "the rest" names when the words after the group's report say they were
        let go ("the first two I reported, the rest I didnt bother"): not reported."""
        rest = REST.search(text, cue_f.end, s_end)
        if rest is None or not REST_LEFT.match(text, rest.end()):
            return []
        told = self.incidents if chat else self.by_segment.get(seg_index, [])
        return [t for t in told if t not in picked]


def _group_of(match: re.Match[str], told: list[Incident]) -> list[Incident] | None:
    """The incidents (in order of their days) an ordinal phrase names."""
    word = match.group(1).lower()
    count = COUNT.get((match.group("count") or "").lower())
    if count is not None:
        # "the first two I reported", "the last three": that many from either end
        if len(told) <= count or word not in FROM_START | {"last", "latest"}:
            return None
        return told[:count] if word in FROM_START else told[-count:]
    if len(told) < 2:
        return None
    k = ORDINAL_INDEX.get(word, len(told) - 1)
    return [told[k]] if k < len(told) else None
