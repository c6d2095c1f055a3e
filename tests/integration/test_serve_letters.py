"""`trigger serve` with SMTP configured: a letter an officer sends from the console's case page
reaches the applicant by email, with its PDF, through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.console_support import add_account, csrf_of, seed_case, sign_in
from tests.integration.conftest import StartServer
from tests.integration.test_serve_workers import stop_cleanly
from tests.smtp_server import SmtpServer, free_port


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_serve_emails_the_letter_an_officer_sends_from_the_case_page(
    serve: StartServer, sqlite_url: str, smtp_server: SmtpServer
) -> None:
    from storage.database import connect
    from storage.migrate import upgrade

    engine = connect(sqlite_url)
    upgrade(engine)
    case_id = seed_case(engine)
    add_account(engine, "jo")
    engine.dispose()
    server = serve(
        TRIGGER_DATABASE_URL=sqlite_url,
        TRIGGER_SMTP_HOST="127.0.0.1",
        TRIGGER_SMTP_PORT=str(smtp_server.port),
        TRIGGER_SMTP_STARTTLS="false",
        TRIGGER_SMTP_FROM="Community Safety <communitysafety@example.org>",
        TRIGGER_LETTER_FROM="Jo Officer <jo@council.example>",
    )
    server.wait_for("letters: sent by email")
    line = server.wait_for("Uvicorn running on")
    found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
    assert found is not None, line
    # (generous: the first letter imports WeasyPrint, on a machine shared with other tests)
    with httpx.Client(base_url=f"http://127.0.0.1:{found.group(1)}", timeout=60) as client:
        response = sign_in(client, "jo")  # type: ignore[arg-type]
        assert response.status_code == 303  # type: ignore[attr-defined]
        token = csrf_of(client.get(f"/cases/{case_id}").text)
        sent = client.post(
            f"/cases/{case_id}/correspondence",
            data={"csrf_token": token, "kind": "acknowledgement"},
        )
        assert sent.status_code == 303
    server.wait_for("letter 1 (acknowledgement) sent by email")
    log = stop_cleanly(server)
    assert "pat@example.org" not in log  # no addresses in the log
    letters = [
        (recipients, message)
        for recipients, message in smtp_server.capture.messages
        if any(True for _ in message.iter_attachments())
    ]
    [(recipients, message)] = letters
    assert recipients == ["pat@example.org"]
    assert "jo@council.example" in str(message["From"])
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content().startswith(b"%PDF")
