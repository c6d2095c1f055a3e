"""The checkout under test: its root, the ``../shared`` folder beside it, and its own CLI.

``../shared`` (the steering repository's shared material: the dev corpus, other projects' test
suites as data, the scorer) sits beside the checkout for every developer and for CI, but not in
a fresh clone. A test that reads it says so with :func:`requires_shared`; tests/conftest.py holds
the one rule for such tests: when what they need is missing they are skipped with
:data:`SHARED_MISSING` outside CI, and fail under ``CI=true`` (CI must really run them). A test
parametrized from ``../shared`` builds its parameters with :func:`shared_params`, so that a
missing folder gives one placeholder the rule skips or fails rather than no test at all.

Tests that run the ``trigger`` command run this checkout's code (:func:`cli`, :func:`cli_env`),
never whatever the virtual environment's ``trigger`` script was installed from.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
EXTERNAL = SHARED / "external"
SCORER = SHARED / "eval" / "score.py"

SHARED_MISSING = (
    "../shared not found beside the checkout: "
    "clone the steering repo's shared/ next to it, see README"
)
MARKER = "shared"  # pytest.mark.shared(*paths under ../shared)
PLACEHOLDER_ID = "shared-missing"


def requires_shared(*paths: str) -> pytest.MarkDecorator:
    """Mark a test (or module, via ``pytestmark``) as reading ``../shared/<path>`` for each path."""
    return getattr(pytest.mark, MARKER)(*paths)


def shared_problem(paths: Sequence[str]) -> str | None:
    """Why a test needing ``paths`` under ../shared cannot run here, or None when it can."""
    if not SHARED.is_dir():
        return SHARED_MISSING
    missing = [path for path in paths if not (SHARED / path).exists()]
    if missing:
        names = ", ".join(f"../shared/{path}" for path in missing)
        return f"{names} not found: ../shared beside the checkout is incomplete, see README"
    return None


def shared_params(values: Sequence[Any], *paths: str, arity: int = 1) -> list[Any]:
    """``values`` for ``parametrize``; when empty, one placeholder marked as needing ``paths``.

    ``arity`` is the number of argument names. The placeholder is skipped or failed by the rule
    in tests/conftest.py; if ../shared is there and still gave nothing, it fails everywhere.
    """
    if values:
        return list(values)
    nothing = (None,) * arity
    marks = [requires_shared(*paths), getattr(pytest.mark, MARKER + "_empty")]
    return [pytest.param(*nothing, id=PLACEHOLDER_ID, marks=marks)]


def cli(*args: str) -> list[str]:
    """The argv of ``trigger ARGS...`` run from this checkout (``python -m app.cli``)."""
    return [sys.executable, "-m", "app.cli", *args]


def cli_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) with PYTHONPATH set to the checkout's root."""
    return {**(os.environ if environ is None else environ), "PYTHONPATH": str(ROOT)}
