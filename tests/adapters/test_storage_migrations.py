"""The Alembic migrations on real databases, and `trigger db` on top of them."""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.cli import main
from storage.database import connect
from storage.migrate import current_revision, downgrade, head_revision, upgrade
from storage.tables import Table

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "storage"


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database (no schema yet)."""
    engine = connect(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_when_database_is_empty_then_it_reaches_head(empty_engine: Engine) -> None:
    assert current_revision(empty_engine) is None
    assert upgrade(empty_engine) == head_revision()
    assert current_revision(empty_engine) == head_revision()
    assert table_names(empty_engine) == set(Table.metadata.tables)


def test_upgrade_when_already_at_head_then_nothing_changes(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    assert upgrade(empty_engine) == head_revision()


def test_migrations_create_exactly_the_schema_the_tables_declare(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Table.metadata)
    assert differences == []


def test_downgrade_to_base_removes_everything_and_upgrade_rebuilds_it(
    empty_engine: Engine,
) -> None:
    upgrade(empty_engine)
    assert downgrade(empty_engine, "base") is None
    assert table_names(empty_engine) == set()
    upgrade(empty_engine)
    assert table_names(empty_engine) == set(Table.metadata.tables)


def test_every_migration_file_is_shipped_as_package_data() -> None:
    """An installed package must carry its migrations: pyproject's globs must cover them."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["storage"]
    shipped = [
        path.relative_to(STORAGE).as_posix()
        for path in [*STORAGE.glob("alembic.ini"), *(STORAGE / "migrations").rglob("*")]
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert "migrations/env.py" in shipped
    assert "migrations/script.py.mako" in shipped
    missing = [
        name for name in shipped if not any(fnmatch.fnmatch(name, glob) for glob in patterns)
    ]
    assert missing == []


def test_db_upgrade_then_db_current_reports_head(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "current", "--database-url", database_url]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["db", "upgrade", "--database-url", database_url]) == 0
    assert f"at revision {head_revision()}" in capsys.readouterr().out
    assert main(["db", "current", "--database-url", database_url]) == 0
    assert f"at revision {head_revision()} (head)" in capsys.readouterr().out


def test_db_upgrade_uses_trigger_database_url_and_hides_its_password(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@")  # trust auth ignores it
    monkeypatch.setenv("TRIGGER_DATABASE_URL", with_password)
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out
    assert "***" in out


def test_db_upgrade_when_database_is_unreachable_then_exit_1_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://nobody:pw@127.0.0.1:1/none?connect_timeout=2"
    assert main(["db", "upgrade", "--database-url", url]) == 1
    captured = capsys.readouterr()
    assert "OperationalError" in captured.err
    assert "Traceback" not in captured.err
    assert ":pw@" not in captured.err
