"""Account management for admins: the accounts and a new account with a one-time password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from console.audit import ConsoleAction
from console.auth import Officer, admin, config_of
from console.passwords import hash_password, one_time_password
from console.rendering import render
from console.security import same_token
from storage.repositories.accounts import AccountExists
from storage.tables import AccountRole

router = APIRouter()


@router.get("/admin/accounts")
def accounts_page(request: Request, officer: Annotated[Officer, Depends(admin)]) -> Response:
    """Every account with its role and area."""
    config = config_of(request)
    with config.unit_of_work() as uow:
        found = uow.accounts.all()
        uow.audit.append(ConsoleAction.ACCOUNTS_VIEWED, actor=officer.actor)
    return render(
        request,
        "accounts.html",
        {
            "officer": officer,
            "accounts": found,
            "roles": [str(role) for role in AccountRole],
            "areas": sorted(config.profiles),
            "created": None,
            "error": "",
        },
    )


@router.post("/admin/accounts")
def add_account(
    request: Request,
    officer: Annotated[Officer, Depends(admin)],
    username: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    area: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Create an account; its one-time password is shown once, on this page only."""
    if not same_token(csrf_token, officer.csrf_token):
        raise HTTPException(status_code=403, detail="The form has expired: go back and try again")
    config = config_of(request)
    error = ""
    created: tuple[str, str] | None = None
    try:
        account_role = AccountRole(role)
    except ValueError:
        error = "Choose a role"
    else:
        if account_role is AccountRole.OFFICER and not area:
            error = "Choose the officer's area"
        elif area and area not in config.profiles:
            error = "Choose an area from the list"
        elif not username.strip():
            error = "Enter a user name"
    with config.unit_of_work() as uow:
        if not error:
            password = one_time_password()
            try:
                uow.accounts.add(
                    username,
                    hash_password(password),
                    role=account_role,
                    area=area or None,
                    actor=officer.actor,
                )
                created = (username.strip().lower(), password)
            except AccountExists:
                error = "There is already an account with that user name"
        found = uow.accounts.all()
    return render(
        request,
        "accounts.html",
        {
            "officer": officer,
            "accounts": found,
            "roles": [str(r) for r in AccountRole],
            "areas": sorted(config.profiles),
            "created": created,
            "error": error,
        },
        status_code=400 if error else 200,
    )
