"""Dependencies point inward: the domain (trigger/) and nlp/ import no framework or adapter.

Walks every module of trigger/ (except the CLI composition root and settings) and nlp/, reads its
imports with ``ast`` (including imports inside functions), and fails on any forbidden package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = frozenset(
    {
        "fastapi",
        "sqlmodel",
        "sqlalchemy",
        "telegram",
        "imapclient",
        "aiosmtpd",
        "uvicorn",
        "jinja2",
        "storage",
        "console",
        "bot",
        "intake",
    }
)


def pure_modules() -> list[Path]:
    """The files that must stay framework-free."""
    files = sorted((ROOT / "trigger").rglob("*.py")) + sorted((ROOT / "nlp").rglob("*.py"))
    cli = ROOT / "trigger" / "cli"
    settings = ROOT / "trigger" / "settings.py"
    return [f for f in files if cli not in f.parents and f != settings]


def forbidden_imports(source: str) -> list[str]:
    """The top-level packages of forbidden imports in ``source`` (absolute imports only)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [name for name in names if name.split(".")[0] in FORBIDDEN]
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import fastapi", ["fastapi"]),
        ("from sqlalchemy.orm import Session", ["sqlalchemy.orm"]),
        ("def f():\n    import storage.repositories\n", ["storage.repositories"]),
        ("import telegram as tg, json", ["telegram"]),
        ("from . import bot", []),  # relative: a sibling module, not the bot package
        ("import jinja2_extras, botocore", []),
        ("from trigger.draft import Draft", []),
    ],
)
def test_checker_finds_forbidden_imports(source: str, expected: list[str]) -> None:
    assert forbidden_imports(source) == expected


def test_walk_covers_the_domain_and_nlp_but_not_the_cli() -> None:
    names = {str(p.relative_to(ROOT)) for p in pure_modules()}
    assert {
        "trigger/threshold.py",
        "trigger/profiles.py",
        "trigger/draft.py",
        "nlp/pipeline.py",
    } <= names
    assert not any(name.startswith("trigger/cli/") for name in names)


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_module_imports_no_framework(path: Path) -> None:
    assert forbidden_imports(path.read_text(encoding="utf-8")) == []
