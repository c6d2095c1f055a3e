"""Account management for admins: the accounts, a new account, deactivating and reactivating
one, changing its role and area, and resetting its password. A new or reset password is a
one-time password shown once, on the page that made it, and must be changed at the next
sign-in. Every change is audited (by the accounts repository) and refused when it would leave
no active admin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from console.audit import ConsoleAction
from console.auth import Officer, admin, checked_form, config_of
from console.passwords import hash_password, one_time_password
from console.rendering import render
from storage.repositories.accounts import AccountExists, LastActiveAdmin
from storage.tables import AccountRole
from storage.unit_of_work import UnitOfWork

router = APIRouter()

LAST_ADMIN = (
    "{name} is the last active admin: make another account an admin first, "
    "so that someone can still manage the accounts"
)


def checked_admin(officer: Annotated[Officer, Depends(checked_form)]) -> Officer:
    """Dependency of the account changes: an admin whose form carries the session's CSRF
    token (403 otherwise)."""
    if not officer.is_admin:
        raise HTTPException(status_code=403, detail="Only administrators can do this")
    return officer


def _page(
    request: Request,
    officer: Officer,
    uow: UnitOfWork,
    *,
    one_time: tuple[str, str, str] | None = None,
    notice: str = "",
    error: str = "",
) -> Response:
    """The accounts page (``one_time``: a heading, user name and password to show once)."""
    config = config_of(request)
    return render(
        request,
        "accounts.html",
        {
            "officer": officer,
            "accounts": uow.accounts.all(),
            "sessions": uow.accounts.live_sessions(),
            "roles": [str(role) for role in AccountRole],
            "areas": sorted(config.profiles),
            "one_time": one_time,
            "notice": notice,
            "error": error,
        },
        status_code=400 if error else 200,
    )


def _role_problem(request: Request, role: str, area: str) -> tuple[AccountRole | None, str]:
    """The role chosen and why the role and area may not be used together ("" when they may)."""
    try:
        account_role = AccountRole(role)
    except ValueError:
        return None, "Choose a role"
    if account_role is AccountRole.OFFICER and not area:
        return account_role, "Choose the officer's area"
    if area and area not in config_of(request).profiles:
        return account_role, "Choose an area from the list"
    return account_role, ""


@router.get("/admin/accounts")
def accounts_page(request: Request, officer: Annotated[Officer, Depends(admin)]) -> Response:
    """Every account with its role, area, state and open sessions."""
    with config_of(request).unit_of_work() as uow:
        uow.audit.append(ConsoleAction.ACCOUNTS_VIEWED, actor=officer.actor)
        return _page(request, officer, uow)


@router.post("/admin/accounts")
def add_account(
    request: Request,
    officer: Annotated[Officer, Depends(checked_admin)],
    username: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    area: Annotated[str, Form()] = "",
) -> Response:
    """Create an account; its one-time password is shown once, on this page only."""
    account_role, error = _role_problem(request, role, area)
    if not error and not username.strip():
        error = "Enter a user name"
    with config_of(request).unit_of_work() as uow:
        if error or account_role is None:
            return _page(request, officer, uow, error=error)
        password = one_time_password()
        try:
            account = uow.accounts.add(
                username,
                hash_password(password),
                role=account_role,
                area=area or None,
                actor=officer.actor,
            )
        except AccountExists:
            return _page(
                request, officer, uow, error="There is already an account with that user name"
            )
        return _page(request, officer, uow, one_time=("created", account.username, password))


def _account_or_404(uow: UnitOfWork, account_id: int) -> str:
    account = uow.accounts.get(account_id)
    if account is None:
        raise HTTPException(status_code=404, detail="There is no such account")
    return account.username


@router.post("/admin/accounts/{account_id}/deactivate")
def deactivate(
    request: Request, account_id: int, officer: Annotated[Officer, Depends(checked_admin)]
) -> Response:
    """Deactivate an account: it cannot sign in, and its open sessions end at once."""
    with config_of(request).unit_of_work() as uow:
        name = _account_or_404(uow, account_id)
        try:
            uow.accounts.set_active(account_id, False, actor=officer.actor)
        except LastActiveAdmin:
            return _page(request, officer, uow, error=LAST_ADMIN.format(name=name))
        if account_id == officer.account_id:
            return RedirectResponse("/sign-in", status_code=303)
        return _page(request, officer, uow, notice=f"{name} is deactivated and signed out")


@router.post("/admin/accounts/{account_id}/reactivate")
def reactivate(
    request: Request, account_id: int, officer: Annotated[Officer, Depends(checked_admin)]
) -> Response:
    """Let a deactivated account sign in again (with its password as it was)."""
    with config_of(request).unit_of_work() as uow:
        name = _account_or_404(uow, account_id)
        uow.accounts.set_active(account_id, True, actor=officer.actor)
        return _page(request, officer, uow, notice=f"{name} can sign in again")


@router.post("/admin/accounts/{account_id}/reset-password")
def reset_password(
    request: Request, account_id: int, officer: Annotated[Officer, Depends(checked_admin)]
) -> Response:
    """A new one-time password, shown once; the account's sessions end and the officer must
    choose their own password at the next sign-in."""
    with config_of(request).unit_of_work() as uow:
        name = _account_or_404(uow, account_id)
        password = one_time_password()
        uow.accounts.set_password(
            account_id, hash_password(password), one_time=True, actor=officer.actor
        )
        if account_id == officer.account_id:
            return RedirectResponse("/sign-in", status_code=303)
        return _page(request, officer, uow, one_time=("reset", name, password))


@router.post("/admin/accounts/{account_id}/role")
def change_role(
    request: Request,
    account_id: int,
    officer: Annotated[Officer, Depends(checked_admin)],
    role: Annotated[str, Form()] = "",
    area: Annotated[str, Form()] = "",
) -> Response:
    """Change an account's role and area (it takes effect at the account's next request)."""
    account_role, error = _role_problem(request, role, area)
    with config_of(request).unit_of_work() as uow:
        name = _account_or_404(uow, account_id)
        if error or account_role is None:
            return _page(request, officer, uow, error=error)
        try:
            uow.accounts.set_role(account_id, account_role, area or None, actor=officer.actor)
        except LastActiveAdmin:
            return _page(request, officer, uow, error=LAST_ADMIN.format(name=name))
        where = area or "all areas"
        return _page(request, officer, uow, notice=f"{name} is now {account_role} ({where})")
