"""The intake figure of `make bench`: mail appended to a real Dovecot, read by `trigger serve`
over IMAP and drafted, end to end, on this machine.

``N`` messages (default 1,000, each from its own sender so that each becomes an application)
are appended to a throw-away Dovecot (tests/adapters/conftest.py) before `trigger serve` starts
on a fresh SQLite file; the clock runs from the start of the process until every message is a
draft. Prints messages/s (target >= 20 on one process) and the peak RSS of the server and of
its drafting worker process (VmHWM). Usage: ``python -m tests.bench_intake [--messages N]``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

TARGET_MESSAGES_PER_S = 20.0
ACCOUNT = (
    "On 2 October the lads next door smashed my window and I rang 101 straight away.\r\n"
    "On 5 October they kicked my door and I reported it to the council the next day.\r\n"
)


def _message(n: int) -> bytes:
    return (
        f"From: Resident {n} <resident{n}@example.net>\r\nTo: communitysafety@example.org\r\n"
        f"Date: Wed, 14 Oct 2026 09:00:00 +0100\r\nMessage-ID: <bench-{n}@example.net>\r\n"
        f"Subject: Community Trigger {n}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + ACCOUNT
    ).encode()


def _drafted(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database) as connection:
            row = connection.execute(
                "SELECT count(*) FROM inbound_messages WHERE state != 'received'"
            ).fetchone()
    except sqlite3.OperationalError:  # not migrated yet, or locked for a moment
        return 0
    return int(row[0])


def _peak_rss_mb(pid: int) -> float:
    """VmHWM of ``pid`` and its children (the drafting worker), in MB."""
    peak = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return peak


def measure(messages: int) -> tuple[float, float]:
    """Append ``messages``, serve them into drafts; return (messages/s, peak RSS MB)."""
    from imapclient import IMAPClient

    from tests.adapters.conftest import PASSWORD, running_dovecot
    from tests.integration.conftest import start_serve

    with running_dovecot() as dovecot, tempfile.TemporaryDirectory() as work:
        user = dovecot.new_user()
        client = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=30)
        client.login(user, PASSWORD)
        for n in range(messages):
            client.append("INBOX", _message(n))
        client.logout()
        database = Path(work) / "var" / "trigger.sqlite3"
        started = time.monotonic()
        server = start_serve(
            Path(work),
            TRIGGER_VAR_DIR=str(Path(work) / "var"),
            TRIGGER_IMAP_HOST=dovecot.host,
            TRIGGER_IMAP_PORT=str(dovecot.port),
            TRIGGER_IMAP_SSL="false",
            TRIGGER_IMAP_USER=user,
            TRIGGER_IMAP_PASSWORD=PASSWORD,
        )
        try:
            peak = 0.0
            while _drafted(database) < messages:
                if server.process.poll() is not None:
                    sys.exit("bench: trigger serve ended early")
                peak = max(peak, _peak_rss_mb(server.process.pid))
                time.sleep(0.2)
            elapsed = time.monotonic() - started
            peak = max(peak, _peak_rss_mb(server.process.pid))
        finally:
            server.process.terminate()
            server.finish(timeout=60)
        return messages / elapsed, peak


def main(argv: list[str] | None = None) -> int:
    """Print the intake figure; exit 1 when under the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    args = parser.parse_args(argv)
    rate, peak = measure(args.messages)
    ok = rate >= TARGET_MESSAGES_PER_S
    print(f"intake over IMAP: {args.messages} messages appended to Dovecot -> drafts")
    print(f"  {rate:.1f} messages/s end to end (target >= {TARGET_MESSAGES_PER_S:g})"
          f"{'' if ok else '  MISSED'}")  # fmt: skip
    print(f"  peak RSS {peak:.0f} MB (server and its drafting worker, the larger)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
