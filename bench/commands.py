"""The commands the benchmark times on one corpus, each a fresh process: `archcheck check` cold,
warm and with one file changed, the baselines, markdownlint-cli2, and `mkdocs build` with and
without the plugin. Each command's times go to `samples`; a command that cannot run is recorded
in `problems` as `n/a (why)` and is not run again."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bench import mkdocs_build
from bench.corpus import Corpus
from bench.measure import CommandFailed, run

REPO = Path(__file__).resolve().parent.parent


def archcheck_command(*options: str) -> list[str]:
    return [str(Path(sys.executable).with_name("archcheck")), "check", *options]


def archcheck_env(cache_home: Path) -> dict[str, str]:
    # A private XDG cache folder per round: "cold" means no cache, "warm" means this round's cache.
    return {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        "ARCHCHECK_CACHE_DIR": str(cache_home / "archcheck"),
        "NO_MKDOCS_2_WARNING": "1",
    }


@contextmanager
def _one_file_changed(corpus: Corpus, round_number: int) -> Iterator[None]:
    files = corpus.markdown_files()
    target = files[len(files) // 2]
    original = target.read_bytes()
    edit = f"\nA sentence added in round {round_number}, as an author would.\n"
    target.write_bytes(original + edit.encode())
    try:
        yield
    finally:
        target.write_bytes(original)


def _require_clean_exit(log: Path) -> None:
    # Exit code 1 means "findings"; a crash also exits 1, so the output tells the two apart.
    text = log.read_text(encoding="utf-8", errors="replace")
    if "Traceback (most recent call last)" in text:
        last = text.strip().splitlines()[-1]
        raise CommandFailed(f"it crashed ({last}); output in {log}")


@dataclass
class Commands:
    corpus: Corpus
    work: Path  # this corpus's scratch folder: caches, logs, the built site
    timeout: float  # seconds any one command may take
    samples: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    problems: dict[str, str] = field(default_factory=dict)  # part -> "n/a (why)"
    notes: list[str] = field(default_factory=list)

    def attempt(self, part: str, what: str, measure: Callable[[], None]) -> None:
        if part in self.problems:
            return
        try:
            measure()
        except (CommandFailed, OSError) as error:
            self.problems[part] = f"n/a ({what} could not run: {error})"

    def archcheck(self, number: int) -> None:
        cache = self.work / f"cache-{number}"
        check = partial(
            run, archcheck_command(), self.corpus.root, env=archcheck_env(cache), ok_codes=(0, 1)
        )
        log = self.work / "check.txt"
        try:
            cold = check(output=log, timeout=self.timeout)
            _require_clean_exit(log)
            warm = check(timeout=self.timeout)
            with _one_file_changed(self.corpus, number):
                changed = check(timeout=self.timeout)
            if number == 0:
                self.notes.append(self._pages_read(cache))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        self.samples["archcheck cold"].append(cold.seconds)
        self.samples["archcheck cold (cpu)"].append(cold.cpu_seconds)
        self.samples["archcheck warm"].append(warm.seconds)
        self.samples["archcheck one changed"].append(changed.seconds)

    def baseline(self, name: str) -> None:
        command = [sys.executable, "-m", "bench.baselines", name, str(self.corpus.docs)]
        measured = run(command, REPO, timeout=self.timeout)
        self.samples[name].append(measured.seconds)
        self.samples[f"{name} (cpu)"].append(measured.cpu_seconds)

    def markdownlint(self, binary: Path) -> None:
        lint = [str(binary), "docs/**/*.md"]
        done = run(lint, self.corpus.root, ok_codes=(0, 1), timeout=self.timeout)
        self.samples["markdownlint-cli2"].append(done.seconds)

    def build(self, number: int, plugin: bool) -> None:
        cache = self.work / f"build-cache-{number}"
        env = mkdocs_build.build_env(cache)
        self.attempt("build", "mkdocs build", partial(self._build, env))
        if plugin and "build" not in self.problems:
            self.attempt("plugin", "mkdocs build with the plugin", partial(self._plugin, env))
        shutil.rmtree(cache, ignore_errors=True)

    def _build(self, env: dict[str, str]) -> None:
        command = mkdocs_build.build_command(mkdocs_build.PLAIN, self.work / "site")
        log = self.work / "mkdocs-build.txt"
        done = run(command, self.corpus.root, env=env, output=log, timeout=self.timeout)
        self.samples["mkdocs build"].append(done.seconds)

    def _plugin(self, env: dict[str, str]) -> None:
        # Cold: this round's empty cache; warm: the cache the cold build left (a serve rebuild).
        command = mkdocs_build.build_command(mkdocs_build.WITH_PLUGIN, self.work / "site")
        log = self.work / "mkdocs-plugin-build.txt"
        cold = run(command, self.corpus.root, env=env, output=log, timeout=self.timeout)
        warm = run(command, self.corpus.root, env=env, output=log, timeout=self.timeout)
        self.samples["mkdocs build + plugin cold"].append(cold.seconds)
        self.samples["mkdocs build + plugin warm"].append(warm.seconds)

    def peak_memory(self) -> float:
        """Untimed: the peak memory of a cold check's process tree, in MB."""
        env = archcheck_env(self.work / "cache-memory")
        done = run(archcheck_command(), self.corpus.root, env=env, ok_codes=(0, 1),
                   sample_memory=True, timeout=self.timeout)  # fmt: skip
        return done.peak_tree_mb

    def _pages_read(self, cache: Path) -> str:
        """Untimed, on the round's cache: what the check read, from its JSON output, so that a
        figure that looks fast because pages went unread cannot pass unnoticed."""
        log = self.work / "check.json"
        command = archcheck_command("--format", "json")
        try:
            run(command, self.corpus.root, env=archcheck_env(cache), ok_codes=(0, 1), output=log,
                timeout=self.timeout)  # fmt: skip
            data = json.loads(log.read_text(encoding="utf-8"))
            read, findings = len(data["documents"]), len(data["findings"])
        except (CommandFailed, OSError, ValueError, KeyError, TypeError) as error:
            return f"archcheck check --format json gave no page count ({error})"
        pages = self.corpus.pages
        return f"archcheck read {read:,} of {pages:,} pages and reported {findings:,} findings"
