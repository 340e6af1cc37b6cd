"""The SSRF-safe client refuses what it must before any connection is made."""

from __future__ import annotations

import socket

import httpcore
import pytest

from lms.kit.safehttp import Reason, SafeClient, SafeHttpError

PUBLIC = "93.184.216.34"

REFUSED = [
    "127.0.0.1",  # loopback
    "127.255.0.9",
    "10.1.2.3",  # private
    "172.16.0.1",
    "192.168.1.1",
    "100.64.0.1",  # CGNAT
    "100.127.255.254",
    "169.254.169.254",  # link-local (cloud metadata)
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "0.0.0.0",  # noqa: S104 (unspecified: refused, not bound)
    "192.0.2.10",  # documentation
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.1",
    "::ffff:100.64.0.1",
    "::127.0.0.1",  # IPv4-compatible
    "::8.8.8.8",
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b:1::808:808",  # local-use NAT64
]

ALLOWED = [PUBLIC, "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808"]


def answering(*addresses: str):
    return lambda host, port: list(addresses)


@pytest.mark.parametrize("address", REFUSED)
def test_every_non_global_answer_is_refused(address):
    client = SafeClient(resolver=answering(address))
    assert client.refusal("https://hooks.example/x") is Reason.ADDRESS_NOT_ALLOWED
    literal = f"[{address}]" if ":" in address else address
    assert client.refusal(f"http://{literal}:8080/x") is Reason.ADDRESS_NOT_ALLOWED


@pytest.mark.parametrize("address", ALLOWED)
def test_public_answers_pass(address):
    assert SafeClient(resolver=answering(address)).refusal("https://hooks.example/") is None


def test_one_private_answer_among_public_ones_refuses_the_name():
    client = SafeClient(resolver=answering(PUBLIC, "10.0.0.5"))
    assert client.refusal("https://hooks.example/") is Reason.ADDRESS_NOT_ALLOWED


def test_dev_allows_loopback_but_nothing_else_private():
    dev, prod = SafeClient.for_env("dev"), SafeClient.for_env("prod")
    assert dev.refusal("http://127.0.0.1:9/") is None
    assert dev.refusal("http://[::1]:9/") is None
    assert dev.refusal("http://10.0.0.1/") is Reason.ADDRESS_NOT_ALLOWED
    assert dev.refusal("http://169.254.169.254/") is Reason.ADDRESS_NOT_ALLOWED
    assert prod.refusal("http://127.0.0.1:9/") is Reason.ADDRESS_NOT_ALLOWED


@pytest.mark.parametrize(
    "url", ["ftp://hooks.example/", "http:///path", "http://[::1/", "http://hooks.example:99999/", "x"]
)
def test_malformed_urls_are_refused(url):
    assert SafeClient(resolver=answering(PUBLIC)).refusal(url) is Reason.INVALID_URL


def test_names_that_do_not_resolve_give_a_generic_reason():
    def failing(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    assert SafeClient(resolver=failing).refusal("https://nowhere.example/") is Reason.DNS_FAILED
    assert SafeClient(resolver=answering()).refusal("https://nowhere.example/") is Reason.DNS_FAILED


def test_a_rebinding_name_is_resolved_once_and_the_checked_address_is_dialled(monkeypatch):
    """The name answers a public address, then loopback: the connection goes to the first."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    calls: list[str] = []
    dialled: list[str] = []

    def rebinding(host, port):
        calls.append(host)
        return next(answers)

    def recording_connect(self, host, port, *args, **kwargs):
        dialled.append(host)
        raise httpcore.ConnectError("[Errno 111] Connection refused")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", recording_connect)
    with pytest.raises(SafeHttpError) as refused:
        SafeClient(resolver=rebinding).post("http://rebind.example/hook", b"{}")
    assert calls == ["rebind.example"]
    assert dialled == [PUBLIC]
    assert refused.value.reason is Reason.CONNECT_FAILED
    assert str(refused.value) == "connect_failed"


def test_a_refused_target_is_never_dialled(monkeypatch):
    dialled: list[str] = []
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", lambda self, host, *a, **k: dialled.append(host))
    with pytest.raises(SafeHttpError) as refused:
        SafeClient(resolver=answering("10.0.0.7")).post("http://internal.example/", b"{}")
    assert refused.value.reason is Reason.ADDRESS_NOT_ALLOWED
    assert dialled == []
