"""A time limit on reading one page: a page the renderers take too long over is a problem (exit 2),
never skipped and never a hang."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class PageTooSlowError(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"took more than {seconds:g} s to read (page-time-limit)")


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageTooSlowError in the block once ``seconds`` have passed. A timer signal can
    only be had in a process's main thread (a worker process, or the command line); elsewhere
    (a thread of `mkdocs serve`) the block runs without one."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise PageTooSlowError(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
