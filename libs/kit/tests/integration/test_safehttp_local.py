"""The SSRF-safe client against real sockets on loopback (allowed because these run as dev)."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from lms.kit.safehttp import Reason, SafeClient, SafeHttpError

CAP = 64 * 1024


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[tuple[str, str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.hits.append((self.path, self.headers["host"]))
        if self.path == "/big":
            self._reply(200, b"x" * (CAP + 1))
        elif self.path == "/chunked":
            self._chunked(b"y" * 4096, CAP // 4096 + 2)
        elif self.path == "/gone":
            self._reply(410, b"gone")
        else:
            self._reply(200, b"fine")

    def _reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _chunked(self, piece: bytes, count: int) -> None:
        self.send_response(200)
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for _ in range(count):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hanging up on an oversized reply is what some tests cause


def serve(wrap: ssl.SSLContext | None = None) -> Iterator[int]:
    Receiver.hits = []
    server = QuietServer(("127.0.0.1", 0), Receiver)
    if wrap is not None:
        server.socket = wrap.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def receiver() -> Iterator[int]:
    yield from serve()


@pytest.fixture
def tls_receiver(tmp_path) -> Iterator[tuple[int, ssl.SSLContext, list[str]]]:
    """An HTTPS receiver whose self-signed certificate names only `hooks.example`."""
    cert, key = self_signed("hooks.example", tmp_path)
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    names: list[str] = []
    server_side.sni_callback = lambda sock, name, ctx: names.append(name)
    for port in serve(server_side):
        yield port, ssl.create_default_context(cafile=str(cert)), names


def self_signed(name: str, directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def dev_client(*answers: str, **options: object) -> SafeClient:
    return SafeClient.for_env("dev", resolver=lambda host, port: list(answers), **options)


def test_dev_delivers_to_loopback_with_the_original_host_header(receiver):
    reply = dev_client("127.0.0.1").post(f"http://hooks.example:{receiver}/ok", b"{}")
    assert (reply.status, reply.body, reply.reason) == (200, b"fine", None)
    assert Receiver.hits == [("/ok", f"hooks.example:{receiver}")]


def test_the_first_checked_answer_is_dialled_even_if_dns_changes_later(receiver):
    answers = iter([["127.0.0.1"], ["192.0.2.1"]])
    client = SafeClient.for_env("dev", resolver=lambda host, port: next(answers))
    assert client.post(f"http://rebind.example:{receiver}/ok", b"{}").status == 200
    assert len(Receiver.hits) == 1


def test_production_never_reaches_loopback(receiver):
    with pytest.raises(SafeHttpError) as refused:
        SafeClient().post(f"http://127.0.0.1:{receiver}/ok", b"{}")
    assert refused.value.reason is Reason.ADDRESS_NOT_ALLOWED
    assert Receiver.hits == []


def test_non_2xx_answers_have_an_http_reason(receiver):
    reply = dev_client("127.0.0.1").post(f"http://h.example:{receiver}/gone", b"{}")
    assert (reply.status, reply.reason) == (410, "http_410")


@pytest.mark.parametrize("path", ["/big", "/chunked"])
def test_replies_over_the_byte_cap_are_refused(receiver, path):
    with pytest.raises(SafeHttpError) as refused:
        dev_client("127.0.0.1", max_bytes=CAP).post(f"http://h.example:{receiver}{path}", b"{}")
    assert refused.value.reason is Reason.TOO_LARGE


def test_a_silent_receiver_is_cut_at_the_deadline():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts in the kernel, never answers
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(SafeHttpError) as refused:
            dev_client("127.0.0.1", timeout_s=1.0).post(f"http://h.example:{port}/", b"{}")
    assert refused.value.reason is Reason.TIMEOUT
    assert time.monotonic() - started < 5


def test_a_closed_port_says_connect_failed_and_nothing_more():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(SafeHttpError) as refused:
        dev_client("127.0.0.1").post(f"http://h.example:{port}/", b"{}")
    assert refused.value.reason is Reason.CONNECT_FAILED
    assert str(refused.value) == "connect_failed"


def test_tls_uses_the_original_name_for_sni_and_the_certificate(tls_receiver):
    port, trusted, names = tls_receiver
    reply = dev_client("127.0.0.1", ssl_context=trusted).post(f"https://hooks.example:{port}/ok", b"{}")
    assert reply.status == 200
    assert names == ["hooks.example"]
    assert Receiver.hits == [("/ok", f"hooks.example:{port}")]


def test_a_certificate_for_another_name_is_refused(tls_receiver):
    port, trusted, _ = tls_receiver
    with pytest.raises(SafeHttpError) as refused:
        dev_client("127.0.0.1", ssl_context=trusted).post(f"https://other.example:{port}/ok", b"{}")
    assert refused.value.reason is Reason.TLS_FAILED
    assert Receiver.hits == []


def test_plain_http_on_an_https_url_is_a_tls_failure(receiver):
    with pytest.raises(SafeHttpError) as refused:
        dev_client("127.0.0.1").post(f"https://hooks.example:{receiver}/ok", b"{}")
    assert refused.value.reason is Reason.TLS_FAILED
