"""Shared by the benchmarks: start servers, drive load with wrk, print a table."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def ensure_wrk() -> str:
    """wrk from Debian when absent (the load generator: C, so it leaves the CPU to the servers)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, capture_output=True)
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("wrk not found: install it (Debian: apt-get install wrk)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout_s: float = 30) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer")


@contextmanager
def server(args: list[str], env: dict[str, str], health_url: str, log: Path):
    """A server process for the duration of the block."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [PYTHON, *args], env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        wait_http(health_url)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


def wrk(url: str, headers: dict[str, str], seconds: int = 6, connections: int = 16) -> float:
    """Requests per second wrk measured (one thread: the servers get the cores)."""
    command = [ensure_wrk(), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)
