"""`trigger dates`: JSON Lines of the date phrases in a text, or in each line of stdin."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from app.cli import main


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, Any]], str]:
    status = main(["dates", *argv])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_dates_prints_each_phrase_with_span_and_inclusive_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "It was last Friday and over the weekend"
    status, lines, _ = run(["--reference", "2026-11-20T10:00:00+00:00", text], capsys)
    assert status == 0
    assert [(o["text"], o["span"], o["start"], o["end"]) for o in lines] == [
        ("last Friday", [7, 18], "2026-11-13", "2026-11-13"),
        ("over the weekend", [23, 39], "2026-11-14", "2026-11-15"),
    ]
    assert all("anchor" not in o and "line" not in o for o in lines)


def test_dates_incident_phrase_prints_null_dates_and_offset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, lines, _ = run(["--reference", "2026-11-20T10:00+00:00", "the next morning"], capsys)
    assert status == 0
    assert lines == [
        {
            "text": "the next morning",
            "span": [0, 16],
            "start": None,
            "end": None,
            "anchor": "incident",
            "offset_days": 1,
            "explanation": lines[0]["explanation"],
        }
    ]


def test_dates_reads_one_text_per_stdin_line_and_numbers_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("yday\nnothing to see\nBonfire Night and the 5th\n")
    )
    status, lines, _ = run(["--reference", "2026-11-20T10:00+00:00", "-"], capsys)
    assert status == 0
    assert [(o["line"], o["text"], o["start"]) for o in lines] == [
        (1, "yday", "2026-11-19"),
        (3, "Bonfire Night", "2026-11-05"),
        (3, "the 5th", "2026-11-05"),
    ]


def test_dates_naive_reference_is_london_time(capsys: pytest.CaptureFixture[str]) -> None:
    # 23:30 on 1 July in London; read as UTC it would be 00:30 on 2 July in London.
    status, lines, _ = run(["--reference", "2026-07-01T23:30", "yesterday"], capsys)
    assert status == 0
    assert lines[0]["start"] == "2026-06-30"


@pytest.mark.parametrize("reference", ["not-a-date", "2026-13-01", "", "yesterday"])
def test_dates_bad_reference_is_a_clear_error_with_status_2(
    reference: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines, err = run(["--reference", reference, "last Friday"], capsys)
    assert status == 2
    assert lines == []
    assert "--reference" in err and "ISO 8601" in err
