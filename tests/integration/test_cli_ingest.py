"""`trigger ingest FILE.eml...`: files stored and drafted once, refusals and exit codes, the
progress bar for many files.

The process runs this checkout's code (``python -m app.cli``) on a SQLite file of its own.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.cli.ingest import _ingest
from app.settings import load_settings
from storage.unit_of_work import SqlUnitOfWork
from tests.checkout import cli, cli_env
from tests.integration.test_drafting_threads import FIRST, REPLY


def run(tmp_path: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    env.pop("TRIGGER_DATABASE_URL", None)
    env["TRIGGER_VAR_DIR"] = str(tmp_path / "var")
    return subprocess.run(
        cli("ingest", *map(str, files)),
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_ingest_stores_and_drafts_once_refuses_what_is_not_mail_and_exits_1(
    tmp_path: Path,
) -> None:
    first, reply = tmp_path / "first.eml", tmp_path / "reply.eml"
    first.write_bytes(FIRST)
    reply.write_bytes(REPLY)
    junk = tmp_path / "junk.eml"
    junk.write_bytes(b"hello, this is not an email\n")
    missing = tmp_path / "missing.eml"
    proc = run(tmp_path, first, reply, junk, missing)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line.split("\t") for line in proc.stdout.splitlines()]
    assert [(state, Path(name).name) for state, name, _ in lines] == [
        ("stored", "first.eml"),
        ("stored", "reply.eml"),
        ("refused", "junk.eml"),
        ("refused", "missing.eml"),
    ]
    assert lines[0][2] == "inbound 1, processed" and lines[1][2] == "inbound 2, processed"
    assert lines[2][2] == "not an email: no mail headers"
    assert junk.exists() and first.exists()  # the files are left where they were

    again = run(tmp_path, first, reply)
    assert again.returncode == 0, again.stderr
    assert [line.split("\t")[0] for line in again.stdout.splitlines()] == ["already stored"] * 2


def test_ingest_of_many_files_shows_a_progress_bar_and_drafts_each(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for n in range(12):
        path = tmp_path / f"m{n}.eml"
        # Twelve senders: twelve applications.
        path.write_bytes(FIRST.replace(b"ann.lee@", f"s{n}@".encode()).replace(
            b"<one@", f"<m{n}@".encode()))  # fmt: skip
        files.append(path)
    settings = load_settings(var_dir=tmp_path / "var")
    lines = _ingest(settings, functools.partial(SqlUnitOfWork, engine), files, progress=True)
    assert all(line.startswith("stored\t") and line.endswith("processed") for line in lines)
    assert "24/24" in capsys.readouterr().err  # the bar ran to the end
    with SqlUnitOfWork(engine) as uow:
        assert uow.applications.count() == 12
