"""Measure one corpus: archcheck cold, warm and with one file changed, the parse-only baselines,
markdownlint-cli2, peak memory and (where asked) `mkdocs build` with and without the plugin.

Runs are interleaved (one of each per round) so a machine that slows down mid-run slows every
command alike, and each figure is a ratio of medians."""

from __future__ import annotations

import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import mkdocs_build
from bench.corpus import Corpus
from bench.measure import CommandFailed, median, run
from bench.report import CorpusResult, Figure


@dataclass(frozen=True)
class Settings:
    repeats: int
    out: Path
    markdownlint: Path | str  # the executable, or why it is unavailable
    build: bool  # measure R4 on this corpus


def archcheck_command() -> list[str]:
    return [str(Path(sys.executable).with_name("archcheck")), "check"]


def _env(cache_home: Path) -> dict[str, str]:
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


def _baseline(name: str, corpus: Corpus) -> list[str]:
    return [sys.executable, "-m", "bench.baselines", name, str(corpus.docs)]


def measure_corpus(corpus: Corpus, settings: Settings) -> CorpusResult:
    result = CorpusResult(corpus.name, corpus.pages, corpus.total_bytes / 1e6, settings.repeats)
    work = settings.out / "work" / corpus.name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    log = work / "archcheck-output.txt"
    repo = Path(__file__).resolve().parent.parent
    samples: dict[str, list[float]] = defaultdict(list)
    archcheck_problem = ""
    for round_number in range(settings.repeats):
        cache = work / f"cache-{round_number}"
        if not archcheck_problem:
            try:
                env = _env(cache)
                cold = run(archcheck_command(), corpus.root, env=env, ok_codes=(0, 1), output=log)
                _require_clean_exit(log)
                samples["archcheck cold"].append(cold.seconds)
                samples["archcheck cold (cpu)"].append(cold.cpu_seconds)
                warm = run(archcheck_command(), corpus.root, env=env, ok_codes=(0, 1))
                samples["archcheck warm"].append(warm.seconds)
                with _one_file_changed(corpus, round_number):
                    changed = run(archcheck_command(), corpus.root, env=env, ok_codes=(0, 1))
                samples["archcheck one changed"].append(changed.seconds)
            except (CommandFailed, OSError) as error:
                archcheck_problem = f"n/a (archcheck check could not run: {error})"
        for baseline in ("markdown-it", "cmark-gfm"):
            measured = run(_baseline(baseline, corpus), repo)
            samples[baseline].append(measured.seconds)
            samples[f"{baseline} (cpu)"].append(measured.cpu_seconds)
        if isinstance(settings.markdownlint, Path):
            lint = [str(settings.markdownlint), "docs/**/*.md"]
            samples["markdownlint-cli2"].append(run(lint, corpus.root, ok_codes=(0, 1)).seconds)
        shutil.rmtree(cache, ignore_errors=True)
    if settings.build:
        _measure_builds(corpus, work, settings.repeats, samples, result)
    result.seconds = {name: median(values) for name, values in samples.items()}
    result.ratio("R1", "archcheck cold", "markdown-it")
    result.ratio("R1c", "archcheck cold (cpu)", "markdown-it (cpu)")
    result.ratio("R2", "archcheck cold", "cmark-gfm")
    result.ratio("R3", "archcheck warm", "archcheck cold")
    result.ratio("R3a", "archcheck one changed", "archcheck cold")
    result.ratio("R6", "archcheck cold", "markdownlint-cli2")
    if settings.build:
        result.ratio("R4", "mkdocs build + plugin cold", "mkdocs build")
        result.ratio("R4a", "mkdocs build + plugin warm", "mkdocs build")
    if isinstance(settings.markdownlint, str):
        result.figures["R6"] = Figure("R6", None, settings.markdownlint)
    if archcheck_problem:
        for key in ("R1", "R1c", "R2", "R3", "R3a", "R5", "R6"):
            result.figures[key] = Figure(key, None, archcheck_problem)
    else:
        memory = run(
            archcheck_command(), corpus.root, env=_env(work / "cache-memory"), ok_codes=(0, 1),
            sample_memory=True,
        )  # fmt: skip
        result.figures["R5"] = Figure("R5", memory.peak_tree_mb)
    if not settings.build:
        for key in ("R4", "R4a"):
            result.figures[key] = Figure(key, None, "n/a (R4 is measured on the 1,000-page corpus)")
    return result


def _measure_builds(
    corpus: Corpus,
    work: Path,
    repeats: int,
    samples: dict[str, list[float]],
    result: CorpusResult,
) -> None:
    missing = mkdocs_build.plugin_missing()
    for round_number in range(repeats):
        cache = work / f"build-cache-{round_number}"
        env = mkdocs_build.build_env(cache)
        site = work / "site"
        plain = mkdocs_build.build_command("mkdocs.yml", site)
        samples["mkdocs build"].append(run(plain, corpus.root, env=env).seconds)
        if missing:
            continue
        with_plugin = mkdocs_build.build_command("mkdocs-archcheck.yml", site)
        build_log = work / "mkdocs-plugin-build.txt"
        try:
            cold = run(with_plugin, corpus.root, env=env, output=build_log)
            warm = run(with_plugin, corpus.root, env=env, output=build_log)
        except CommandFailed as error:
            missing = f"n/a (build with the plugin failed: {error})"
            continue
        samples["mkdocs build + plugin cold"].append(cold.seconds)
        samples["mkdocs build + plugin warm"].append(warm.seconds)
        shutil.rmtree(cache, ignore_errors=True)
    if missing:
        result.figures["R4"] = Figure("R4", None, missing)
        result.figures["R4a"] = Figure("R4a", None, missing)
    result.notes.append("R4 builds use Material with search, without mermaid2 (bench/corpus.py)")
