"""A real Radicale CalDAV server for the tests of ``klplan publish``: started with
``python -m radicale`` on a free localhost port, with its own storage folder and a
plain htpasswd file, and stopped afterwards."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD = "s3cret-Lösen-9f"  # unusual enough that finding it in output is meaningful
# One account per test (each its own calendar home), all with PASSWORD.
USERS = [f"larare{i}" for i in range(40)]


@dataclass
class Radicale:
    url: str  # the server's root
    port: int
    storage: Path

    taken: int = 0

    def account(self) -> str:
        """A user no test has used yet."""
        self.taken += 1
        return USERS[self.taken - 1]

    def home(self, user: str) -> str:
        return f"{self.url}{user}/"

    def client(self, user: str):  # a plain caldav client, to look at and plant things
        import caldav

        return caldav.DAVClient(url=self.url, username=user, password=PASSWORD)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    root = tmp_path_factory.mktemp("radicale")
    (root / "users").write_text("".join(f"{u}:{PASSWORD}\n" for u in USERS), encoding="utf-8")
    port = free_port()
    config = root / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {root / 'users'}\n"
        "htpasswd_encryption = plain\ndelay = 0\n"
        f"[storage]\nfilesystem_folder = {root / 'collections'}\n"
        "[rights]\ntype = owner_only\n"
        "[logging]\nlevel = error\n",
        encoding="utf-8",
    )
    log = (root / "radicale.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = (root / "radicale.log").read_text(errors="replace")
                    raise RuntimeError(f"radicale did not start: {output[-2000:]}") from None
                time.sleep(0.05)
        yield Radicale(f"http://127.0.0.1:{port}/", port, root / "collections")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
