"""`trigger serve` with SMTP configured: an email dropped in the inbox is drafted and its
sender acknowledged once, through a real SMTP server (aiosmtpd on a loopback port)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.integration.conftest import StartServer
from tests.integration.test_serve_workers import ORDINARY, drop, stop_cleanly
from tests.smtp_server import SmtpServer, free_port

# Sent now: the acknowledgement's promised day is still ahead.
TODAY = format_datetime(datetime.now(UTC)).encode()
RECENT = ORDINARY.replace(b"Wed, 14 Oct 2026 09:00:00 +0100", TODAY)


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_serve_acknowledges_a_dropped_email_once(
    serve: StartServer, tmp_path: Path, smtp_server: SmtpServer
) -> None:
    assert RECENT != ORDINARY
    drop(tmp_path / "var" / "inbox", "ordinary.eml", RECENT)
    server = serve(
        TRIGGER_SMTP_HOST="127.0.0.1",
        TRIGGER_SMTP_PORT=str(smtp_server.port),
        TRIGGER_SMTP_STARTTLS="false",
        TRIGGER_SMTP_FROM="Community Safety <communitysafety@example.org>",
    )
    server.wait_for("trigger serve ready")
    server.wait_for("inbound 1 drafted as application 1")
    server.wait_for("inbound 1 acknowledged (application 1)")
    time.sleep(1.5)  # a few more rounds of the worker: nothing is sent again
    log = stop_cleanly(server)
    assert "email replies: acknowledgements sent through 127.0.0.1" in log
    assert "SMTP not configured" not in log
    assert "ann.lee@example.net" not in log  # no addresses in the log
    [(recipients, message)] = smtp_server.capture.messages
    assert recipients == ["ann.lee@example.net"]
    assert message["In-Reply-To"] == "<ordinary@example.net>"
    assert message["Auto-Submitted"] == "auto-replied"
