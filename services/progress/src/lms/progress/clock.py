"""The clock the schedule process runs by: real time, or (dev/tests) a simulated one.

`LMS_CLOCK_START` (RFC 3339) starts a simulated clock there when the process starts;
`LMS_CLOCK_SPEED` is how many simulated seconds pass per real second (default 1).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def real_clock() -> datetime:
    return datetime.now(UTC)


def clock_from_env(env: str, environ: Mapping[str, str]) -> Clock:
    """The simulated clock `LMS_CLOCK_*` describe (dev only), else real time."""
    start = environ.get("LMS_CLOCK_START")
    if not start:
        return real_clock
    if env != "dev":
        raise SystemExit("LMS_CLOCK_START is for dev and tests: refused with LMS_ENV=" + env)
    origin, speed, began = (
        datetime.fromisoformat(start),
        float(environ.get("LMS_CLOCK_SPEED", "1")),
        time.monotonic(),
    )
    return lambda: origin + timedelta(seconds=(time.monotonic() - began) * speed)
