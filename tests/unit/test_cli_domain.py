"""The domain commands end to end through the CLI root: policies, check and workdays."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

HART_MET = {
    "source": "d01.eml",
    "received_at": "2026-09-14T20:47:12+01:00",
    "incidents": [
        {
            "occurred": {"start": "2026-08-31", "end": "2026-08-31"},
            "reported": True,
            "reported_on": "2026-08-31",
            "agencies": ["police"],
        },
        {
            "occurred": {"start": "2026-09-08", "end": "2026-09-08"},
            "reported": True,
            "reported_on": "2026-09-09",
            "agencies": ["council"],
        },
        {
            "occurred": {"start": "2026-09-13", "end": "2026-09-13"},
            "reported": True,
            "reported_on": "2026-09-13",
            "agencies": ["police"],
            "hate_strands": ["race"],
        },
    ],
    "threshold": {"policy": "hart", "status": "not_met", "ignored": True},
}

INCOMPLETE = {
    "source": "d18.chat.json",
    "received_at": "2026-08-11T08:56:38+01:00",
    "incidents": [
        {
            "occurred": {"start": "2026-07-28", "end": "2026-07-28"},
            "reported": True,
            "reported_on": "2026-07-28",
            "agencies": ["police"],
        },
        {
            "occurred": {"start": "2026-08-06", "end": "2026-08-06"},
            "reported": True,
            "reported_on": "2026-08-07",
            "agencies": ["council"],
        },
        {
            "occurred": {"start": "2026-08-10", "end": "2026-08-10"},
            "reported": True,
            "reported_on": "2026-08-11",
            "agencies": [],
        },
    ],
    "risk_flags": ["self_harm"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def write(path: Path, *objects: dict[str, Any]) -> Path:
    path.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
    return path


# --- trigger policies ---------------------------------------------------------------------------


def test_policies_lists_one_line_per_area(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policies")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "dartford",
        "durham",
        "hart",
        "hartlepool",
        "leicestershire",
    ]
    assert "hate: S5" in lines[2]


def test_policies_show_prints_one_profile_readably(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policies", "show", "hart")
    assert code == 0
    assert out.startswith("Hart District (hart, profile version ")
    assert "an incident reported to a relevant body within 30 days of it;" in out
    assert "police: Hampshire Constabulary" in out
    assert "discretion: the Community Safety Manager or the District Police Inspector." in out


def test_policies_show_unknown_name_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "policies", "show", "hampshire")
    assert code == 2
    assert out == ""
    assert (
        "unknown policy 'hampshire'; known policies: dartford, durham, hart, hartlepool, "
        "leicestershire" in err
    )


def test_policies_dir_adds_an_area_and_reports_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).resolve().parents[2] / "trigger" / "policies" / "durham.toml"
    (tmp_path / "gateshead.toml").write_text(
        source.read_text(encoding="utf-8").replace('id = "durham"', 'id = "gateshead"'),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "policies", "--policies-dir", str(tmp_path))
    assert code == 0 and "gateshead" in out
    (tmp_path / "bad.toml").write_text('id = "bad"\nnmae = "x"\n', encoding="utf-8")
    code, _, err = run(capsys, "policies", "--policies-dir", str(tmp_path))
    assert code == 2
    assert "bad.toml: field nmae: Extra inputs are not permitted" in err


# --- trigger check ------------------------------------------------------------------------------


def test_check_prints_prose_for_a_draft_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "check", str(write(tmp_path / "d01.json", HART_MET)), "--policy", "hart"
    )
    assert (code, err) == (0, "")
    assert "d01.eml: Hart District policy" in out
    assert "The threshold is met by the volume and hate routes." in out
    assert (
        "- 13 September: reported to Hampshire Constabulary the same day: qualifying complaint, "
        "a hate incident (race)" in out
    )
    assert "- The 31 August incident: counts for an application made up to 28 February 2027." in out


def test_check_json_prints_one_threshold_object_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "drafts.jsonl", HART_MET, INCOMPLETE)
    code, out, _ = run(capsys, "check", str(path), "--policy", "dartford", "--json")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["policy"], first["status"], first["routes"]) == ("dartford", "met", ["volume"])
    assert "ignored" not in first
    assert second["status"] == "incomplete"
    assert second["missing"] == ["Who the 10 August incident was reported to is not known."]
    assert second["discretion_suggested"] is True


def test_check_reads_pretty_printed_json_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, json.dumps(INCOMPLETE, indent=2))
    code, out, _ = run(capsys, "check", "-", "--policy", "dartford")
    assert code == 0
    assert "The threshold cannot be decided yet: some facts are missing." in out
    assert "Missing facts:\n- Who the 10 August incident was reported to is not known." in out


def test_check_reports_extract_errors_and_invalid_drafts_then_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = dict(HART_MET, source="bad.json")
    broken["incidents"] = [{"occurred": {"start": "2026-13-01", "end": None}}]
    lines = [
        json.dumps({"source": "x.eml", "error": "not an RFC 5322 message"}),
        json.dumps(broken),
        json.dumps(HART_MET),
    ]
    feed(monkeypatch, "\n".join(lines) + "\n")
    code, out, err = run(capsys, "check", "-", "--policy", "hart", "--json")
    assert code == 1
    assert "x.eml: extract reported an error: not an RFC 5322 message" in err
    assert "bad.json: invalid draft: field incidents.0.occurred.start" in err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("status") or "error" for r in results] == ["error", "error", "met"]


def test_check_reports_text_that_is_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not json\n", encoding="utf-8")
    code, _, err = run(
        capsys, "check", str(path), str(tmp_path / "missing.json"), "--policy", "hart"
    )
    assert code == 1
    assert "notes.txt (object 1): not JSON" in err
    assert "missing.json: cannot read" in err


def test_check_refuses_a_json_value_that_is_not_an_object(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, "[1, 2]\n")
    code, _, err = run(capsys, "check", "-", "--policy", "hart")
    assert code == 1
    assert "expected a JSON object" in err


@pytest.mark.parametrize(("environ", "policy"), [(None, "hartlepool"), ("hart", "hart")])
def test_check_uses_the_configured_default_policy(
    environ: str | None,
    policy: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if environ is None:
        monkeypatch.delenv("TRIGGER_POLICY", raising=False)
    else:
        monkeypatch.setenv("TRIGGER_POLICY", environ)
    feed(monkeypatch, json.dumps(HART_MET))
    code, out, _ = run(capsys, "check", "-", "--json")
    assert code == 0
    assert json.loads(out)["policy"] == policy


def test_check_unknown_policy_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "-", "--policy", "kent")
    assert code == 2
    assert "known policies: dartford, durham, hart, hartlepool, leicestershire" in err


# --- trigger workdays ---------------------------------------------------------------------------


def test_workdays_due_prints_the_date_and_the_step(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "workdays", "due", "acknowledge", "2026-12-23")
    assert code == 0
    assert out.startswith("2027-01-04  acknowledge the application: due Monday 4 January 2027")
    assert "Boxing Day (observed), Monday 28 December 2026" in out


def test_workdays_add_and_between(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(capsys, "workdays", "add", "2026-12-23", "5")[1]
        == "2027-01-04  Monday 4 January 2027\n"
    )
    assert run(capsys, "workdays", "between", "2026-12-23", "2027-01-04")[1] == "5\n"
    code, _, err = run(capsys, "workdays", "add", "2026-12-23", "-1")
    assert code == 2 and "must not be negative" in err


def test_workdays_list_prints_every_timescale(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "workdays", "list")
    assert code == 0
    assert len(out.splitlines()) == 13
    assert out.startswith("acknowledge ")


def test_workdays_unknown_step_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "workdays", "due", "ack", "2026-12-23")
    assert code == 2
    assert "unknown step 'ack'; known steps: acknowledge," in err


def test_workdays_refuses_a_date_that_is_not_iso(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["workdays", "add", "23/12/2026", "5"])
    assert raised.value.code == 2
    assert "not an ISO date" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "durham",
            ["(no time limit for the report);", "community: 5 different people.", "S9: race"],
        ),
        (
            "dartford",
            [
                "hate: none. Hate incidents count towards",
                "community: none.",
                "discretion: none stated.",
            ],
        ),
        ("hartlepool", ["Contact points:\n  none recorded.", "health: Hartlepool and Stockton"]),
    ],
)
def test_policies_show_covers_every_kind_of_route(
    name: str, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "policies", "show", name)
    assert code == 0
    for text in expected:
        assert text in out


def test_check_prose_separates_drafts_and_reports_invalid_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    excluded = dict(HART_MET, source="d08.chat.json", exclusions=["anonymous"])
    invalid = dict(HART_MET, source="bad.json", consent="maybe")
    feed(monkeypatch, "\n".join(json.dumps(o) for o in (HART_MET, invalid, excluded)))
    code, out, err = run(capsys, "check", "-", "--policy", "hart")
    assert code == 1
    assert "bad.json: invalid draft: field consent:" in err
    first, second = out.split("\n\nd08.chat.json: ")
    assert first.startswith("d01.eml: ")
    assert "This request cannot be dealt with as a case review." in second
    assert "Not a case review: the applicant wants to stay anonymous" in second
    assert "stops counting" not in second


def test_check_with_empty_input_says_so_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, "\n")
    code, out, err = run(capsys, "check", "-", "--policy", "hart")
    assert (code, out) == (1, "")
    assert "stdin: no drafts found" in err
