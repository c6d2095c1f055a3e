"""Suite-wide rules and fixtures: ../shared, a throw-away PostgreSQL cluster, database URLs.

Tests that read ``../shared`` (marked with ``tests.checkout.requires_shared``) are skipped with
one reason when it is not beside the checkout, except under CI=true, where they fail: CI must
run them, and the suite may not silently thin out.

``database_url`` is parametrized: every test that asks for it runs once on a fresh SQLite file
and once on a fresh PostgreSQL database. The PostgreSQL cluster is started once per session
from the Debian server binaries (/usr/lib/postgresql/*/bin); when they are missing the
PostgreSQL variants are skipped with the reason, except under CI=true, where they fail: CI
must really test PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.checkout import MARKER, shared_problem

POSTGRES_MISSING = "PostgreSQL server binaries not found: apt-get install postgresql"


@dataclass(frozen=True)
class PostgresCluster:
    """A running throw-away PostgreSQL server (user ``postgres``, trust auth, 127.0.0.1)."""

    host: str
    port: int

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of one database of this cluster."""
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{database}"

    def create_database(self) -> str:
        """Create an empty database with a unique name; return its name."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections a test left open."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]


def _postgres_bin_dir() -> Path | None:
    """$PG_BINDIR if set, else the newest /usr/lib/postgresql/<version>/bin with initdb."""
    if os.environ.get("PG_BINDIR"):
        given = Path(os.environ["PG_BINDIR"])
        return given if (given / "initdb").exists() and (given / "pg_ctl").exists() else None

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", Path(path).parent.parent.name))

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    for initdb in reversed(found):
        bin_dir = Path(initdb).parent
        if (bin_dir / "pg_ctl").exists():
            return bin_dir
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """Run as the postgres user when we are root (initdb refuses to run as root)."""
    if os.geteuid() != 0:
        return command
    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]


def _run(command: list[str], log: Path | None = None) -> None:
    result = subprocess.run(
        _as_postgres(command), capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        details = result.stdout + result.stderr
        if log is not None and log.exists():
            details += "\n" + log.read_text(errors="replace")
        raise RuntimeError(f"{command[0]} failed ({result.returncode}):\n{details}")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Start a PostgreSQL cluster in a temp dir on a free port; stop it at session end."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        if _under_ci():
            pytest.fail(f"{POSTGRES_MISSING} (CI=true: PostgreSQL tests must run)")
        pytest.skip(POSTGRES_MISSING)
    root = Path(tempfile.mkdtemp(prefix="trigger-pg-"))
    data, log = root / "data", root / "postgres.log"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o755)  # readable by postgres, and by us for the log
    pg_ctl = str(bin_dir / "pg_ctl")
    started = False
    try:
        _run(
            [
                str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
            ]
        )  # fmt: skip
        for attempt in range(3):  # the free port may be taken before the server binds it
            port = _free_port()
            options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
            try:
                _run([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o", options, "start"], log)
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            started = True
            break
        yield PostgresCluster(host="127.0.0.1", port=port)
    finally:
        try:
            if started:
                _run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], log)
        finally:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    name = postgres_cluster.create_database()
    try:
        yield postgres_cluster.url(name)
    finally:
        postgres_cluster.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a fresh SQLite file in the test's temp dir."""
    return f"sqlite:///{tmp_path / 'trigger.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty database: a fresh SQLite file, then a fresh PostgreSQL database."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


def _under_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database (SQLite, then PostgreSQL) brought to the newest schema."""
    from storage.database import connect
    from storage.migrate import upgrade

    engine = connect(database_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*paths): reads ../shared/<path>; skipped when missing, failed under CI=true",
    )
    config.addinivalue_line(
        "markers", f"{MARKER}_empty: the placeholder of a parameter list ../shared left empty"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """The one rule for tests that need ../shared: skip when it is missing, fail under CI."""
    needs = [path for marker in item.iter_markers(MARKER) for path in marker.args]
    if not needs and item.get_closest_marker(MARKER) is None:
        return
    problem = shared_problem(needs)
    if problem is not None:
        if _under_ci():
            pytest.fail(f"{problem} (CI=true: the tests that read ../shared must run)")
        pytest.skip(problem)
    if item.get_closest_marker(f"{MARKER}_empty") is not None:
        pytest.fail(f"../shared is here but gave no parameters (needs {', '.join(needs)})")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the PostgreSQL cluster `postgres` (``-m "not postgres"``)."""
    for item in items:
        if "postgres_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
