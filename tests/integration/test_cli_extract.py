"""`trigger extract` as a process: one line per input, error lines, exit codes, `| trigger check -`.

The process runs this checkout's code (``python -m app.cli``), not the installed script's.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.checkout import cli, cli_env

ACCOUNT = (
    "Last Friday the lads next door smashed my window and I rang 101 straight away.\n"
    "Yesterday they threw eggs at the door; I reported it to the council this morning.\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli(*args),
        input=stdin,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_input_gets_a_line_in_order_and_broken_ones_exit_1(tmp_path: Path) -> None:
    good = tmp_path / "account.txt"
    good.write_text(ACCOUNT)
    broken = tmp_path / "broken.eml"
    broken.write_bytes(b"\x00\xff not mail")
    missing = tmp_path / "missing.eml"
    proc = run(
        "extract",
        "--policy",
        "hart",
        "--received",
        "2026-11-20T10:00:00+00:00",
        str(broken),
        str(good),
        str(missing),
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(broken), str(good), str(missing)]
    assert "error" in lines[0] and "error" in lines[2]
    assert "error" not in lines[1]
    draft = lines[1]
    assert [i["occurred"]["start"] for i in draft["incidents"]] == ["2026-11-13", "2026-11-19"]
    assert draft["threshold"]["policy"] == "hart"
    # every field of the contract is present on error lines too
    assert set(lines[0]) - {"error"} == set(draft)


def test_unknown_policy_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "account.txt"
    good.write_text(ACCOUNT)
    proc = run("extract", "--policy", "atlantis", "--received", "2026-11-20T10:00", str(good))
    assert proc.returncode == 2
    assert "known policies" in proc.stderr


def test_text_without_received_time_is_an_error_line(tmp_path: Path) -> None:
    good = tmp_path / "account.txt"
    good.write_text(ACCOUNT)
    proc = run("extract", str(good))
    assert proc.returncode == 1
    assert "--received" in json.loads(proc.stdout)["error"]


def test_extract_output_pipes_into_check(tmp_path: Path) -> None:
    good = tmp_path / "account.txt"
    good.write_text(ACCOUNT)
    extracted = run("extract", "--policy", "hart", "--received", "2026-11-20T10:00", str(good))
    checked = run("check", "-", "--policy", "hart", "--json", stdin=extracted.stdout)
    assert checked.returncode == 0, checked.stderr
    decision = json.loads(checked.stdout)
    assert decision["status"] in {"met", "not_met", "incomplete", "excluded"}
    assert decision["policy"] == "hart"
