"""Where the language work runs: a worker process of its own, one message at a time.

spaCy holds the interpreter lock while it tokenizes, so a message that takes long (or an input
nobody thought of) would stop intake and delay shutdown if it ran in the server process. Here
it runs in a child process (started with ``spawn``, so it shares nothing with the server's
threads and database connections) that builds the language pipeline once and then drafts
whatever it is sent. The server waits for each answer at most the time limit: a message over
it has its process killed, and the next message gets a fresh one; a stop request kills the
process at once, whatever it is doing.

:func:`draft_message` is the work itself, also run in process by
:meth:`app.drafting.DraftingWorker.process_once`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from app.extraction import draft_application
from intake.errors import RejectedMessage
from intake.mime import parse_email
from nlp.extract import Extractor
from storage.tables import InboundState
from trigger.draft import Draft
from trigger.profiles import Profile, get_profile

log = logging.getLogger(__name__)

READY = "ready"
# Drafted once when a process starts, so the first real message does not pay for the lazy
# loading of the pipeline's data against its time limit.
WARM_UP = (
    b"From: warm-up@example.org\r\nDate: Wed, 14 Oct 2026 09:00:00 +0100\r\n"
    b"Subject: warm up\r\n\r\nLast Friday they smashed my window and I rang the police.\r\n"
)


@dataclass(frozen=True)
class Outcome:
    """What drafting one message came to: a draft (``processed``), or why not."""

    state: InboundState
    draft: Draft | None = None
    error: str | None = None


def draft_message(extractor: Extractor, profile: Profile, raw: bytes, source: str) -> Outcome:
    """Draft one stored email: ``processed`` with its draft, ``ignored`` with the reason the
    sender's message is not one we can use, or ``failed`` with the error's type (never its
    text, which may quote the message)."""
    try:
        document = parse_email(raw)
        draft = draft_application(extractor, document, profile, source=source)
    except RejectedMessage as exc:
        return Outcome(InboundState.IGNORED, error=str(exc)[:500])
    except Exception as exc:  # kept for a person: never lose what arrived
        log.debug("drafting failure detail", exc_info=True)
        return Outcome(InboundState.FAILED, error=exc.__class__.__name__)
    return Outcome(InboundState.PROCESSED, draft=draft)


def serve_drafts(connection: Connection, policy: str, parent: int) -> None:
    """The child process: build the pipeline, say ready, then draft each ``(id, raw)`` sent
    until the server (process ``parent``) closes its end."""
    # Ctrl-C reaches the whole process group; the server decides when this process ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while we started
    _die_with(parent)
    extractor = Extractor()
    profile = get_profile(policy)
    draft_message(extractor, profile, WARM_UP, "warm-up")
    connection.send(READY)
    while True:
        try:
            inbound_id, raw = connection.recv()
        except (EOFError, OSError):  # the server is gone or done with us
            return
        connection.send(draft_message(extractor, profile, raw, f"inbound:{inbound_id}"))


class Drafter(Protocol):
    """Where :meth:`app.drafting.DraftingWorker.run` has its messages drafted."""

    async def start(self, stop: asyncio.Event) -> bool:
        """Get ready to draft; False when ``stop`` was set first."""
        ...

    async def draft(
        self, inbound_id: int, raw: bytes, *, stop: asyncio.Event, time_limit: float
    ) -> Outcome | None:
        """Draft one message within ``time_limit``; None when ``stop`` was set first."""
        ...

    def close(self) -> None:
        """Stop drafting and free what it holds."""
        ...


@dataclass
class InProcessDrafter:
    """Drafts in this process, with no time limit: for use-case tests of the worker's loop."""

    extractor: Extractor
    profile: Profile

    async def start(self, stop: asyncio.Event) -> bool:
        """Nothing to start."""
        return not stop.is_set()

    async def draft(
        self, inbound_id: int, raw: bytes, *, stop: asyncio.Event, time_limit: float
    ) -> Outcome | None:
        """Draft ``raw`` here and now (``time_limit`` is not enforced)."""
        return draft_message(self.extractor, self.profile, raw, f"inbound:{inbound_id}")

    def close(self) -> None:
        """Nothing to close."""


def _die_with(parent: int) -> None:
    """Be killed when the server dies, even by ``kill -9`` and in the middle of a message (the
    tokenizer holds the interpreter lock, so no thread of ours could notice): Linux only."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread meanwhile: a child started now inherits the mask (and
    ignores SIGINT before it unblocks it); a SIGINT meant for us waits, it is not lost."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class ProcessEnded(Exception):
    """The drafting process ended on its own (it crashed or could not start)."""


class DraftingProcess:
    """A drafting child process, started when first needed and replaced when killed."""

    def __init__(self, policy: str, *, start_limit: float = 300.0) -> None:
        self.policy = policy
        self.start_limit = start_limit
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    @property
    def running(self) -> bool:
        """True while a child process is up and ready."""
        return self._process is not None and self._process.is_alive()

    async def start(self, stop: asyncio.Event) -> bool:
        """Make sure a ready child runs; False when ``stop`` was set first.

        Raises :class:`ProcessEnded` when the child dies before it is ready (a broken
        installation: no retry cures it).
        """
        if self.running:
            return True
        self.close()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve_drafts,
            args=(theirs, self.policy, os.getpid()),
            name="trigger-drafting",
            daemon=True,
        )
        # Started first: starting it unblocks SIGINT, which the child must inherit blocked.
        resource_tracker.ensure_running()
        with _sigint_blocked():  # inherited: Ctrl-C never interrupts the child's start-up
            process.start()
        theirs.close()  # so that its death reads as end-of-file here
        self._process, self._connection = process, ours
        answer = await self._answer(stop, self.start_limit)
        if answer is _STOPPED:
            self.close()
            return False
        if answer is _TIMED_OUT or answer != READY:
            code = self._exit_code()
            self.close()
            raise ProcessEnded(f"the drafting process did not start (exit code {code})")
        log.info("drafting: worker process %s ready", process.pid)
        return True

    async def draft(
        self, inbound_id: int, raw: bytes, *, stop: asyncio.Event, time_limit: float
    ) -> Outcome | None:
        """Draft one message in the child, waiting at most ``time_limit`` seconds.

        Over the limit the child is killed and the message ``failed`` ("took longer than
        60 s"); a child that dies on a message fails it too. None when ``stop`` was set first
        (the child is killed: the caller gives the message back).
        """
        if not await self.start(stop):
            return None
        assert self._connection is not None
        try:
            await asyncio.to_thread(self._connection.send, (inbound_id, raw))
        except OSError:  # the child died between two messages: once more with a new one
            self.close()
            if not await self.start(stop):
                return None
            assert self._connection is not None
            await asyncio.to_thread(self._connection.send, (inbound_id, raw))
        answer = await self._answer(stop, time_limit)
        if answer is _STOPPED:
            self.close()
            return None
        if answer is _TIMED_OUT:
            self.close()
            log.warning(
                "inbound %d: drafting took longer than %g s; its process was killed and is "
                "replaced",
                inbound_id,
                time_limit,
            )
            return Outcome(InboundState.FAILED, error=f"took longer than {time_limit:g} s")
        if isinstance(answer, Outcome):
            return answer
        code = self._exit_code()
        self.close()
        log.error("inbound %d: the drafting process died (exit code %s)", inbound_id, code)
        return Outcome(InboundState.FAILED, error=f"the drafting process died (exit code {code})")

    def close(self) -> None:
        """Kill the child, if any (a stop, a time limit: no need to let it finish)."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(timeout=5)
            with contextlib.suppress(ValueError):
                process.close()
        if connection is not None:
            connection.close()

    async def _answer(self, stop: asyncio.Event, timeout: float) -> object:
        """The child's next message, :data:`_STOPPED`, :data:`_TIMED_OUT`, or :data:`_ENDED`
        when the child closed its end (it died)."""
        assert self._connection is not None
        connection = self._connection
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            if not readable.done():
                readable.set_result(None)

        stopping: asyncio.Future[bool] = asyncio.ensure_future(stop.wait())
        loop.add_reader(connection.fileno(), wake)
        try:
            waiting: set[asyncio.Future[Any]] = {readable, stopping}
            done, _ = await asyncio.wait(
                waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            loop.remove_reader(connection.fileno())
            stopping.cancel()
            readable.cancel()
        if stopping in done or stop.is_set():  # first: a child dying of Ctrl-C is no failure
            return _STOPPED
        if readable in done:
            try:
                return await asyncio.to_thread(connection.recv)
            except (EOFError, OSError):
                return _ENDED
        return _TIMED_OUT

    def _exit_code(self) -> int | None:
        if self._process is None:
            return None
        self._process.join(timeout=5)
        return self._process.exitcode


_STOPPED = object()
_TIMED_OUT = object()
_ENDED = object()
