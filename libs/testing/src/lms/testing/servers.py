"""Real HTTP servers in threads, and upstreams that hang, refuse or drop connections."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask
from werkzeug.serving import make_server


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Serve `app` on a free loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


def free_port() -> int:
    """A port nothing listens on (a stopped upstream)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def hanging() -> Iterator[str]:
    """An upstream that accepts connections (the kernel does) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@dataclass
class Dropper:
    """An upstream that reads each request and closes the connection without answering."""

    url: str
    connections: int = 0


@contextlib.contextmanager
def dropping() -> Iterator[Dropper]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        sock.settimeout(0.2)
        dropper = Dropper(f"http://127.0.0.1:{sock.getsockname()[1]}")
        stop = threading.Event()

        def drop_all() -> None:
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    conn, _ = sock.accept()
                    dropper.connections += 1
                    with conn:
                        conn.recv(65536)

        thread = threading.Thread(target=drop_all, daemon=True)
        thread.start()
        yield dropper
        stop.set()
        thread.join(2)
