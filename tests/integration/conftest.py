"""`trigger serve` as a user runs it, for the integration tests: a real process in a temporary
working directory, its log read line by line as it comes, real signals."""

from __future__ import annotations

import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.checkout import cli, cli_env


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


StartServer = Callable[..., Server]


def start_serve(cwd: Path, **variables: str) -> Server:
    """Start `trigger serve` (this checkout's code) in ``cwd`` with only the given ``TRIGGER_*``
    variables; its log is read in a thread as it comes."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRIGGER_")}
    env["TRIGGER_CONSOLE_PORT"] = "0"  # the console on a free port: tests run side by side
    env.update(variables)
    process = subprocess.Popen(
        cli("serve"),
        cwd=cwd,
        env=cli_env(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(process)
    server.reader = threading.Thread(target=server.read, daemon=True)
    server.reader.start()
    return server


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[StartServer]:
    """Start `trigger serve` in ``tmp_path`` with the given ``TRIGGER_*`` variables (none: the
    defaults, an SQLite file under ``tmp_path/var``); every server is ended after the test."""
    started: list[Server] = []

    def start(**variables: str) -> Server:
        server = start_serve(tmp_path, **variables)
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
