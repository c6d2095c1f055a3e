"""Round 9, parties: a request told by a titled name wrapped over two lines of an email."""

from __future__ import annotations

from nlp.party_cues import PartyCue
from nlp.party_identity import identity_cues
from nlp.party_patterns import party_patterns


def _victim_names(text: str) -> list[object]:
    return [
        f.value for f in identity_cues(text, party_patterns()) if f.label is PartyCue.VICTIM_NAME
    ]


def test_request_wrapped_over_a_line_break_names_the_victim() -> None:
    text = "Mr Tomasz Wilk (tenant, 9 Ash Row) has asked me to\nput in an application for him."
    assert "Mr Tomasz Wilk" in _victim_names(text)


def test_request_across_a_blank_line_does_not_name() -> None:
    text = "Mr Tomasz Wilk lives at 9 Ash Row.\n\nHas asked me to\nput in an application."
    assert _victim_names(text) == []
