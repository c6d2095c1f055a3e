"""The Jinja2 environment: our templates first, then govuk-frontend-jinja's macros."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from console.config import LONDON
from trigger.draft import DateRange


def day(value: date | datetime | None) -> str:
    """A day as GOV.UK writes it: 27 March 2026 (a time: its day in England)."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.astimezone(LONDON).date()
    return f"{value.day} {value:%B %Y}"


def day_range(value: DateRange | None) -> str:
    """An incident's dates: one day, a range, or unknown."""
    if value is None or value.start is None:
        return "unknown"
    if value.end is None or value.end == value.start:
        return day(value.start)
    return f"{day(value.start)} to {day(value.end)}"


def environment() -> Environment:
    """Autoescaping everywhere: whatever a victim or an officer typed is shown as text."""
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("console", "templates"),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day
    env.filters["range"] = day_range
    return env


def templates(request: Request) -> Jinja2Templates:
    """The app's templates (built once by the app factory)."""
    found: Jinja2Templates = request.app.state.templates
    return found


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """A page rendered from ``name`` with ``context``."""
    return templates(request).TemplateResponse(request, name, context, status_code=status_code)
