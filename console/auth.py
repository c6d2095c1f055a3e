"""Signing in and out, the signed-in officer of a request, roles and CSRF tokens.

Sessions are server-side (``console_sessions``): the cookie holds a random token, the database
its SHA-256. A new token is issued at every sign-in (the old session, if any, is closed) and
the row is deleted at sign-out. A session ends after ``idle_timeout`` without use and after
``absolute_timeout`` whatever. Every form that changes something carries the session's CSRF
token (:func:`checked_form`); the sign-in form, before any session, a double-submit token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from console.audit import ConsoleAction
from console.config import ConsoleConfig
from console.passwords import hash_password, needs_rehash, password_problem, verify_password
from console.rendering import render
from console.security import new_token, over_tls, same_token, sign_in_keys, token_hash
from storage.repositories.accounts import normal_username
from storage.tables import AccountRole
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("trigger.console")

SESSION_COOKIE = "console_session"
SIGN_IN_CSRF_COOKIE = "console_sign_in"
# How stale a session's last-seen time may get before it is written again (the idle timeout is
# counted from it, so it ends at most this much early).
TOUCH_EVERY = timedelta(seconds=30)

router = APIRouter()


class SignInRequired(Exception):
    """The request needs a signed-in officer and has none (or the session ended)."""


@dataclass(frozen=True)
class Officer:
    """The signed-in account of a request."""

    account_id: int
    officer_id: int
    username: str
    role: AccountRole
    area: str | None
    session_id: str
    csrf_token: str
    must_change_password: bool

    @property
    def actor(self) -> str:
        """How the audit log names this officer."""
        return f"officer:{self.officer_id}"

    @property
    def is_manager(self) -> bool:
        """Managers (and admins) may accept on discretion and see figures."""
        return self.role in (AccountRole.MANAGER, AccountRole.ADMIN)

    @property
    def is_admin(self) -> bool:
        """Admins manage accounts."""
        return self.role is AccountRole.ADMIN

    def may_see(self, area: str) -> bool:
        """True when a case of ``area`` is this officer's to see."""
        return self.area is None or self.area == area


def config_of(request: Request) -> ConsoleConfig:
    """The console's configuration (set by the app factory)."""
    config: ConsoleConfig = request.app.state.config
    return config


def purge_expired(uow: UnitOfWork, config: ConsoleConfig, now: datetime) -> tuple[int, int]:
    """Delete the sessions past their idle or absolute timeout and the failed sign-ins older
    than the throttle's window; return how many of each (audited when any session went)."""
    sessions = uow.accounts.purge_sessions(
        idle_before=now - config.idle_timeout, started_before=now - config.absolute_timeout
    )
    failures = uow.accounts.purge_sign_in_failures(config.throttle.since(now))
    if sessions:
        uow.audit.append(ConsoleAction.SESSIONS_PURGED, detail={"sessions": sessions})
    return sessions, failures


def _session_officer(request: Request) -> Officer:
    config = config_of(request)
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise SignInRequired
    session_id = token_hash(token)
    now = config.clock()
    with config.unit_of_work() as uow:
        found = uow.accounts.session(session_id)
        if found is None:
            raise SignInRequired
        session, account = found
        expired = (
            now - session.created_at > config.absolute_timeout
            or now - session.last_seen_at > config.idle_timeout
            or not account.active
        )
        if expired:
            uow.accounts.close_session(session_id)
            uow.audit.append(
                ConsoleAction.SESSION_EXPIRED,
                actor=f"officer:{account.officer_id}",
                subject_type="account",
                subject_id=account.id,
            )
        elif now - session.last_seen_at > TOUCH_EVERY:  # (a write per request is waste)
            uow.accounts.touch_session(session_id, now)
    if expired:
        raise SignInRequired
    assert account.id is not None
    return Officer(
        account_id=account.id,
        officer_id=account.officer_id,
        username=account.username,
        role=AccountRole(account.role),
        area=account.area,
        session_id=session_id,
        csrf_token=session.csrf_token,
        must_change_password=account.must_change_password,
    )


def signed_in(request: Request) -> Officer:
    """Dependency: the signed-in officer, who has chosen their own password."""
    officer = _session_officer(request)
    if officer.must_change_password:
        raise PasswordChangeRequired
    return officer


class PasswordChangeRequired(Exception):
    """The officer signed in with a one-time password and must choose their own first."""


def manager(officer: Annotated[Officer, Depends(signed_in)]) -> Officer:
    """Dependency: a signed-in manager or admin (403 otherwise)."""
    if not officer.is_manager:
        raise HTTPException(status_code=403, detail="Only managers can do this")
    return officer


def admin(officer: Annotated[Officer, Depends(signed_in)]) -> Officer:
    """Dependency: a signed-in admin (403 otherwise)."""
    if not officer.is_admin:
        raise HTTPException(status_code=403, detail="Only administrators can do this")
    return officer


def checked_form(
    officer: Annotated[Officer, Depends(signed_in)],
    csrf_token: Annotated[str, Form()] = "",
) -> Officer:
    """Dependency of every state-changing route: a signed-in officer whose form carries the
    session's CSRF token (403 otherwise)."""
    if not same_token(csrf_token, officer.csrf_token):
        raise HTTPException(status_code=403, detail="The form has expired: go back and try again")
    return officer


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=over_tls(request),
        path="/",
    )


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/sign-in")
def sign_in_page(request: Request) -> Response:
    """The sign-in form, with a fresh double-submit CSRF token."""
    token = new_token()
    response = render(request, "sign_in.html", {"csrf_token": token, "errors": {}})
    _set_cookie(request, response, SIGN_IN_CSRF_COOKIE, token)
    return response


@router.post("/sign-in")
def sign_in(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Check the password; on success a new session (the old one, if any, closed)."""
    config = config_of(request)
    if not same_token(csrf_token, request.cookies.get(SIGN_IN_CSRF_COOKIE)):
        raise HTTPException(status_code=403, detail="The form has expired: go back and try again")
    name = normal_username(username)
    keys = sign_in_keys(name, _client(request))
    now = config.clock()
    with config.unit_of_work() as uow:
        since = config.throttle.since(now)
        wait = max(
            config.throttle.retry_after(uow.accounts.sign_in_failures(key, since), now)
            for key in keys
        )
    if wait:
        response = render(
            request,
            "sign_in.html",
            {"csrf_token": csrf_token, "errors": {"username": "Too many attempts: try later"}},
            status_code=429,
        )
        response.headers["Retry-After"] = str(wait)
        return response
    with config.unit_of_work() as uow:
        account = uow.accounts.find(name) if name else None
        valid = verify_password(account.password_hash if account else None, password)
        if account is None or not valid or not account.active:
            uow.accounts.record_sign_in_failure(keys, now)
            uow.audit.append(
                ConsoleAction.SIGN_IN_FAILED,
                subject_type="account" if account else None,
                subject_id=account.id if account else None,
            )
            errors = {"username": "Enter a correct user name and password"}
            return render(
                request,
                "sign_in.html",
                {"csrf_token": csrf_token, "errors": errors},
                status_code=401,
            )
        assert account.id is not None
        old = request.cookies.get(SESSION_COOKIE)
        if old:
            uow.accounts.close_session(token_hash(old))
        if needs_rehash(account.password_hash):
            uow.accounts.set_password(
                account.id,
                hash_password(password),
                one_time=account.must_change_password,
                actor=f"officer:{account.officer_id}",
            )
        token = new_token()
        uow.accounts.open_session(token_hash(token), account.id, new_token(), now)
        uow.accounts.forget_sign_in_failures(keys[0])
        uow.audit.append(
            ConsoleAction.SIGNED_IN,
            actor=f"officer:{account.officer_id}",
            subject_type="account",
            subject_id=account.id,
        )
        purge_expired(uow, config, now)
    redirect = RedirectResponse("/", status_code=303)
    _set_cookie(request, redirect, SESSION_COOKIE, token)
    redirect.delete_cookie(SIGN_IN_CSRF_COOKIE, path="/")
    return redirect


@router.post("/sign-out")
def sign_out(
    request: Request,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """End the session (its row deleted, the cookie cleared)."""
    officer = _session_officer(request)
    if not same_token(csrf_token, officer.csrf_token):
        raise HTTPException(status_code=403, detail="The form has expired: go back and try again")
    config = config_of(request)
    with config.unit_of_work() as uow:
        uow.accounts.close_session(officer.session_id)
        uow.audit.append(
            ConsoleAction.SIGNED_OUT,
            actor=officer.actor,
            subject_type="account",
            subject_id=officer.account_id,
        )
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/password")
def password_page(request: Request) -> Response:
    """The form to choose a new password (required after a one-time password)."""
    officer = _session_officer(request)
    return render(request, "password.html", {"officer": officer, "errors": {}})


@router.post("/password")
def change_password(
    request: Request,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Set the officer's own password; their other sessions end."""
    officer = _session_officer(request)
    if not same_token(csrf_token, officer.csrf_token):
        raise HTTPException(status_code=403, detail="The form has expired: go back and try again")
    config = config_of(request)
    errors: dict[str, str] = {}
    with config.unit_of_work() as uow:
        account = uow.accounts.get(officer.account_id)
        assert account is not None
        if not verify_password(account.password_hash, current):
            errors["current"] = "Enter your current password"
        elif problem := password_problem(new):
            errors["new"] = problem
        elif new != confirm:
            errors["confirm"] = "Enter the same new password twice"
        elif new == current:
            errors["new"] = "Choose a password different from your current one"
        if not errors:
            uow.accounts.set_password(
                officer.account_id,
                hash_password(new),
                keep_session=officer.session_id,
                actor=officer.actor,
            )
            uow.audit.append(
                ConsoleAction.PASSWORD_CHANGED,
                actor=officer.actor,
                subject_type="account",
                subject_id=officer.account_id,
            )
    if errors:
        page: Response = render(
            request, "password.html", {"officer": officer, "errors": errors}, status_code=400
        )
        return page
    return RedirectResponse("/", status_code=303)
