"""Settings: where the database and the drop folder are, and what counts as configured."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.settings import Settings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No TRIGGER_ variable from outside, and a temp working directory."""
    for name in list(os.environ):
        if name.startswith("TRIGGER_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults_put_the_sqlite_database_and_drop_folder_under_var(tmp_path: Path) -> None:
    settings = load_settings()
    var = tmp_path.resolve() / "var"
    assert settings.var_dir == var
    assert settings.database_url == f"sqlite:///{var / 'trigger.sqlite3'}"
    assert settings.inbox == var / "inbox"
    assert (settings.policy, settings.console_host, settings.console_port) == (
        "hartlepool",
        "127.0.0.1",
        8000,
    )
    assert not (settings.imap_configured or settings.smtp_configured)
    assert not settings.telegram_configured


def test_loading_settings_creates_nothing_on_disk(tmp_path: Path) -> None:
    load_settings()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("variable", "value", "attribute", "expected"),
    [
        ("TRIGGER_DATABASE_URL", "postgresql+psycopg://u@db/trigger", "database_url",
         "postgresql+psycopg://u@db/trigger"),
        ("TRIGGER_POLICY", "durham", "policy", "durham"),
        ("TRIGGER_CONSOLE_PORT", "9000", "console_port", 9000),
        ("TRIGGER_IMAP_PORT", "143", "imap_port", 143),
        ("TRIGGER_IMAP_SSL", "false", "imap_ssl", False),
        ("TRIGGER_IMAP_FOLDER", "Trigger", "imap_folder", "Trigger"),
        ("TRIGGER_SMTP_STARTTLS", "0", "smtp_starttls", False),
        ("TRIGGER_TELEGRAM_BASE_URL", "http://127.0.0.1:9/bot", "telegram_base_url",
         "http://127.0.0.1:9/bot"),
        ("TRIGGER_IMAP_HOST", "", "imap_host", None),  # empty means not configured
    ],
)  # fmt: skip
def test_environment_variable_sets_its_field(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, attribute: str, expected: object
) -> None:
    monkeypatch.setenv(variable, value)
    assert getattr(load_settings(), attribute) == expected


def test_var_dir_moves_the_default_database_and_drop_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRIGGER_VAR_DIR", "state")
    settings = load_settings()
    assert settings.database_url == f"sqlite:///{tmp_path.resolve() / 'state/trigger.sqlite3'}"
    assert settings.inbox == tmp_path.resolve() / "state/inbox"


def test_drop_folder_can_live_outside_var(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIGGER_DROP_FOLDER", str(tmp_path / "mail"))
    assert load_settings().inbox == tmp_path.resolve() / "mail"


def test_secrets_never_show_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIGGER_IMAP_PASSWORD", "imap-Xq7pw")
    monkeypatch.setenv("TRIGGER_SMTP_PASSWORD", "smtp-Xq7pw")
    monkeypatch.setenv("TRIGGER_TELEGRAM_TOKEN", "123:Xq7pw")
    settings = load_settings()
    assert "Xq7pw" not in repr(settings)
    assert settings.telegram_configured
    assert settings.imap_password is not None
    assert settings.imap_password.get_secret_value() == "imap-Xq7pw"


@pytest.mark.parametrize(
    ("fields", "configured"),
    [
        ({"imap_host": "mail.example", "imap_user": "u", "imap_password": "p"}, True),
        ({"imap_host": "mail.example", "imap_user": "u"}, False),
        ({"imap_user": "u", "imap_password": "p"}, False),
    ],
)
def test_imap_is_configured_only_with_host_user_and_password(
    fields: dict[str, str], configured: bool
) -> None:
    assert Settings(**fields).imap_configured is configured


def test_invalid_port_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIGGER_CONSOLE_PORT", "70000")
    with pytest.raises(ValidationError, match="console_port"):
        load_settings()


def test_keyword_overrides_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIGGER_POLICY", "durham")
    assert load_settings(policy="hart").policy == "hart"
