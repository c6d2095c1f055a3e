"""Inputs of `trigger extract` that must not cost memory or crash: size limit, odd file names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.cli import main
from intake.errors import RejectedMessage
from intake.load import load_document

EMAIL = (
    b"From: Ann <ann@example.org>\r\nTo: asb@council.example\r\n"
    b"Date: Thu, 01 Oct 2026 09:00:00 +0100\r\nSubject: noise\r\n\r\n"
    b"They kicked my door last night and I rang the police.\r\n"
)


def test_load_when_the_file_is_over_the_limit_then_it_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.eml"
    with path.open("wb") as handle:  # sparse: large on paper, nothing to read
        handle.truncate(10_000_000)
    with pytest.raises(RejectedMessage, match=r"big\.eml: 10000000 bytes, over the limit of 1000"):
        load_document(path, max_bytes=1000)


def test_load_when_the_file_is_within_the_limit_then_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.eml"
    path.write_bytes(EMAIL)
    assert "kicked my door" in load_document(path, max_bytes=len(EMAIL)).text


def test_extract_when_a_file_name_is_not_utf8_then_the_line_names_it_readably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9.eml"
    with open(raw_name, "wb") as handle:
        handle.write(EMAIL)
    assert main(["extract", os.fsdecode(raw_name)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["source"].endswith("caf\ufffd.eml")
    assert "error" not in line and line["channel"] == "email"
