"""`trigger serve` runs the console; `trigger users` creates the accounts that sign in to it."""

from __future__ import annotations

import re
import signal
import urllib.request
from pathlib import Path

import pytest

from app.cli import main
from tests.integration.conftest import StartServer


def test_serve_runs_the_console_and_says_how_to_sign_in(
    serve: StartServer, sqlite_url: str
) -> None:
    server = serve(TRIGGER_DATABASE_URL=sqlite_url)
    hint = server.wait_for("console: no accounts yet")
    assert "trigger users first-admin" in hint
    line = server.wait_for("Uvicorn running on")
    found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
    assert found is not None, line
    with urllib.request.urlopen(f"http://127.0.0.1:{found.group(1)}/sign-in") as response:
        page = response.read().decode()
        assert response.status == 200
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "Sign in" in page
    status, log = server.stop(signal.SIGINT)
    assert status == 0, log
    assert "Traceback" not in log


def test_first_admin_prints_a_one_time_password_once_and_add_needs_an_area_for_officers(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("TRIGGER_DATABASE_URL", sqlite_url)
    monkeypatch.chdir(tmp_path)
    assert main(["users", "first-admin", "Boss"]) == 0
    out = capsys.readouterr().out
    password = re.search(r"one-time password: (\S+)", out)
    assert password is not None and len(password.group(1)) >= 16
    assert main(["users", "first-admin", "other"]) == 1
    assert "an admin exists already" in capsys.readouterr().err
    assert main(["users", "add", "jo", "--role", "officer"]) == 2
    assert main(["users", "add", "jo", "--role", "officer", "--area", "nowhere"]) == 2
    assert main(["users", "add", "jo", "--role", "officer", "--area", "hartlepool"]) == 0
    second = re.search(r"one-time password: (\S+)", capsys.readouterr().out)
    assert second is not None and second.group(1) != password.group(1)
    assert main(["users", "list"]) == 0
    listing = capsys.readouterr().out
    assert "boss\tadmin\tall areas" in listing and "jo\tofficer\thartlepool" in listing


def test_stats_prints_a_financial_years_figures(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from storage.database import connect
    from storage.migrate import upgrade
    from tests.console_support import seed_case

    engine = connect(sqlite_url)
    upgrade(engine)
    seed_case(engine)
    engine.dispose()
    monkeypatch.setenv("TRIGGER_DATABASE_URL", sqlite_url)
    assert main(["stats", "--year", "2026"]) == 0
    table = capsys.readouterr().out
    assert "2026/27" in table and re.search(r"Applications received\s+1\n", table)
    assert main(["stats", "--year", "2026", "--area", "durham", "--csv"]) == 0
    assert "2026/27,durham,Applications received,0" in capsys.readouterr().out
    assert main(["stats", "--year", "1999"]) == 2
