"""Database URLs in logs and messages: every secret masked, however it is written; a malformed
URL is one clear line, never a traceback (issue 6, "secrets never printed")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage.database import InvalidDatabaseUrl, connect, redacted, scrubbed

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:s3cret@h:5432/db", "postgresql+psycopg://u:***@h:5432/db"),
        (
            "postgresql+psycopg://u@h/db?password=s3cret&sslmode=require",
            "postgresql+psycopg://u@h/db?password=***&sslmode=require",
        ),
        ("postgresql+psycopg://u:p@ss@h/db", "postgresql+psycopg://u:***@h/db"),
        ("postgresql+psycopg://u:p?ss@h/db", "postgresql+psycopg://u:***@h/db"),
        (
            "postgresql+psycopg://u:p%40ss@h/db?sslpassword=x%2Fy",
            "postgresql+psycopg://u:***@h/db?sslpassword=***",
        ),
        ("postgresql+psycopg://h/db?PassWord=abc", "postgresql+psycopg://h/db?PassWord=***"),
        ("postgresql+psycopg://u:pw@h:port/db", "postgresql+psycopg://u:***@h:port/db"),
        ("sqlite:////var/lib/trigger.sqlite3", "sqlite:////var/lib/trigger.sqlite3"),
        ("postgresql+psycopg://h/db?options=a@b", "postgresql+psycopg://h/db?options=a@b"),
    ],
)
def test_redacted_masks_every_password_bearing_part(url: str, shown: str) -> None:
    assert redacted(url) == shown


def test_scrubbed_removes_a_password_and_the_tail_a_driver_misreads_as_a_host() -> None:
    url = "postgresql+psycopg://u:p@ss99@h/db?password=other%21"
    text = "failed to resolve host 'ss99@h'; password other! and other%21 refused"
    assert scrubbed(text, url) == "failed to resolve host '***@h'; password *** and *** refused"


@pytest.mark.parametrize(
    "url",
    [
        "postgres://u:hunter2@h/db",
        "postgresql+psycopg://u:hunter2@h:port/db",
        "postgresql+nodriver://u:hunter2@h/db",
        "nonsense:hunter2",
    ],
)
def test_connect_when_the_url_is_malformed_then_a_clear_error_without_the_secret(url: str) -> None:
    with pytest.raises(InvalidDatabaseUrl) as caught:
        connect(url)
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "postgres://u:hunter2@127.0.0.1/db",
        "postgresql+psycopg://u:hunter2@h:port/db",
        "postgresql+psycopg://u:hunt@er2@127.0.0.1:1/db?connect_timeout=1",
        "postgresql+psycopg://u@127.0.0.1:1/db?password=hunter2&connect_timeout=1",
    ],
)
def test_db_current_when_the_url_is_bad_then_one_line_naming_the_variable_and_no_secret(
    url: str, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "db", "current"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TRIGGER_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "Traceback" not in said
    assert len(said.strip().splitlines()) == 1, said
    for secret in ("hunter2", "hunt", "er2"):
        assert secret not in said
