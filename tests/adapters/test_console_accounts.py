"""Account management and sessions over HTTP (a real database, SQLite then PostgreSQL):
admins deactivate, reactivate, reset and re-role accounts, never the last active admin;
officers change their own password; failed sign-ins are counted in the database; expired
sessions are purged."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import Engine

from console.security import token_hash
from storage.tables import AccountRole
from storage.unit_of_work import SqlUnitOfWork
from tests.console_support import (
    PASSWORD,
    Clock,
    TestClient,
    add_account,
    console,
    csrf_of,
    sign_in,
)


def client_for(engine: Engine, clock: Clock | None = None) -> TestClient:
    return TestClient(console(engine, clock))


def actions(engine: Engine) -> list[str]:
    with SqlUnitOfWork(engine) as uow:
        return [entry.action for entry in uow.audit.trail()]


def account_id(engine: Engine, name: str) -> int:
    with SqlUnitOfWork(engine) as uow:
        account = uow.accounts.find(name)
        assert account is not None and account.id is not None
        return account.id


def admin_client(engine: Engine, name: str = "root") -> TestClient:
    add_account(engine, name, role=AccountRole.ADMIN, area=None)
    client = client_for(engine)
    assert sign_in(client, name).status_code == 303  # type: ignore[attr-defined]
    return client


def post(client: TestClient, path: str, **data: str) -> object:
    token = csrf_of(client.get("/admin/accounts").text)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def test_a_deactivated_officer_is_signed_out_at_once_and_cannot_sign_in_until_reactivated(
    engine: Engine,
) -> None:
    admin = admin_client(engine)
    add_account(engine, "jo")
    officer = client_for(engine)
    sign_in(officer, "jo")
    assert officer.get("/", follow_redirects=False).status_code == 200
    jo = account_id(engine, "jo")

    response = post(admin, f"/admin/accounts/{jo}/deactivate")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "jo is deactivated and signed out" in response.text  # type: ignore[attr-defined]
    assert officer.get("/", follow_redirects=False).headers["location"] == "/sign-in"
    with SqlUnitOfWork(engine) as uow:
        assert uow.accounts.live_sessions().get(jo, 0) == 0
    assert sign_in(client_for(engine), "jo").status_code == 401  # type: ignore[attr-defined]

    assert post(admin, f"/admin/accounts/{jo}/reactivate").status_code == 200  # type: ignore[attr-defined]
    assert sign_in(client_for(engine), "jo").status_code == 303  # type: ignore[attr-defined]
    done = actions(engine)
    assert "account.deactivated" in done and "account.reactivated" in done


def test_the_last_active_admin_cannot_be_deactivated_or_demoted(engine: Engine) -> None:
    admin = admin_client(engine)
    root = account_id(engine, "root")
    refused = post(admin, f"/admin/accounts/{root}/deactivate")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "root is the last active admin" in refused.text  # type: ignore[attr-defined]
    refused = post(admin, f"/admin/accounts/{root}/role", role="manager", area="")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "last active admin" in refused.text  # type: ignore[attr-defined]
    with SqlUnitOfWork(engine) as uow:
        account = uow.accounts.get(root)
        assert account is not None and account.active and account.role is AccountRole.ADMIN

    add_account(engine, "deputy", role=AccountRole.ADMIN, area=None)
    deputy = account_id(engine, "deputy")
    assert post(admin, f"/admin/accounts/{deputy}/deactivate").status_code == 200  # type: ignore[attr-defined]
    # An inactive admin does not count: root is still the last active one.
    assert post(admin, f"/admin/accounts/{root}/role", role="manager").status_code == 400  # type: ignore[attr-defined]
    post(admin, f"/admin/accounts/{deputy}/reactivate")
    demoted = post(admin, f"/admin/accounts/{root}/role", role="manager", area="")
    assert demoted.status_code == 200  # type: ignore[attr-defined]
    assert admin.get("/admin/accounts").status_code == 403  # the change holds at once


def test_a_reset_password_is_shown_once_ends_the_sessions_and_must_be_changed(
    engine: Engine,
) -> None:
    admin = admin_client(engine)
    add_account(engine, "jo")
    officer = client_for(engine)
    sign_in(officer, "jo")
    jo = account_id(engine, "jo")
    response = post(admin, f"/admin/accounts/{jo}/reset-password")
    found = re.search(r'id="one-time-password">([^<]+)<', response.text)  # type: ignore[attr-defined]
    assert found is not None and "Password of jo reset" in response.text  # type: ignore[attr-defined]
    one_time = found.group(1)
    assert one_time not in admin.get("/admin/accounts").text  # shown once
    assert officer.get("/", follow_redirects=False).headers["location"] == "/sign-in"
    fresh = client_for(engine)
    assert sign_in(fresh, "jo", PASSWORD).status_code == 401  # type: ignore[attr-defined]
    assert sign_in(fresh, "jo", one_time).status_code == 303  # type: ignore[attr-defined]
    assert fresh.get("/", follow_redirects=False).headers["location"] == "/password"
    new = "my own new passphrase"
    token = csrf_of(fresh.get("/password").text)
    fresh.post(
        "/password", data={"current": one_time, "new": new, "confirm": new, "csrf_token": token}
    )
    assert fresh.get("/", follow_redirects=False).status_code == 200
    with SqlUnitOfWork(engine) as uow:
        trail = [e for e in uow.audit.trail() if e.action == "account.password_set"]
    assert trail[0].detail == {"one_time": True} and trail[0].actor.startswith("officer:")


def test_an_admin_changes_a_role_and_area_and_an_officer_needs_an_area(engine: Engine) -> None:
    admin = admin_client(engine)
    add_account(engine, "jo")
    officer = client_for(engine)
    sign_in(officer, "jo")
    assert officer.get("/figures").status_code == 403
    jo = account_id(engine, "jo")
    refused = post(admin, f"/admin/accounts/{jo}/role", role="officer", area="")
    assert refused.status_code == 400 and "Choose the officer" in refused.text  # type: ignore[attr-defined]
    refused = post(admin, f"/admin/accounts/{jo}/role", role="officer", area="atlantis")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    done = post(admin, f"/admin/accounts/{jo}/role", role="manager", area="durham")
    assert "jo is now manager (durham)" in done.text  # type: ignore[attr-defined]
    assert officer.get("/figures").status_code == 200
    with SqlUnitOfWork(engine) as uow:
        account = uow.accounts.get(jo)
        assert account is not None and account.area == "durham"
        entry = [e for e in uow.audit.trail() if e.action == "account.role_set"][0]
    assert entry.detail["from"] == {"role": "officer", "area": "hartlepool"}
    assert post(admin, "/admin/accounts/999/deactivate").status_code == 404  # type: ignore[attr-defined]


def test_officers_cannot_manage_accounts(engine: Engine) -> None:
    add_account(engine, "root", role=AccountRole.ADMIN, area=None)
    add_account(engine, "mo", role=AccountRole.MANAGER, area=None)
    manager = client_for(engine)
    sign_in(manager, "mo")
    token = csrf_of(manager.get("/").text)
    root = account_id(engine, "root")
    for action in ("deactivate", "reset-password", "role"):
        response = manager.post(
            f"/admin/accounts/{root}/{action}", data={"csrf_token": token, "role": "officer"}
        )
        assert response.status_code == 403, action
    with SqlUnitOfWork(engine) as uow:
        account = uow.accounts.get(root)
        assert account is not None and account.active and account.role is AccountRole.ADMIN


def test_an_officer_changes_their_own_password_with_the_current_one(engine: Engine) -> None:
    add_account(engine, "jo")
    client = client_for(engine)
    sign_in(client, "jo")
    assert 'href="/password"' in client.get("/").text
    token = csrf_of(client.get("/password").text)
    new = "another long passphrase"
    wrong = client.post(
        "/password",
        data={"current": "not it at all", "new": new, "confirm": new, "csrf_token": token},
    )
    assert wrong.status_code == 400 and "Enter your current password" in wrong.text
    same = client.post(
        "/password",
        data={"current": PASSWORD, "new": PASSWORD, "confirm": PASSWORD, "csrf_token": token},
    )
    assert same.status_code == 400
    changed = client.post(
        "/password",
        data={"current": PASSWORD, "new": new, "confirm": new, "csrf_token": token},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert sign_in(client_for(engine), "jo", new).status_code == 303  # type: ignore[attr-defined]


def test_failed_sign_ins_hold_across_console_processes_and_age_out(engine: Engine) -> None:
    add_account(engine, "jo")
    clock = Clock()
    first = client_for(engine, clock)
    for _ in range(5):
        assert sign_in(first, "jo", "wrong password!").status_code == 401  # type: ignore[attr-defined]
    # A second console process (or the same one restarted) over the same database.
    second = client_for(engine, clock)
    blocked = sign_in(second, "jo")
    assert blocked.status_code == 429  # type: ignore[attr-defined]
    assert "Too many attempts: try later" in blocked.text  # type: ignore[attr-defined]
    assert 0 < int(blocked.headers["retry-after"]) <= 900  # type: ignore[attr-defined]
    clock.advance(timedelta(minutes=15, seconds=1))
    assert sign_in(second, "jo").status_code == 303  # type: ignore[attr-defined]
    with SqlUnitOfWork(engine) as uow:  # the success forgot the user name's failures
        assert uow.accounts.sign_in_failures(token_hash("user:jo"), clock.now - timedelta(1)) == []


def test_one_client_address_guessing_many_user_names_is_throttled(engine: Engine) -> None:
    add_account(engine, "jo")
    client = client_for(engine)
    for number in range(5):
        assert sign_in(client, f"nobody{number}", "guess").status_code == 401  # type: ignore[attr-defined]
    assert sign_in(client, "jo").status_code == 429  # type: ignore[attr-defined]


def test_expired_sessions_are_purged_at_sign_in(engine: Engine) -> None:
    add_account(engine, "jo")
    add_account(engine, "sam")
    clock = Clock()
    stale = client_for(engine, clock)
    sign_in(stale, "sam")
    clock.advance(timedelta(minutes=31))  # sam's session is idle past its timeout
    live = client_for(engine, clock)
    sign_in(live, "jo")
    with SqlUnitOfWork(engine) as uow:
        assert uow.accounts.session(token_hash(stale.cookies["console_session"])) is None
        assert uow.accounts.session(token_hash(live.cookies["console_session"])) is not None
        purged = [e for e in uow.audit.trail() if e.action == "console.sessions_purged"]
    assert purged and purged[0].detail == {"sessions": 1}
