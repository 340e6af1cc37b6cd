"""Run the suite's loops in threads or real processes for the duration of a test."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def running(target: Callable[[threading.Event], None]) -> Iterator[threading.Event]:
    """Run `target(stop)` in a thread for the duration of the block, then stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=target, args=(stop,), daemon=True)
    thread.start()
    try:
        yield stop
    finally:
        stop.set()
        thread.join(timeout=30)
        assert not thread.is_alive(), "the loop did not stop within 30 s of being asked"


class Process:
    """A real OS process (`python -m module args...`) that a test can SIGKILL and restart."""

    def __init__(self, module: str, args: Sequence[str], log: Path, env: Mapping[str, str] | None = None):
        self.command = [sys.executable, "-m", module, *args]
        self.log = log
        self.env = dict(env) if env is not None else None
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> Process:
        with self.log.open("ab") as out:
            # a group of its own: killing "the process" takes its children (gunicorn workers) too,
            # as a container kill does
            self.popen = subprocess.Popen(
                self.command, stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True
            )
        return self

    def kill(self) -> None:
        """SIGKILL to the process and its children: no clean-up, no flush, no last commit."""
        assert self.popen is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def terminate(self) -> int:
        assert self.popen is not None
        self.popen.send_signal(signal.SIGTERM)
        return self.popen.wait(timeout=30)

    def __enter__(self) -> Process:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.kill()
