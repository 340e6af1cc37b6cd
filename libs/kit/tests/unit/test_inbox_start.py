"""A consumer whose broker is slow or away at start keeps trying instead of exiting."""

from __future__ import annotations

import threading

from kafka.errors import KafkaTimeoutError

from lms.kit.inbox import InboxConsumer
from lms.kit.liveness import Liveness


class FlakyStart(InboxConsumer):
    """Fails to join twice (as a timed-out topic listing does), then stops the run."""

    def __init__(self, stop: threading.Event):
        self.attempts = 0
        self.stop = stop
        self._consumer = None
        self._producer = None
        self.liveness = Liveness("g")

    def start(self) -> None:
        self.attempts += 1
        if self.attempts < 3:
            raise KafkaTimeoutError("Request timed out")
        self.stop.set()  # joined: end the run here, before any poll

    def close(self) -> None:
        pass


def test_a_consumer_retries_joining_until_the_broker_answers_instead_of_exiting():
    stop = threading.Event()
    consumer = FlakyStart(stop)
    consumer.run(stop)
    assert consumer.attempts == 3


def test_a_stop_while_the_broker_is_away_ends_the_retries():
    stop = threading.Event()
    consumer = FlakyStart(stop)
    stop.set()
    consumer.run(stop)
    assert consumer.attempts == 0
