"""A real Dovecot IMAP server for the adapter tests, started once per session.

The server runs from the Debian binaries (``dovecot-imapd``, installed by .ci/run) with a
throw-away config, maildir and password file under a temp dir, plain IMAP on a free loopback
port. Each test gets a mailbox user of its own (:meth:`Dovecot.new_user`), so tests never see
one another's mail. When dovecot is missing the tests that need it are skipped with the reason,
except under CI=true, where they fail (as for PostgreSQL in tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import _free_port, _under_ci

DOVECOT = os.environ.get("DOVECOT_BIN", "/usr/sbin/dovecot")
DOVECOT_MISSING = f"{DOVECOT} not found: apt-get install dovecot-imapd"
PASSWORD = "secret"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
shutdown_clients = yes
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal_user}
default_login_user = {login_user}
mail_location = maildir:{root}/mail/%u/Maildir
# IDLE learns of new mail by inotify; where inotify runs out (many servers on one machine) it
# falls back to this poll, 30 s by default: longer than the tests wait.
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


@dataclass
class Dovecot:
    """A running throw-away Dovecot: plain IMAP on ``host``:``port``."""

    root: Path
    port: int
    host: str = "127.0.0.1"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def config(self) -> Path:
        return self.root / "dovecot.conf"

    def new_user(self) -> str:
        """A fresh mailbox user (password :data:`PASSWORD`) with an empty INBOX."""
        user = f"intake-{uuid.uuid4().hex[:10]}@example.org"
        with (self.root / "passwd").open("a") as passwd:
            passwd.write(f"{user}:{{PLAIN}}{PASSWORD}\n")
        return user

    def start(self, timeout: float = 20.0) -> None:
        """Start ``dovecot -F`` and wait until it accepts connections."""
        log = (self.root / "stdout.log").open("ab")
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited ({self.process.returncode}):\n{self.logs()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not accept connections in {timeout} s:\n{self.logs()}")

    def stop(self) -> None:
        """Stop the server (its own PID) and wait until the port is free."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        children = _descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        for pid in children:  # a mailbox process left behind keeps its client connected
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # its children close the listener shortly after
            try:
                socket.create_connection((self.host, self.port), timeout=0.5).close()
            except OSError:
                return
            time.sleep(0.05)

    def restart(self) -> None:
        """Stop and start again on the same port (the mail stays)."""
        self.stop()
        self.start()

    def set_uidvalidity(self, user: str, folder: str, value: int) -> None:
        """Give ``folder`` of ``user`` a new UIDVALIDITY, as a rebuilt server index would
        (``doveadm mailbox update --uid-validity``)."""
        doveadm = shutil.which("doveadm") or "/usr/bin/doveadm"
        subprocess.run(
            [doveadm, "-c", str(self.config), "mailbox", "update", "-u", user,
             "--uid-validity", str(value), folder],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip

    def logs(self) -> str:
        parts = []
        for name in ("stdout.log", "dovecot.log"):
            path = self.root / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(parts)


def _descendants(root: int) -> list[int]:
    """The PIDs of the processes descended from ``root`` (read from /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: list[int] = []
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found.extend(children)
        frontier.extend(children)
    return found


@contextmanager
def running_dovecot() -> Iterator[Dovecot]:
    """A throw-away Dovecot on a free loopback port, stopped and removed on leaving (for the
    session fixture and for ``make bench``)."""
    root = Path(tempfile.mkdtemp(prefix="trigger-dovecot-"))
    root.chmod(0o755)
    mail = root / "mail"
    mail.mkdir()
    (root / "passwd").write_text("")
    if os.geteuid() == 0:
        # Mail may not be owned by root: the mailbox processes run as nobody.
        internal_user, login_user = "dovecot", "dovenull"
        mail_uid, mail_gid = "nobody", "nogroup"
        shutil.chown(mail, "nobody", "nogroup")
    else:  # an unprivileged Dovecot runs everything as the current user
        import pwd

        me = pwd.getpwuid(os.geteuid()).pw_name
        internal_user = login_user = me
        mail_uid, mail_gid = str(os.geteuid()), str(os.getegid())
    server: Dovecot | None = None
    try:
        for attempt in range(3):  # the free port may be taken before the server binds it
            port = _free_port()
            (root / "dovecot.conf").write_text(
                CONFIG.format(
                    root=root,
                    port=port,
                    internal_user=internal_user,
                    login_user=login_user,
                    mail_uid=mail_uid,
                    mail_gid=mail_gid,
                )
            )
            server = Dovecot(root=root, port=port)
            try:
                server.start()
            except RuntimeError:
                server.stop()
                if attempt == 2:
                    raise
                continue
            break
        assert server is not None
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """A Dovecot server for the session; users come from :meth:`Dovecot.new_user`."""
    if not Path(DOVECOT).exists():
        if _under_ci():
            pytest.fail(f"{DOVECOT_MISSING} (CI=true: IMAP tests must run)")
        pytest.skip(DOVECOT_MISSING)
    with running_dovecot() as server:
        yield server
