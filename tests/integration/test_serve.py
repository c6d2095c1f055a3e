"""`trigger serve` as a user runs it: a real process, a temp working directory, real signals.

The process runs this checkout's code (``python -m app.cli serve``), not the installed script's.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

from app.serve import Service, run_services
from app.settings import load_settings
from storage.database import connect
from storage.migrate import current_revision, head_revision
from storage.unit_of_work import SqlUnitOfWork
from tests.integration.conftest import StartServer

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

    server = serve(TRIGGER_DATABASE_URL=database_url)
    server.wait_for("trigger serve ready")
    server.wait_for("drop folder: stored waiting.eml as inbound message 1")
    status, log = server.stop(signal.SIGINT)

    assert status == 0, log
    assert "Traceback" not in log
    for part in ("console: http://127.0.0.1:0/", "IMAP not configured", "Telegram: no token"):
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
    server = serve(TRIGGER_DATABASE_URL=sqlite_url)
    server.wait_for("trigger serve ready")
    status, log = server.stop(signal.SIGTERM)
    assert status == 0, log
    assert "Traceback" not in log
    assert "ended before it was asked to" not in log


def test_serve_when_database_is_unreachable_then_exit_1_without_traceback(
    serve: StartServer,
) -> None:
    server = serve(
        TRIGGER_DATABASE_URL="postgresql+psycopg://nobody:pw@127.0.0.1:1/none?connect_timeout=2"
    )
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

    server = serve(TRIGGER_DATABASE_URL=database_url)
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
