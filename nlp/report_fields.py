"""A report told as a form's field: a line that starts "Reported:" or "Reported to:" and whose
value, to the end of the line, says who was told and when ("Reported: Police via 101, the same
evening"), or that nobody was ("Reported: No - he did not feel able to")."""

from __future__ import annotations

from spacy.tokens import Doc

_FIELD_LABELS = frozenset({"reported"})  # "Reports:" heads a paragraph of reports told in full
_FIELD_TAIL = frozenset("to on when where who by".split())
_BULLETS = frozenset("- * • –".split())
# The first word of a field's value that says no report was made
_NO_VALUES = frozenset("no nope none nobody noone not never n/a na nil".split())


def _starts_line(doc: Doc, start: int) -> bool:
    j = start - 1
    while j >= 0 and doc[j].text in _BULLETS:
        j -= 1
    if j < 0:
        return True
    return "\n" in doc.text[doc[j].idx : doc[j + 1].idx]


def field_value_end(doc: Doc, start: int, end: int) -> int | None:
    """Index just past the value of a "Reported:" field whose label is the cue at
    ``start:end``, or None when the cue is no field's label."""
    if doc[start].lower_ not in _FIELD_LABELS or not _starts_line(doc, start):
        return None
    colon = end
    while colon < len(doc) and colon - end < 2 and doc[colon].lower_ in _FIELD_TAIL:
        colon += 1
    if colon >= len(doc) or doc[colon].text != ":":
        return None
    j = colon + 1
    while j < len(doc) and "\n" not in doc[j].text and "\n" not in doc[j - 1].whitespace_:
        j += 1
    return j


def field_says_no(doc: Doc, end: int, field_end: int) -> bool:
    """Whether a "Reported:" field's value starts by saying nobody was told."""
    j = end
    while j < field_end and doc[j].text != ":":
        j += 1
    j += 1
    while j < field_end and doc[j].is_space:
        j += 1
    return j < field_end and doc[j].lower_ in _NO_VALUES
