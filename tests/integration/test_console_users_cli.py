"""`trigger users` manages accounts as an operator would: deactivate, reactivate, reset a
password, change a role, unlock, list and purge sessions; `trigger serve` purges expired
sessions by itself."""

from __future__ import annotations

import re
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from console.passwords import verify_password
from console.security import sign_in_keys
from storage.database import connect
from storage.migrate import upgrade
from storage.tables import AccountRole
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import add_account
from tests.integration.conftest import StartServer

LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def users(sqlite_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("TRIGGER_DATABASE_URL", sqlite_url)
    monkeypatch.chdir(tmp_path)
    return sqlite_url


def account(url: str, name: str) -> tuple[bool, AccountRole, str | None, str, bool]:
    engine = connect(url)
    try:
        with SqlUnitOfWork(engine) as uow:
            found = uow.accounts.find(name)
            assert found is not None
            return (
                found.active,
                found.role,
                found.area,
                found.password_hash,
                found.must_change_password,
            )
    finally:
        engine.dispose()


def test_users_commands_manage_accounts_and_never_drop_the_last_admin(
    users: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["users", "first-admin", "boss"]) == 0
    assert main(["users", "add", "jo", "--role", "officer", "--area", "hartlepool"]) == 0
    capsys.readouterr()

    assert main(["users", "deactivate", "boss"]) == 1
    assert "boss is the last active admin" in capsys.readouterr().err
    assert main(["users", "set-role", "boss", "--role", "manager"]) == 1
    assert main(["users", "deactivate", "nobody"]) == 1
    assert "no account 'nobody'" in capsys.readouterr().err

    assert main(["users", "set-role", "jo", "--role", "admin", "--area", "all"]) == 0
    assert "jo is now admin (all areas)" in capsys.readouterr().out
    assert main(["users", "set-role", "jo", "--role", "officer"]) == 2  # no area to keep
    assert main(["users", "set-role", "jo", "--role", "officer", "--area", "atlantis"]) == 2
    assert main(["users", "deactivate", "boss"]) == 0
    assert account(users, "boss")[0] is False
    assert main(["users", "set-role", "jo", "--role", "manager"]) == 1  # now the last admin
    assert main(["users", "reactivate", "boss"]) == 0
    assert account(users, "boss")[0] is True
    assert main(["users", "list"]) == 0
    assert "jo\tadmin\tall areas" in capsys.readouterr().out

    assert main(["users", "reset-password", "jo"]) == 0
    found = re.search(r"one-time password: (\S+)", capsys.readouterr().out)
    assert found is not None
    _, _, _, password_hash, must_change = account(users, "jo")
    assert verify_password(password_hash, found.group(1)) and must_change


def test_users_sessions_purge_and_unlock(users: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = connect(users)
    upgrade(engine)
    jo = add_account(engine, "jo")
    with SqlUnitOfWork(engine) as uow:
        assert jo.id is not None
        uow.accounts.open_session("a" * 64, jo.id, "csrf", LONG_AGO)
        uow.accounts.open_session("b" * 64, jo.id, "csrf", datetime.now(UTC))
        uow.accounts.record_sign_in_failure(sign_in_keys("jo", "192.0.2.1"), datetime.now(UTC))
    assert main(["users", "sessions"]) == 0
    assert "jo\t2 session(s)" in capsys.readouterr().out
    assert main(["users", "sessions", "--purge"]) == 0
    out = capsys.readouterr().out
    assert "purged 1 expired session(s)" in out and "jo\t1 session(s)" in out
    assert main(["users", "unlock", "JO"]) == 0
    assert "1 failed sign-in(s) forgotten" in capsys.readouterr().out
    with SqlUnitOfWork(engine) as uow:
        since = datetime.now(UTC) - timedelta(hours=1)
        assert uow.accounts.sign_in_failures(sign_in_keys("jo", "")[0], since) == []
        assert len(uow.accounts.sign_in_failures(sign_in_keys("", "192.0.2.1")[1], since)) == 1
    engine.dispose()


def test_serve_purges_expired_sessions_at_start(serve: StartServer, sqlite_url: str) -> None:
    engine = connect(sqlite_url)
    upgrade(engine)
    jo = add_account(engine, "jo")
    with SqlUnitOfWork(engine) as uow:
        assert jo.id is not None
        uow.accounts.open_session("c" * 64, jo.id, "csrf", LONG_AGO)
    server = serve(TRIGGER_DATABASE_URL=sqlite_url)
    server.wait_for("console: purged 1 expired session(s)")
    status, log = server.stop(signal.SIGINT)
    assert status == 0 and "Traceback" not in log
    with SqlUnitOfWork(engine) as uow:
        assert uow.accounts.live_sessions() == {}
    engine.dispose()
