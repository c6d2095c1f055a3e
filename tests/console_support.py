"""Building the console over a real database for tests: accounts, a seeded case, signing in."""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.exceptions import StarletteDeprecationWarning

from app.console_service import Drafter, letter_address, read_message
from console.app import create_app
from console.config import ConsoleConfig
from console.passwords import hash_password
from console.security import SignInThrottle
from storage.tables import AccountRole, ApplicationStatus, ConsoleAccount, InboundState
from storage.unit_of_work import SqlUnitOfWork
from trigger.draft import DateRange, Draft, Incident, RejectedDate, Span
from trigger.inbound import InboundMessage
from trigger.profiles import get_profile, load_profiles
from trigger.threshold import threshold_result
from trigger.vocabulary import Agency, Channel, RiskFlag

with warnings.catch_warnings():
    # Starlette 1.x asks for its httpx2 fork; the installed httpx works the same for these tests.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

PASSWORD = "correct horse battery staple"
DRAFTER = Drafter()  # one language pipeline for every test console
RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

BODY = (
    "Dear team,\n"
    "On 1 October 2026 the people next door played music all night; I rang the police that day.\n"
    "On 20 October 2026 they shouted abuse at my children; I rang the police that day.\n"
    "On 5 January 2025 they broke my fence; I rang the police that day.\n"
    "The court hearing is on 2 November 2026.\n"
    "Please help.\n"
)


@dataclass
class Clock:
    """A clock the test moves."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def email_bytes(
    body: str = BODY,
    subject: str = "Antisocial behaviour next door",
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = "Pat Victim <pat@example.org>"
    message["To"] = "asb@council.example"
    message["Subject"] = subject
    message["Date"] = "Fri, 20 Nov 2026 10:00:00 +0000"
    message["Message-ID"] = "<case-1@example.org>"
    message.set_content(body)
    if attachment is not None:
        message.add_attachment(
            attachment[1], maintype="text", subtype="html", filename=attachment[0]
        )
    return bytes(message)


def console(engine: Engine, clock: Clock | None = None, limit: int = 5) -> FastAPI:
    """The console over ``engine``, with the real message reader and policy profiles."""
    return create_app(
        ConsoleConfig(
            unit_of_work=functools.partial(SqlUnitOfWork, engine),
            profiles=load_profiles(),
            reader=read_message,
            addressee=letter_address,
            throttle=SignInThrottle(limit=limit),
            clock=clock or Clock(),
            drafter=DRAFTER,
        )
    )


def add_account(
    engine: Engine,
    name: str,
    role: AccountRole = AccountRole.OFFICER,
    area: str | None = "hartlepool",
    *,
    password: str = PASSWORD,
    one_time: bool = False,
) -> ConsoleAccount:
    with SqlUnitOfWork(engine) as uow:
        return uow.accounts.add(
            name, hash_password(password), role=role, area=area, one_time=one_time
        )


def _incident(text: str, phrase: str, day: date) -> Incident:
    start = text.index(phrase)
    return Incident(
        occurred=DateRange(start=day, end=day),
        reported=True,
        reported_on=day,
        agencies=[Agency.POLICE],
        references=[],
        evidence=[Span(start=start, end=start + len(phrase))],
    )


def seed_case(
    engine: Engine,
    *,
    policy: str = "hartlepool",
    raw: bytes | None = None,
    external_id: str = "<case-1@example.org>",
    risk: bool = False,
) -> int:
    """A ready case from an email: three incidents (the third too old, so not met) and a
    date set aside (the court hearing). Returns its id."""
    raw = raw if raw is not None else email_bytes()
    text = read_message(0, "email", RECEIVED, None, raw, None).text
    incidents = [
        _incident(text, "On 1 October 2026", date(2026, 10, 1)),
        _incident(text, "On 20 October 2026", date(2026, 10, 20)),
        _incident(text, "On 5 January 2025", date(2025, 1, 5)),
    ]
    hearing = text.index("2 November 2026")
    draft = Draft(
        channel=Channel.EMAIL,
        received_at=RECEIVED,
        incidents=incidents,
        risk_flags=[RiskFlag.THREAT_OF_VIOLENCE] if risk else [],
        rejected_dates=[
            RejectedDate(
                phrase="2 November 2026",
                span=Span(start=hearing, end=hearing + len("2 November 2026")),
                occurred=DateRange(start=date(2026, 11, 2), end=date(2026, 11, 2)),
                rule="court_hearing",
                reason="in a sentence about a court hearing",
            )
        ],
    )
    draft.applicant.name = "Pat Victim"
    draft.applicant.email = "pat@example.org"
    draft.threshold = threshold_result(draft, get_profile(policy))
    with SqlUnitOfWork(engine) as uow:
        inbound_id, _ = uow.inbound.save(
            InboundMessage(
                channel="email",
                external_id=external_id,
                received_at=RECEIVED,
                raw=raw,
                sender="pat@example.org",
                thread_keys=(external_id,),
            )
        )
        uow.inbound.set_state(inbound_id, InboundState.PROCESSED)
        return uow.applications.save_draft(
            draft, policy=policy, inbound_ids=[inbound_id], status=ApplicationStatus.READY
        )


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, "no CSRF token in the page"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> object:
    page = client.get("/sign-in")
    return client.post(
        "/sign-in",
        data={"username": name, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
