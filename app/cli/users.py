"""`trigger users`: console accounts. No default password exists anywhere: each new account
gets a random one-time password, printed once, which must be changed at the first sign-in.

    trigger users first-admin NAME          the first admin (refused once an admin exists)
    trigger users add NAME --role officer --area hartlepool
    trigger users list
"""

from __future__ import annotations

import argparse
import sys
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
