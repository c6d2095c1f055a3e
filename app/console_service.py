"""The officers' console composed: its configuration from the settings, how stored messages
are read (the email intake's own parser, so evidence offsets line up), the uvicorn server run as
one of `trigger serve`'s services, and the demo corpus loaded as sample drafts."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from console.addressing import Address, plain_addressee
from console.config import ConsoleConfig
from console.messages import MessageView, email_attachments
from storage.unit_of_work import SqlUnitOfWork, UnitOfWorkFactory
from trigger.profiles import Profile, load_profiles

if TYPE_CHECKING:
    import uvicorn
    from sqlalchemy import Engine

    from app.serve import Service
    from app.settings import Settings
    from nlp.extract import Extractor
    from trigger.draft import Draft

log = logging.getLogger("trigger.serve")

ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPORA = (ROOT.parent / "shared" / "corpus" / "dev", ROOT / "tests" / "fixtures" / "corpus")
DEMO_CHANNEL = "demo"
#: How often `trigger serve` deletes the sessions past their timeouts and old failed sign-ins.
PURGE_EVERY = timedelta(minutes=10)


def read_message(
    inbound_id: int,
    channel: str,
    received_at: datetime,
    sender: str | None,
    raw: bytes | None,
    text: str | None,
) -> MessageView:
    """A stored message as the console shows it: an email through the intake's parser (the
    text the drafts' evidence spans index), anything else by its stored text."""
    from intake.errors import RejectedMessage
    from intake.mime import parse_email

    if channel == "email" and raw is not None:
        try:
            document = parse_email(raw)
        except RejectedMessage as exc:
            return MessageView(inbound_id, channel, received_at, sender, None, "", problem=str(exc))
        return MessageView(
            inbound_id=inbound_id,
            channel=channel,
            received_at=received_at,
            sender=sender,
            subject=document.subject,
            text=document.text,
            attachments=email_attachments(raw),
        )
    return MessageView(inbound_id, channel, received_at, sender, None, text or "")


def letter_address(
    channel: str, sender: str | None, thread_key: str | None, raw: bytes | None
) -> Address:
    """Where a case's letters go, read from its first message: for an email, the email
    intake's own reading (Reply-To wins, as for the acknowledgement); else as the console's
    :func:`~console.addressing.plain_addressee` reads it (the chat, or post)."""
    from intake.replies import reply_address
    from storage.tables import LetterChannel

    if channel == "email" and raw is not None:
        address = reply_address(raw)
        if "@" in address:
            return Address(LetterChannel.EMAIL, address)
    return plain_addressee(channel, sender, thread_key, raw)


class Drafter:
    """Assisted intake's pipeline: the same extraction and threshold engine as email, the
    language pipeline built on first use (not when the console starts)."""

    def __init__(self) -> None:
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def __call__(self, text: str, received: datetime, profile: Profile) -> tuple[str, Draft]:
        from app.extraction import draft_application
        from intake.errors import RejectedMessage
        from intake.transcript import parse_text
        from nlp.extract import Extractor

        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor()
            try:
                document = parse_text(text, received)
            except RejectedMessage as exc:
                raise ValueError(str(exc)) from None
            return document.text, draft_application(self._extractor, document, profile)


def console_config(settings: Settings, engine: Engine) -> ConsoleConfig:
    """The console's configuration for this system."""
    return ConsoleConfig(
        drafter=Drafter(),
        unit_of_work=functools.partial(SqlUnitOfWork, engine),
        profiles=load_profiles(),
        reader=read_message,
        addressee=letter_address,
        idle_timeout=timedelta(minutes=settings.console_idle_minutes),
        absolute_timeout=timedelta(hours=settings.console_session_hours),
    )


def purge_expired(settings: Settings, engine: Engine) -> tuple[int, int]:
    """Delete the console sessions past their idle or absolute timeout and the failed sign-ins
    the throttle no longer counts; return how many of each."""
    from console.auth import purge_expired as purge

    config = console_config(settings, engine)
    with config.unit_of_work() as uow:
        return purge(uow, config, config.clock())


async def purge_periodically(settings: Settings, engine: Engine, stop: asyncio.Event) -> None:
    """Purge expired sessions at start and every :data:`PURGE_EVERY` until ``stop``; a failed
    round is logged and the next one tried (the console itself ends stale sessions on use)."""
    from sqlalchemy.exc import SQLAlchemyError

    while not stop.is_set():
        try:
            sessions, _ = await asyncio.to_thread(purge_expired, settings, engine)
        except SQLAlchemyError as exc:
            log.warning("console: purging expired sessions failed: %s", type(exc).__name__)
        else:
            if sessions:
                log.info("console: purged %d expired session(s)", sessions)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), PURGE_EVERY.total_seconds())


def _server(settings: Settings, engine: Engine) -> uvicorn.Server:
    import uvicorn

    from console.app import create_app

    class Server(uvicorn.Server):
        """uvicorn, leaving SIGINT and SIGTERM to `trigger serve` (which stops every part)."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    config = uvicorn.Config(
        create_app(console_config(settings, engine)),
        host=settings.console_host,
        port=settings.console_port,
        lifespan="off",
        proxy_headers=True,
        server_header=False,
        log_config=None,
        access_log=False,
    )
    return Server(config)


def console_service(settings: Settings, engine: Engine) -> Service:
    """The console as a service of `trigger serve`; logs where it listens and how to sign in."""
    from app.serve import Service

    server = _server(settings, engine)

    async def run(stop: asyncio.Event) -> None:
        serving = asyncio.create_task(server.serve(), name="console server")
        waiting = asyncio.create_task(stop.wait())
        purging = asyncio.create_task(purge_periodically(settings, engine, stop))
        try:
            await asyncio.wait({serving, waiting}, return_when=asyncio.FIRST_COMPLETED)
            if serving.done():
                try:
                    serving.result()
                except SystemExit:  # uvicorn exits when it cannot bind
                    raise RuntimeError(
                        f"the console could not listen on "
                        f"{settings.console_host}:{settings.console_port}"
                    ) from None
                if not server.started:
                    raise RuntimeError("the console did not start")
                return
            server.should_exit = True
            with contextlib.suppress(SystemExit):
                await serving
        finally:
            for task in (waiting, purging):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    with SqlUnitOfWork(engine) as uow:
        accounts = uow.accounts.count()
    log.info(
        "console: http://%s:%d/ (the port given, or the one the log names next if 0)",
        settings.console_host,
        settings.console_port,
    )
    if accounts == 0:
        log.info(
            "console: no accounts yet: run `trigger users first-admin NAME` for the first admin "
            "(it prints a one-time password), then sign in at /sign-in"
        )
    else:
        log.info("console: %d account(s); sign in at /sign-in", accounts)
    return Service("console", run)


def demo_corpus() -> Path | None:
    """Where the demo drafts come from: ../shared/corpus/dev, else tests/fixtures/corpus."""
    return next((path for path in DEMO_CORPORA if path.is_dir()), None)


def load_demo(unit_of_work: UnitOfWorkFactory, profile: Profile, corpus: Path) -> int:
    """Draft every .eml and .chat.json of ``corpus`` and store it as a ready application
    (once: a file already loaded is skipped). Returns how many were added."""
    from app.extraction import draft_application
    from intake.errors import RejectedMessage
    from intake.load import load_document
    from nlp.extract import Extractor
    from storage.tables import ApplicationStatus, InboundState
    from trigger.inbound import InboundMessage

    extractor = Extractor()
    added = 0
    files = sorted(corpus.glob("*.eml")) + sorted(corpus.glob("*.chat.json"))
    for path in files:
        external_id = f"demo:{path.name}"
        email = path.name.endswith(".eml")
        channel = "email" if email else DEMO_CHANNEL
        with unit_of_work() as uow:
            if uow.inbound.find(channel, external_id) is not None:
                continue
        try:
            document = load_document(path)
            draft = draft_application(extractor, document, profile, source=path.name)
        except RejectedMessage:
            continue
        raw = path.read_bytes()
        message = InboundMessage(
            channel=channel,
            external_id=external_id,
            received_at=document.received_at,
            raw=raw,
            text=None if email else document.text,
            sender=document.sender.email if document.sender else None,
            thread_keys=(external_id,),
        )
        with unit_of_work() as uow:
            inbound_id, _ = uow.inbound.save(message)
            uow.applications.save_draft(
                draft,
                policy=profile.id,
                inbound_ids=[inbound_id],
                status=ApplicationStatus.READY,
            )
            uow.inbound.set_state(inbound_id, InboundState.PROCESSED)
        added += 1
    return added
