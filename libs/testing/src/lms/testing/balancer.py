"""A TCP load balancer on loopback for replicated web processes, as a Kubernetes Service is one.

Each new connection goes to the next backend, round robin, skipping one that refuses (a
replica that was killed). Bytes are copied both ways until either side closes; a backend
that dies mid-request closes its client's connection, as a real balancer does.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Balancer:
    """Listens on a free loopback port; `url` is what clients and the gateway are given."""

    def __init__(self, backends: list[int]):
        self.backends = backends
        self._next = itertools.cycle(range(len(backends)))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def serve(self) -> None:
        """Accept until closed; each connection is piped by threads of its own."""
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        for _ in self.backends:
            port = self.backends[next(self._next)]
            try:
                backend = socket.create_connection(("127.0.0.1", port), timeout=5)
            except OSError:
                continue
            backend.settimeout(None)
            threading.Thread(target=_pipe, args=(backend, client), daemon=True).start()
            _pipe(client, backend)
            return
        client.close()  # no replica accepts: the client sees the connection drop

    def close(self) -> None:
        self._stop.set()
        self._listener.close()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copy until either side closes, then close both (the other pipe ends with them)."""
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    for sock in (source, target):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()


@contextmanager
def balancing(backends: list[int]) -> Iterator[Balancer]:
    """A balancer over the loopback `backends` ports for the duration of the block."""
    balancer = Balancer(backends)
    thread = threading.Thread(target=balancer.serve, daemon=True)
    thread.start()
    try:
        yield balancer
    finally:
        balancer.close()
        thread.join(timeout=5)
