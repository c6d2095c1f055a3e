"""The running system: the services `trigger serve` runs in one process, until asked to stop.

Each part is a :class:`Service` run as an asyncio task by :func:`run_services`; adding the
console, the IMAP worker or the Telegram bot means adding a service to :func:`build_services`.
Parts that are not configured or not built yet are named at INFO, so an operator sees what runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import signal
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.settings import Settings
    from intake.drop_folder import StoreInbound
    from intake.smtp import SmtpSender
    from storage.unit_of_work import UnitOfWorkFactory
    from trigger.profiles import Profile

log = logging.getLogger("trigger.serve")


READY = "trigger serve ready"  # the log line tests and supervisors wait for


@dataclass(frozen=True)
class Service:
    """One long-running part of the system: ``run(stop)`` returns once ``stop`` is set."""

    name: str
    run: Callable[[asyncio.Event], Coroutine[Any, Any, None]]


async def pause(stop: asyncio.Event, seconds: float) -> bool:
    """Wait ``seconds`` or until ``stop`` is set, whichever comes first; True when it is set.

    What every service waits with between rounds, so that a stop request ends the wait at once.
    """
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    return stop.is_set()


def build_services(settings: Settings, engine: Engine) -> list[Service]:
    """The services this configuration runs; logs each part that is not running and why."""
    from app.inbound import inbound_store
    from intake.drop_folder import DropFolder
    from storage.unit_of_work import SqlUnitOfWork

    unit_of_work = functools.partial(SqlUnitOfWork, engine)

    services: list[Service] = []
    from app.console_service import console_service

    services.append(console_service(settings, engine))
    if settings.imap_configured:
        services.append(_imap_service(settings, inbound_store(unit_of_work), unit_of_work))
    else:
        log.info(
            "email: IMAP not configured (TRIGGER_IMAP_HOST, _USER, _PASSWORD); "
            "using the drop folder %s/ for .eml files",
            settings.inbox,
        )
        drop_folder = DropFolder(
            settings.inbox,
            inbound_store(unit_of_work),
            settle_seconds=settings.drop_settle_seconds,
            max_bytes=settings.drop_max_bytes,
        )
        services.append(Service("drop folder", drop_folder.run))
    from datetime import timedelta

    from app.drafting import DraftingWorker
    from trigger.profiles import get_profile

    profile = get_profile(settings.policy)
    drafting = DraftingWorker(
        unit_of_work,
        profile,
        time_limit=settings.draft_time_limit_seconds,
        max_attempts=settings.draft_max_attempts,
        thread_window=timedelta(days=settings.thread_window_days),
    )
    services.append(Service("drafting", drafting.run))
    log.info(
        "drafting: stored emails become draft applications under the %s policy "
        "(in a worker process, at most %g s and %d attempts a message)",
        profile.id,
        drafting.time_limit,
        drafting.max_attempts,
    )
    if settings.telegram_configured:
        from app.telegram_service import telegram_service

        services.append(telegram_service(settings, unit_of_work, profile))
        log.info("Telegram: the bot answers chats under the %s policy", profile.id)
    else:
        log.info("Telegram: no token (TRIGGER_TELEGRAM_TOKEN), bot not running")
    if settings.smtp_configured:
        services.append(Service("email replies", _acknowledging(settings, unit_of_work, profile)))
    else:
        log.info("email replies: SMTP not configured (TRIGGER_SMTP_HOST, TRIGGER_SMTP_FROM)")
    from app.delivering import delivery_services  # letters officers send: email, chat

    services.extend(delivery_services(settings, unit_of_work))
    return services


def smtp_sender(settings: Settings) -> SmtpSender:
    """The mail server of the ``TRIGGER_SMTP_*`` settings (``smtp_configured`` must hold): the
    acknowledgements and the letters officers send go through it."""
    from intake.smtp import SmtpSender

    assert settings.smtp_host is not None
    password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
    return SmtpSender(
        settings.smtp_host,
        settings.smtp_port,
        starttls=settings.smtp_starttls,
        user=settings.smtp_user,
        password=password,
        timeout=settings.smtp_timeout_seconds,
    )


def _acknowledging(
    settings: Settings, unit_of_work: UnitOfWorkFactory, profile: Profile
) -> Callable[[asyncio.Event], Coroutine[Any, Any, None]]:
    """The acknowledgement sender's ``run``: each drafted email's sender answered once."""
    from email.utils import parseaddr

    from app.acknowledging import AcknowledgingWorker

    assert settings.smtp_from is not None
    sender = smtp_sender(settings)
    ours = {parseaddr(settings.smtp_from)[1]}
    for login in (settings.smtp_user, settings.imap_user):
        if login and "@" in login:
            ours.add(login)
    worker = AcknowledgingWorker(
        unit_of_work, profile, sender, settings.smtp_from, sorted(ours - {""})
    )
    log.info(
        "email replies: acknowledgements sent through %s:%d (STARTTLS %s)",
        settings.smtp_host,
        settings.smtp_port,
        "on" if settings.smtp_starttls else "off",
    )
    return worker.run


def _imap_service(
    settings: Settings, store: StoreInbound, unit_of_work: UnitOfWorkFactory
) -> Service:
    """The IMAP intake (instead of the drop folder) over the configured mailbox."""
    from app.inbound import SqlFolderLedger, inbound_refuser, mailbox_name
    from intake.imap import ImapAccount, ImapWorker

    assert settings.imap_host and settings.imap_user and settings.imap_password
    account = ImapAccount(
        host=settings.imap_host,
        user=settings.imap_user,
        password=settings.imap_password.get_secret_value(),
        port=settings.imap_port,
        ssl=settings.imap_ssl,
        folder=settings.imap_folder,
        processed_folder=settings.imap_processed_folder,
        quarantine_folder=settings.imap_quarantine_folder,
        starttls=settings.imap_starttls,
    )
    ledger = SqlFolderLedger(unit_of_work, mailbox_name(account.user, account.host, account.port))
    log.info(
        "email: IMAP %s:%d (%s) folder %s; stored mail %s, refused mail to %s",
        account.host,
        account.port,
        "TLS" if account.ssl else ("STARTTLS" if account.starttls else "plain"),
        account.folder,
        "flagged $TriggerStored"
        if settings.imap_processed_action == "flag"
        else f"moves to {account.processed_folder}",
        account.quarantine_folder,
    )
    worker = ImapWorker(
        account,
        store,
        ledger=ledger,
        processed_action=settings.imap_processed_action,
        refuse=inbound_refuser(unit_of_work),
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    return Service("imap", worker.run)


#: The cyclic collector's thresholds once the long-lived objects are frozen: the youngest
#: generation is collected every 10,000 allocations instead of 700.
COLLECTOR_THRESHOLDS = (10_000, 50, 50)


def settle_heap() -> None:
    """Once a long-running process has loaded what it keeps (libraries, policies, templates),
    move those objects out of the cyclic collector's sight (``gc.freeze``) and collect less
    often. Without it, a full collection walking them paused a console page for 100-150 ms
    every dozen requests (``tests/bench_console.py``: queue p95 155 ms, p50 24 ms). Called by
    ``trigger serve`` and the console benchmark, never by library code."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


async def run_services(
    settings: Settings,
    *,
    engine: Engine | None = None,
    services: list[Service] | None = None,
    stop: asyncio.Event | None = None,
) -> int:
    """Run ``services`` (default: :func:`build_services`) until ``stop`` is set or a signal.

    Without an ``engine``, connects to ``settings.database_url`` and upgrades the schema
    first. SIGINT and SIGTERM set ``stop``. A service that fails stops the others. Returns the
    exit status: 0 after a requested stop, 1 when a service failed.
    """
    if engine is None:
        from storage.database import connect
        from storage.migrate import upgrade

        own_engine = connect(settings.database_url)
        try:
            await asyncio.to_thread(upgrade, own_engine)
            return await run_services(settings, engine=own_engine, services=services, stop=stop)
        finally:
            own_engine.dispose()
    stop = stop or asyncio.Event()
    if services is None:
        services = build_services(settings, engine)
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass
    tasks: dict[asyncio.Task[None], Service] = {
        asyncio.create_task(service.run(stop), name=service.name): service for service in services
    }
    waiter = asyncio.create_task(stop.wait(), name="stop")
    failed = False
    try:
        log.info(
            "%s: %d service(s) running (%s); Ctrl-C to stop",
            READY,
            len(services),
            ", ".join(service.name for service in services) or "none",
        )
        pending: set[asyncio.Task[Any]] = {waiter, *tasks}
        while not stop.is_set():
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task is waiter:
                    continue
                error = task.exception()
                if error is not None:
                    log.error("%s failed", tasks[task].name, exc_info=error)
                    failed = True
                elif not stop.is_set():
                    log.warning("%s ended before it was asked to", tasks[task].name)
                stop.set()
        log.info("stopping")
        # Give services a moment to finish what they hold, then cancel.
        still = [task for task in tasks if not task.done()]
        if still:
            _, late = await asyncio.wait(still, timeout=10)
            for task in late:
                task.cancel()
            for task in late:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
    finally:
        waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiter
        for signum in handled:
            loop.remove_signal_handler(signum)
    log.info("stopped")
    return 1 if failed else 0
