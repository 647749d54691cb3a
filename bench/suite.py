"""Measure one corpus: every command of `bench.commands`, round after round, then its ratios.

Runs are interleaved (one of each per round) so a machine that slows down mid-run slows every
command alike, and each figure is a ratio of medians. A command that cannot run takes its own
figures out (they print `n/a (why)`) and leaves the others standing."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench import mkdocs_build
from bench.commands import Commands
from bench.corpus import Corpus
from bench.measure import TIMEOUT_SECONDS, median
from bench.report import CorpusResult, Figure

BUILD_KEYS = ("R4", "R4a", "R7")
PLUGIN_KEYS = ("R4", "R4a")
ARCHCHECK_KEYS = ("R1", "R1c", "R2", "R3", "R3a", "R5", "R6", "R7")


@dataclass(frozen=True)
class Settings:
    repeats: int
    out: Path
    markdownlint: Path | str  # the executable, or why it is unavailable
    unbuilt: str | None = None  # None: measure the builds here; else why not ("n/a (why)")
    timeout: float = TIMEOUT_SECONDS  # seconds any one command may take


def measure_corpus(corpus: Corpus, settings: Settings) -> CorpusResult:
    result = CorpusResult(corpus.name, corpus.pages, corpus.total_bytes / 1e6, settings.repeats)
    work = settings.out / "work" / corpus.name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    commands = Commands(corpus, work, settings.timeout)
    builds = settings.unbuilt is None
    missing = mkdocs_build.plugin_missing() if builds else None
    if missing:
        commands.problems["plugin"] = missing
    for number in range(settings.repeats):
        commands.attempt("archcheck", "archcheck check", partial(commands.archcheck, number))
        for name in ("markdown-it", "cmark-gfm"):
            commands.attempt(name, name, partial(commands.baseline, name))
        if isinstance(settings.markdownlint, Path):
            lint = partial(commands.markdownlint, settings.markdownlint)
            commands.attempt("markdownlint", "markdownlint-cli2", lint)
        if builds:
            commands.build(number, plugin=not missing)
    if "archcheck" not in commands.problems:

        def memory() -> None:
            result.figures["R5"] = Figure("R5", commands.peak_memory())

        commands.attempt("memory", "archcheck check (memory)", memory)
    result.notes += commands.notes
    result.seconds = {name: median(values) for name, values in commands.samples.items()}
    _ratios(result, settings, commands.problems)
    return result


def _ratios(result: CorpusResult, settings: Settings, problems: dict[str, str]) -> None:
    result.ratio("R1", "archcheck cold", "markdown-it")
    result.ratio("R1c", "archcheck cold (cpu)", "markdown-it (cpu)")
    result.ratio("R2", "archcheck cold", "cmark-gfm")
    result.ratio("R3", "archcheck warm", "archcheck cold")
    result.ratio("R3a", "archcheck one changed", "archcheck cold")
    result.ratio("R4", "mkdocs build + plugin cold", "mkdocs build")
    result.ratio("R4a", "mkdocs build + plugin warm", "mkdocs build")
    result.ratio("R6", "archcheck cold", "markdownlint-cli2")
    result.ratio("R7", "archcheck cold", "mkdocs build")
    lint = settings.markdownlint if isinstance(settings.markdownlint, str) else None
    # A part that failed in any round has no figures (its rounds would not match the others');
    # where several failed, the later cause replaces the earlier, so the root cause is last.
    causes: list[tuple[str | None, tuple[str, ...]]] = [
        (problems.get("markdown-it"), ("R1", "R1c")),
        (problems.get("cmark-gfm"), ("R2",)),
        (problems.get("memory"), ("R5",)),
        (problems.get("markdownlint") or lint, ("R6",)),
        (problems.get("plugin"), PLUGIN_KEYS),
        (problems.get("build") or settings.unbuilt, BUILD_KEYS),
        (problems.get("archcheck"), ARCHCHECK_KEYS),
    ]
    for cause, keys in causes:
        for key in keys:
            if cause:
                result.figures[key] = Figure(key, None, cause)
