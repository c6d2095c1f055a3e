"""`trigger serve` as a user runs it: a real process, a temp working directory, real signals.

The process runs this checkout's code (``python -m app.cli serve``), not the installed script's.
"""

from __future__ import annotations

import asyncio
import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.serve import Service, run_services
from app.settings import load_settings
from storage.database import connect
from storage.migrate import current_revision, head_revision
from storage.unit_of_work import SqlUnitOfWork
from tests.checkout import cli, cli_env

EMAIL = b"From: a@example.org\r\nMessage-ID: <s1@example.org>\r\nSubject: x\r\n\r\nhello\r\n"
ACCOUNT = b"""From: Ann Lee <ann.lee@example.net>\r
To: communitysafety@example.org\r
Subject: Community Trigger\r
Date: Wed, 14 Oct 2026 09:00:00 +0100\r
Message-ID: <account@example.net>\r
Content-Type: text/plain; charset=utf-8\r
\r
Last Friday the lads next door smashed my window. I rang 101 straight away.\r
On Monday they kicked my door and I reported it to the council the next day.\r
Yesterday they threw eggs at the house and I rang the police that night.\r
"""


@dataclass
class Server:
    """A running `trigger serve` whose log lines are collected as they come."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def read(self) -> None:
        """Copy the process's output into ``lines`` until it closes (runs in a thread)."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, needle: str, timeout: float = 60.0) -> str:
        """Return the first log line containing ``needle``; fail after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if needle in line:
                return line
        pytest.fail(f"no {needle!r} in the log of trigger serve:\n" + "".join(self.seen))

    def finish(self, timeout: float = 60.0) -> tuple[int, str]:
        """Wait for the process to end; return its exit status and its whole log."""
        status = self.process.wait(timeout=timeout)
        if self.reader is not None:
            self.reader.join(timeout=10)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return status, "".join(self.seen)

    def stop(self, signum: int) -> tuple[int, str]:
        """Send ``signum``; return the exit status and the whole log."""
        self.process.send_signal(signum)
        return self.finish(timeout=30)


StartServer = Callable[[str], Server]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[StartServer]:
    """Start `trigger serve` in ``tmp_path`` with the given database URL."""
    started: list[Server] = []

    def start(database_url: str) -> Server:
        env = {key: value for key, value in os.environ.items() if not key.startswith("TRIGGER_")}
        env["TRIGGER_DATABASE_URL"] = database_url
        process = subprocess.Popen(
            cli("serve"),
            cwd=tmp_path,
            env=cli_env(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        server = Server(process)
        server.reader = threading.Thread(target=server.read, daemon=True)
        server.reader.start()
        started.append(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=10)
        if server.reader is not None:
            server.reader.join(timeout=10)
        if server.process.stdout is not None:
            server.process.stdout.close()


def test_serve_reports_its_parts_stores_dropped_mail_and_stops_on_ctrl_c(
    serve: StartServer,
    database_url: str,
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "var" / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "waiting.eml").write_bytes(EMAIL)
    past = time.time() - 5
    os.utime(inbox / "waiting.eml", (past, past))

    server = serve(database_url)
    server.wait_for("trigger serve ready")
    server.wait_for("drop folder: stored waiting.eml as inbound message 1")
    status, log = server.stop(signal.SIGINT)

    assert status == 0, log
    assert "Traceback" not in log
    for part in ("console: not built yet", "IMAP not configured", "Telegram: no token"):
        assert part in log
    assert str(inbox) in log
    assert "stopped" in log
    assert (inbox / "processed" / "waiting.eml").read_bytes() == EMAIL
    engine = connect(database_url)
    try:
        with SqlUnitOfWork(engine) as uow:
            stored = uow.inbound.get(1)
            assert stored is not None and stored.raw == EMAIL
    finally:
        engine.dispose()


def test_serve_stops_cleanly_on_sigterm(
    serve: StartServer,
    sqlite_url: str,
) -> None:
    server = serve(sqlite_url)
    server.wait_for("trigger serve ready")
    status, log = server.stop(signal.SIGTERM)
    assert status == 0, log
    assert "Traceback" not in log
    assert "ended before it was asked to" not in log


def test_serve_when_database_is_unreachable_then_exit_1_without_traceback(
    serve: StartServer,
) -> None:
    server = serve("postgresql+psycopg://nobody:pw@127.0.0.1:1/none?connect_timeout=2")
    status, log = server.finish()
    assert status == 1, log
    assert "OperationalError" in log
    assert "Traceback" not in log
    assert ":pw@" not in log


OURS = ("app.", "bot.", "console.", "intake.", "nlp.", "storage.", "trigger.")


def test_serve_logs_a_drafted_message_once(
    serve: StartServer, database_url: str, tmp_path: Path
) -> None:
    inbox = tmp_path / "var" / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "account.eml").write_bytes(ACCOUNT)
    past = time.time() - 5
    os.utime(inbox / "account.eml", (past, past))

    server = serve(database_url)
    server.wait_for("inbound 1 drafted as application 1")
    status, log = server.stop(signal.SIGINT)

    assert status == 0, log
    assert log.count("drafted as application") == 1, log
    # no line of ours is written twice (one handler, no double propagation)
    ours = [
        line.split(" ", 2)[2]
        for line in log.splitlines()
        if line.count(" ") >= 3 and line.split(" ")[3].startswith(OURS)
    ]
    assert ours and len(ours) == len(set(ours)), log


# -- the service runner, in process ---------------------------------------------------------


class ServiceFailed(Exception):
    """What the failing service below raises."""


def run(
    services: list[Service], database_url: str, tmp_path: Path, stop_after: float
) -> tuple[int, bool]:
    """Run ``services`` with run_services, asking them to stop after ``stop_after`` seconds.

    Returns the exit status and whether the stop request had been made when it returned.
    """
    settings = load_settings(database_url=database_url, var_dir=tmp_path / "var")
    asked: list[bool] = []

    async def scenario() -> int:
        stop = asyncio.Event()

        def ask_to_stop() -> None:
            asked.append(True)
            stop.set()

        asyncio.get_running_loop().call_later(stop_after, ask_to_stop)
        return await run_services(settings, services=services, stop=stop)

    status = asyncio.run(scenario())
    return status, bool(asked)


def recording(name: str, events: list[str], *, fail_after: float | None = None) -> Service:
    async def serve_until_stopped(stop: asyncio.Event) -> None:
        events.append(f"{name} started")
        try:
            if fail_after is not None:
                await asyncio.sleep(fail_after)
                raise ServiceFailed(name)
            await stop.wait()
        finally:
            events.append(f"{name} stopped")

    return Service(name, serve_until_stopped)


def test_run_services_when_a_service_fails_then_the_others_stop_and_status_is_1(
    sqlite_url: str, tmp_path: Path
) -> None:
    events: list[str] = []
    services = [recording("steady", events), recording("flaky", events, fail_after=0.05)]
    status, stop_requested = run(services, sqlite_url, tmp_path, stop_after=30)
    assert status == 1
    assert not stop_requested  # stopped by the failure, not by the stop request
    assert sorted(events) == ["flaky started", "flaky stopped", "steady started", "steady stopped"]


def test_run_services_when_stop_is_set_then_every_service_ends_and_status_is_0(
    sqlite_url: str, tmp_path: Path
) -> None:
    events: list[str] = []
    services = [recording("a", events), recording("b", events)]
    assert run(services, sqlite_url, tmp_path, stop_after=0.2) == (0, True)
    assert sorted(events) == ["a started", "a stopped", "b started", "b stopped"]
    engine = connect(sqlite_url)
    try:
        assert current_revision(engine) == head_revision()  # run_services upgraded it
    finally:
        engine.dispose()
