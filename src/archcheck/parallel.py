"""Parse and check many pages on every core: a process pool over chunks of files, used only when a
tree is large enough to pay for starting the workers. Results come back in file order."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from archcheck.config import Config

# Below these, one process is faster than starting workers (measured on the benchmark corpora).
MIN_FILES = 48
MIN_BYTES = 1_500_000
# A page of a MkDocs site is also rendered by Python-Markdown, tens of times slower than
# cmark-gfm: workers pay for themselves on a much smaller site (the Material docs: 96 pages).
MIN_SITE_FILES = 16
MIN_SITE_BYTES = 100_000
# A few pages of a site (its reference pages) can take most of the time: small chunks spread them.
SITE_CHUNK_FILES = 1
CHUNK_FILES = 8

Job = tuple[Any, str]  # (a path or a page's text, the path as shown)
CheckOne = Callable[[Any, str, Config, date], Any]

_worker: tuple[CheckOne, Config, date] | None = None


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_it(jobs: Sequence[Job], total_bytes: int, *, site: bool = False) -> bool:
    """Whether starting workers pays; ``site``: the pages belong to a MkDocs site."""
    files, size = (MIN_SITE_FILES, MIN_SITE_BYTES) if site else (MIN_FILES, MIN_BYTES)
    return workers() > 1 and len(jobs) >= files and total_bytes >= size


def _start(check_one: CheckOne, config: Config, today: date) -> None:
    global _worker
    _worker = (check_one, config, today)


def _run_chunk(chunk: list[Job]) -> list[Any]:
    assert _worker is not None
    check_one, config, today = _worker
    return [check_one(source, shown, config, today) for source, shown in chunk]


def check_in_pool(
    jobs: Sequence[Job],
    check_one: CheckOne,
    config: Config,
    today: date,
    *,
    keep_free: int = 0,
    chunk: int = CHUNK_FILES,
) -> Iterator[Any]:
    """``check_one`` of every job, in order, spread over a worker per core (but ``keep_free``
    cores, for a caller that works meanwhile). The workers start now and keep going while the
    caller does other work; the iterator hands their results over."""
    # fork starts workers in milliseconds with everything already imported. It is unsafe where
    # other threads run (`mkdocs serve` watches files in threads: a lock held at the fork stays
    # held in the child) and unsafe or missing off Linux; spawn re-imports archcheck instead.
    import multiprocessing  # only a large tree needs it
    import threading

    alone = threading.active_count() == 1
    method = "fork" if sys.platform == "linux" and alone else "spawn"
    context = multiprocessing.get_context(method)
    chunks = [list(jobs[i : i + chunk]) for i in range(0, len(jobs), chunk)]
    count = max(1, min(workers() - keep_free, len(chunks)))
    try:
        pool = context.Pool(count, initializer=_start, initargs=(check_one, config, today))
    except OSError:  # no processes or semaphores to be had here (a sandbox): one process it is
        return (check_one(source, shown, config, today) for source, shown in jobs)
    return _collect(pool, pool.imap(_run_chunk, chunks))


def _collect(pool: Any, chunks: Iterator[list[Any]]) -> Iterator[Any]:
    with pool:
        for results in chunks:
            yield from results
