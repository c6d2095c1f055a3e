"""The console's app factory: FastAPI, its routes, templates, static assets and middleware."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from console import (
    accounts,
    auth,
    cases,
    correspondence,
    deadlines,
    figures,
    intake_assisted,
    letters,
    reviews,
)
from console.config import ConsoleConfig
from console.rendering import environment, render
from console.security import security_headers


def create_app(config: ConsoleConfig) -> FastAPI:
    """The officers' console over ``config``'s storage and policy profiles."""
    app = FastAPI(
        title="Community Trigger console",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.config = config
    app.state.templates = Jinja2Templates(env=environment())
    app.state.templates.env.globals["letter_kinds"] = letters.KINDS
    static = resources.files("console") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(auth.router)
    app.include_router(letters.router)
    app.include_router(correspondence.router)
    app.include_router(cases.router)
    app.include_router(reviews.router)
    app.include_router(accounts.router)
    app.include_router(figures.router)
    app.include_router(deadlines.router)
    app.include_router(intake_assisted.router)
    app.middleware("http")(security_headers)

    @app.exception_handler(auth.SignInRequired)
    def _sign_in(request: Request, exc: auth.SignInRequired) -> Response:
        response = RedirectResponse("/sign-in", status_code=303)
        response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return response

    @app.exception_handler(auth.PasswordChangeRequired)
    def _password(request: Request, exc: auth.PasswordChangeRequired) -> Response:
        return RedirectResponse("/password", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    def _error(request: Request, exc: StarletteHTTPException) -> Response:
        return render(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return render(
            request,
            "error.html",
            {"status": 400, "detail": "The form was not complete: go back and try again"},
            status_code=400,
        )

    return app
