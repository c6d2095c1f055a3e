"""`make bench` (console part): page render times with 10,000 cases in the database.

Fills a fresh SQLite database with 10,000 ready cases spread over the five areas (each with its
email, incidents, evidence spans and threshold decision), then times the queue (a manager's, all
areas; an officer's, one area; a search), the case page and the deadlines dashboard (a
manager's, every area and one) through the whole ASGI app
(TestClient: routing, session check, queries, audit entry, template), 60 requests each, warm.
Prints p50 and p95; exits 1 when a p95 is over the issue's 150 ms.

Usage: ``python -m tests.bench_console [--cases N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from trigger.draft import Draft

TARGET_P95_MS = 150.0


def _fill(engine: Engine, draft: Draft, raw: bytes, areas: list[str], cases: int) -> None:
    """Bulk-insert ``cases`` - 1 more cases like ``draft`` (applications, their parties and
    email, the link): the rows the console reads, without the audit trail of each save."""
    from sqlalchemy import insert

    from storage.tables import (
        ApplicationMessageLink,
        ApplicationRecord,
        InboundRecord,
        PartyRecord,
        utc_now,
    )
    from trigger.inbound import sha256_hex

    now = utc_now()
    digest = sha256_hex(raw)
    with engine.begin() as connection:
        for first in range(2, cases + 1, 1000):
            numbers = range(first, min(first + 1000, cases + 1))
            documents = []
            for number in numbers:
                copy = draft.model_copy(deep=True)
                copy.applicant.name = f"Applicant {number}"
                copy.applicant.email = f"applicant{number}@example.org"
                documents.append(copy.model_dump(mode="json"))
            connection.execute(
                insert(InboundRecord.__table__),  # type: ignore[attr-defined]
                [
                    {
                        "id": number, "channel": "email", "external_id": f"<b{number}@x>",
                        "received_at": draft.received_at, "stored_at": now, "raw": raw,
                        "raw_sha256": digest, "state": "processed", "state_changed_at": now,
                        "attempts": 1, "thread_keys": [],
                    }
                    for number in numbers
                ],
            )  # fmt: skip
            connection.execute(
                insert(ApplicationRecord.__table__),  # type: ignore[attr-defined]
                [
                    {
                        "id": number, "status": "ready", "policy": areas[number % len(areas)],
                        "channel": "email", "received_at": draft.received_at,
                        "threshold_status": "not_met", "draft": document, "at_risk": False,
                        "created_at": now, "updated_at": now, "version": 1,
                    }
                    for number, document in zip(numbers, documents, strict=True)
                ],
            )  # fmt: skip
            connection.execute(
                insert(ApplicationMessageLink.__table__),  # type: ignore[attr-defined]
                [
                    {"application_id": number, "inbound_id": number, "linked_at": now}
                    for number in numbers
                ],
            )
            connection.execute(
                insert(PartyRecord.__table__),  # type: ignore[attr-defined]
                [
                    {
                        "application_id": number, "role": role, "name": f"Applicant {number}",
                        "email": f"applicant{number}@example.org",
                    }
                    for number in numbers
                    for role in ("applicant", "victim")
                ],
            )  # fmt: skip


def main() -> int:
    """Fill the database, time the pages, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    from app.serve import settle_heap
    from storage.database import connect
    from storage.migrate import upgrade
    from storage.tables import AccountRole
    from storage.unit_of_work import SqlUnitOfWork
    from tests.console_support import (
        TestClient,
        add_account,
        console,
        email_bytes,
        seed_case,
        sign_in,
    )

    with tempfile.TemporaryDirectory() as temp:
        engine = connect(f"sqlite:///{Path(temp) / 'bench.sqlite3'}")
        upgrade(engine)
        areas = ["hartlepool", "durham", "hart", "dartford", "leicestershire"]
        started = time.perf_counter()
        template_id = seed_case(engine)
        with SqlUnitOfWork(engine) as uow:
            template = uow.applications.get(template_id)
        assert template is not None
        _fill(engine, template.draft, email_bytes(), areas, args.cases)
        filled = time.perf_counter() - started
        add_account(engine, "manager", AccountRole.MANAGER, None)
        add_account(engine, "officer", AccountRole.OFFICER, "hartlepool")
        app = console(engine)
        manager, officer = TestClient(app), TestClient(app)
        sign_in(manager, "manager")
        sign_in(officer, "officer")
        settle_heap()  # as trigger serve does once it is up
        middle = args.cases // 2
        pages = {
            "queue, manager, all areas": (manager, "/"),
            "queue, officer, one area": (officer, "/"),
            "queue, search by email": (manager, f"/?q=applicant{middle}@"),
            "case page": (manager, f"/cases/{middle}"),
            "deadlines, manager, all areas": (manager, "/deadlines"),
            "deadlines, manager, one area": (manager, "/deadlines?area=durham"),
        }
        print(
            f"console benchmark: {args.cases} cases (filled in {filled:.0f} s), "
            f"{args.requests} requests a page, SQLite, one process"
        )
        missed = []
        for label, (client, path) in pages.items():
            assert client.get(path).status_code == 200, path  # warm
            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"  {label:<30} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                f"target p95 <= {TARGET_P95_MS:.0f} ms"
            )
            if p95 > TARGET_P95_MS:
                missed.append(label)
        engine.dispose()
    if missed:
        print("missed targets: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
