"""`trigger users`: console accounts. No default password exists anywhere: each new account
gets a random one-time password, printed once, which must be changed at the first sign-in.

    trigger users first-admin NAME          the first admin (refused once an admin exists)
    trigger users add NAME --role officer --area hartlepool
    trigger users list
    trigger users deactivate NAME           it cannot sign in; its sessions end at once
    trigger users reactivate NAME
    trigger users reset-password NAME       prints a new one-time password
    trigger users set-role NAME --role manager [--area durham|all]
    trigger users unlock NAME               forget its failed sign-ins (the lockout)
    trigger users sessions [--purge]        open sessions per account; --purge: expired ones

The last active admin can be neither deactivated nor demoted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

ROLES = ("officer", "manager", "admin")


def register(subparsers: Any) -> None:
    """Add the ``users`` command and its actions."""
    parser = subparsers.add_parser(
        "users",
        help="console accounts: the first admin, new accounts, the list",
        description="Manage the officers' console accounts.",
    )
    actions = parser.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    first = actions.add_parser(
        "first-admin",
        help="create the first admin and print a one-time password",
        description="Create the first admin account (refused once any admin exists).",
    )
    first.add_argument("name", help="the admin's user name")
    first.set_defaults(handler=_first_admin)
    add = actions.add_parser(
        "add",
        help="add an account and print its one-time password",
        description="Add a console account; its one-time password is printed once.",
    )
    add.add_argument("name", help="the user name (an email address is fine)")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument(
        "--area",
        help="the policy profile id whose cases the account sees (required for officers; "
        "managers and admins without one see every area)",
    )
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="list the accounts")
    listing.set_defaults(handler=_list)
    for action, handler, text in (
        ("deactivate", _deactivate, "deactivate an account: no sign-in, its sessions end now"),
        ("reactivate", _reactivate, "let a deactivated account sign in again"),
        ("reset-password", _reset_password, "print a new one-time password for an account"),
        ("unlock", _unlock, "forget an account's failed sign-ins (end its lockout)"),
    ):
        one = actions.add_parser(action, help=text, description=text[0].upper() + text[1:] + ".")
        one.add_argument("name", help="the user name")
        one.set_defaults(handler=handler)
    role = actions.add_parser(
        "set-role",
        help="change an account's role and area",
        description="Change an account's role and, with --area, its area.",
    )
    role.add_argument("name", help="the user name")
    role.add_argument("--role", choices=ROLES, required=True)
    role.add_argument(
        "--area",
        help="the policy profile id whose cases it sees, or 'all' (managers and admins); "
        "without it the area stays as it is",
    )
    role.set_defaults(handler=_set_role)
    sessions = actions.add_parser(
        "sessions",
        help="open console sessions per account; --purge deletes the expired ones",
        description="List the open console sessions per account.",
    )
    sessions.add_argument(
        "--purge",
        action="store_true",
        help="first delete the sessions past their idle or absolute timeout and the failed "
        "sign-ins no longer counted (`trigger serve` also does so every 10 minutes)",
    )
    sessions.set_defaults(handler=_sessions)


def _engine() -> Engine:
    from app.cli.serve import _upgrade
    from app.settings import load_settings
    from storage.database import connect

    settings = load_settings()
    engine = connect(settings.database_url)
    _upgrade(settings, engine)
    return engine


def _create(name: str, role: str, area: str | None, *, only_first_admin: bool) -> int:
    from console.passwords import hash_password, one_time_password
    from storage.repositories.accounts import AccountExists
    from storage.tables import AccountRole
    from storage.unit_of_work import SqlUnitOfWork
    from trigger.profiles import load_profiles

    if not name.strip():
        print("trigger users: the user name is empty", file=sys.stderr)
        return 2
    if area is not None and area not in load_profiles():
        known = ", ".join(sorted(load_profiles()))
        print(f"trigger users: no area {area!r} (known: {known})", file=sys.stderr)
        return 2
    if role == "officer" and area is None:
        print("trigger users: an officer needs --area", file=sys.stderr)
        return 2
    password = one_time_password()
    engine = _engine()
    try:
        with SqlUnitOfWork(engine) as uow:
            if only_first_admin and uow.accounts.count(AccountRole.ADMIN):
                print(
                    "trigger users first-admin: an admin exists already; "
                    "admins add accounts in the console or with `trigger users add`",
                    file=sys.stderr,
                )
                return 1
            try:
                account = uow.accounts.add(
                    name, hash_password(password), role=AccountRole(role), area=area, actor="cli"
                )
            except AccountExists:
                print(f"trigger users: an account {name.strip().lower()!r} exists", file=sys.stderr)
                return 1
    finally:
        engine.dispose()
    print(f"account {account.username} ({role}, {area or 'all areas'}) created")
    print(f"one-time password: {password}")
    print("sign in at /sign-in with it; the console then asks for a new password")
    return 0


def _first_admin(args: argparse.Namespace) -> int:
    return _create(args.name, "admin", None, only_first_admin=True)


def _add(args: argparse.Namespace) -> int:
    return _create(args.name, args.role, args.area, only_first_admin=False)


def _list(args: argparse.Namespace) -> int:
    from storage.unit_of_work import SqlUnitOfWork

    engine = _engine()
    try:
        with SqlUnitOfWork(engine) as uow:
            for account in uow.accounts.all():
                state = "" if account.active else " (inactive)"
                print(f"{account.username}\t{account.role}\t{account.area or 'all areas'}{state}")
    finally:
        engine.dispose()
    return 0


def _change(name: str, change: Callable[[Any, int], str]) -> int:
    """Run ``change(uow, account_id)`` on the account called ``name``; print what it says."""
    from storage.repositories.accounts import LastActiveAdmin
    from storage.unit_of_work import SqlUnitOfWork

    engine = _engine()
    try:
        with SqlUnitOfWork(engine) as uow:
            account = uow.accounts.find(name)
            if account is None or account.id is None:
                print(f"trigger users: no account {name.strip().lower()!r}", file=sys.stderr)
                return 1
            try:
                said = change(uow, account.id)
            except LastActiveAdmin:
                print(
                    f"trigger users: {account.username} is the last active admin; make another "
                    "account an admin first (`trigger users set-role OTHER --role admin`)",
                    file=sys.stderr,
                )
                return 1
    finally:
        engine.dispose()
    print(said)
    return 0


def _deactivate(args: argparse.Namespace) -> int:
    def change(uow: Any, account_id: int) -> str:
        if uow.accounts.set_active(account_id, False, actor="cli"):
            return f"account {normal(args.name)} deactivated; its sessions have ended"
        return f"account {normal(args.name)} was already inactive"

    return _change(args.name, change)


def _reactivate(args: argparse.Namespace) -> int:
    def change(uow: Any, account_id: int) -> str:
        if uow.accounts.set_active(account_id, True, actor="cli"):
            return f"account {normal(args.name)} reactivated"
        return f"account {normal(args.name)} was already active"

    return _change(args.name, change)


def _reset_password(args: argparse.Namespace) -> int:
    from console.passwords import hash_password, one_time_password

    password = one_time_password()

    def change(uow: Any, account_id: int) -> str:
        uow.accounts.set_password(account_id, hash_password(password), one_time=True, actor="cli")
        return (
            f"password of {normal(args.name)} reset; its sessions have ended\n"
            f"one-time password: {password}\n"
            "sign in at /sign-in with it; the console then asks for a new password"
        )

    return _change(args.name, change)


def _set_role(args: argparse.Namespace) -> int:
    from storage.tables import AccountRole
    from trigger.profiles import load_profiles

    if args.area not in (None, "all") and args.area not in load_profiles():
        known = ", ".join(sorted(load_profiles()))
        print(f"trigger users: no area {args.area!r} (known: {known})", file=sys.stderr)
        return 2
    role = AccountRole(args.role)

    def change(uow: Any, account_id: int) -> str:
        account = uow.accounts.get(account_id)
        area = account.area if args.area is None else (None if args.area == "all" else args.area)
        if role is AccountRole.OFFICER and area is None:
            raise _NeedsArea
        uow.accounts.set_role(account_id, role, area, actor="cli")
        return f"account {normal(args.name)} is now {role} ({area or 'all areas'})"

    try:
        return _change(args.name, change)
    except _NeedsArea:
        print("trigger users: an officer needs --area", file=sys.stderr)
        return 2


class _NeedsArea(Exception):
    """An officer's account would have no area."""


def _unlock(args: argparse.Namespace) -> int:
    from console.security import sign_in_keys

    def change(uow: Any, account_id: int) -> str:
        forgot = uow.accounts.forget_sign_in_failures(sign_in_keys(normal(args.name), "")[0])
        return f"account {normal(args.name)}: {forgot} failed sign-in(s) forgotten"

    return _change(args.name, change)


def _sessions(args: argparse.Namespace) -> int:
    from app.console_service import purge_expired
    from app.settings import load_settings
    from storage.unit_of_work import SqlUnitOfWork

    engine = _engine()
    try:
        if args.purge:
            sessions, failures = purge_expired(load_settings(), engine)
            print(f"purged {sessions} expired session(s) and {failures} old failed sign-in(s)")
        with SqlUnitOfWork(engine) as uow:
            live = uow.accounts.live_sessions()
            for account in uow.accounts.all():
                if live.get(account.id or 0):
                    print(f"{account.username}\t{live[account.id or 0]} session(s)")
            print(f"{sum(live.values())} open session(s)")
    finally:
        engine.dispose()
    return 0


def normal(name: str) -> str:
    """A user name as the accounts keep it."""
    from storage.repositories.accounts import normal_username

    return normal_username(name)
