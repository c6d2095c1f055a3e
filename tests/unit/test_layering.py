"""The layers hold: import-linter's contracts in pyproject.toml, run over the checkout's code.

``../shared/spec/architecture.md``: ``app`` wires everything; the channels (``bot``, ``intake``,
``console``) never import one another; ``nlp`` and ``storage`` import only the domain; the
domain (``trigger``) imports no other package of ours, and neither it nor ``nlp`` imports a
framework. The contracts are the rule; these tests run them, check that every package of ours is
under them, and that a broken layer really is reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
)


def _config() -> dict[str, object]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"])


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter in ``project`` over its own packages (not whatever is installed)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-c", LINT],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_package_of_ours_is_under_the_contracts() -> None:
    ours = {
        path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name not in {"tests"}
    }
    assert ours == set(_config()["root_packages"])  # type: ignore[arg-type]


def test_the_layers_are_the_architecture_s() -> None:
    contracts = _config()["contracts"]
    assert isinstance(contracts, list)
    layers = next(c for c in contracts if c["type"] == "layers")
    assert layers["layers"] == ["app", "bot | intake | console", "nlp | storage", "trigger"]


def test_a_domain_module_that_imports_a_channel_breaks_the_contract(tmp_path: Path) -> None:
    # The same contracts over a tiny tree where the domain reaches out to a channel and a channel
    # to another channel: the linter must say so (a contract that cannot fail proves nothing).
    for package in _config()["root_packages"]:  # type: ignore[attr-defined]
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "trigger" / "draft.py").write_text("import intake\n")
    (tmp_path / "bot" / "dialogue.py").write_text("from console import x\n")
    (tmp_path / "console" / "x.py").write_text("")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "trigger.draft -> intake" in result.stdout
    assert "bot.dialogue -> console.x" in result.stdout
