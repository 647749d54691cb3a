"""Run a command as a subprocess and measure its wall time and, on request, its peak memory (the
summed proportional set size of its whole process tree, so worker processes count too)."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.01
# Long enough for markdownlint-cli2 on 10,000 pages (about two minutes); a hung command ends here.
TIMEOUT_SECONDS = 1200.0


@dataclass(frozen=True)
class Run:
    """One measured run."""

    seconds: float
    returncode: int
    peak_tree_mb: float  # 0.0 when memory was not sampled
    cpu_seconds: float = 0.0  # user + system time of the process and the children it waited for


class CommandFailed(RuntimeError):
    """A measured command exited with a code the benchmark does not accept."""


def _pss_kb(pid: int) -> int:
    # Proportional set size: pages shared by forked workers are split between them, so the sum
    # over the tree is the memory the tree really holds (resident size would count them twice).
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces or parentheses; the fields after the last ')' do not.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(parents.get(pid, ()))
    return found


class _TreeSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            total = sum(_pss_kb(pid) for pid in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self.stopped.wait(SAMPLE_SECONDS)


def _end_group(pid: int) -> None:
    # The command runs in a session of its own, so its workers end with it.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run(
    argv: Sequence[str],
    cwd: Path,
    *,
    env: Mapping[str, str] | None = None,
    ok_codes: Sequence[int] = (0,),
    sample_memory: bool = False,
    output: Path | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> Run:
    """Run argv in cwd; its output goes to `output` (or is discarded). Raises CommandFailed, also
    when the command takes longer than `timeout` seconds (it is then ended, workers and all)."""
    sink = output.open("wb") if output else subprocess.DEVNULL
    start = time.perf_counter()
    try:
        process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=dict(env) if env else None,
            stdout=sink,
            stderr=sink,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, _end_group, (process.pid,))
        timer.start()
        sampler = _TreeSampler(process.pid) if sample_memory else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if output and not isinstance(sink, int):
            sink.close()
    # The main process's own peak (resident size, never missed between samples) or the tree's
    # sampled total, whichever is larger.
    peak_kb = usage.ru_maxrss
    if sampler:
        sampler.stopped.set()
        sampler.join()
        peak_kb = max(peak_kb, sampler.peak_kb)
    where = f"; output in {output}" if output else ""
    if seconds >= timeout:
        raise CommandFailed(f"{' '.join(argv)} timed out after {timeout:g} s in {cwd}{where}")
    if process.returncode not in ok_codes:
        raise CommandFailed(f"{' '.join(argv)} exited {process.returncode} in {cwd}{where}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, process.returncode, peak_kb / 1024 if sample_memory else 0.0, cpu)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
