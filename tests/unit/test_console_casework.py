"""The console's pure case work: highlights cut at evidence spans, officers' forms."""

from __future__ import annotations

from datetime import date

import pytest

from console.casework import FormProblem, Mark, highlight, incident_from_form
from trigger.vocabulary import Agency


def test_highlight_keeps_every_character_and_marks_overlapping_facts() -> None:
    text = "On 1 May they shouted; on 2 May again."
    marks = [
        Mark(0, 8, "incident", "Incident 1", "incident-1"),
        Mark(3, 22, "incident", "Incident 2", "incident-2"),
        Mark(30, 99, "set-aside", "Date set aside", "set-aside-1"),  # runs past the end
        Mark(50, 60, "incident", "Outside", "x"),  # wholly outside: dropped
    ]
    pieces = highlight(text, marks)
    assert "".join(piece.text for piece in pieces) == text
    covered = {piece.text: piece.title for piece in pieces if piece.marks}
    assert covered == {
        "On ": "Incident 1",
        "1 May": "Incident 1; Incident 2",
        " they shouted;": "Incident 2",
        "y again.": "Date set aside",
    }


def test_highlight_without_facts_is_the_text_itself() -> None:
    assert [(p.text, p.marks) for p in highlight("plain", [])] == [("plain", ())]


def test_incident_form_reads_dates_answers_and_lists() -> None:
    incident = incident_from_form(
        occurred_start="2026-10-01",
        occurred_end="",
        reported="yes",
        reported_on="2026-10-02",
        agencies=["police", "council"],
        references="AB1, CD2 ,",
        hate_strands=["race"],
        summary="  music  ",
    )
    assert incident.occurred.start == incident.occurred.end == date(2026, 10, 1)
    assert incident.reported is True and incident.agencies == [Agency.POLICE, Agency.COUNCIL]
    assert incident.references == ["AB1", "CD2"] and incident.summary == "music"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("occurred_start", "1st of May", "real date"),
        ("occurred_end", "2026-09-01", "on or after"),
        ("reported", "maybe", "reported"),
        ("agencies", ["the mayor"], "from the lists"),
    ],
)
def test_incident_form_problems_say_what_to_fix(field: str, value: object, problem: str) -> None:
    fields: dict[str, object] = {
        "occurred_start": "2026-10-01",
        "occurred_end": "",
        "reported": "unknown",
        "reported_on": "",
        "agencies": [],
        "references": "",
        "hate_strands": [],
        "summary": "",
    }
    fields[field] = value
    with pytest.raises(FormProblem, match=problem):
        incident_from_form(**fields)  # type: ignore[arg-type]
