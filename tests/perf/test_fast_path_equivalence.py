"""The fast path (pre-scan, worker processes, cache) gives byte-identical output to a full parse of
every file, on a generated tree, on the Rust RFCs, on the repository's own docs and corpora, and
on pages written to trip a pre-scan up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from archcheck import parallel
from archcheck.config import load_config
from archcheck.engine import CheckResult, check
from archcheck.formats import FORMATS
from bench.corpus import RFC_VOCABULARY, copy_real, generate, write_config
from bench.pages import Vocabulary
from tests.perf.tricky_pages import COMPONENTS, PAGES, TOKENS

REPO = Path(__file__).resolve().parents[2]
RFCS = REPO.parent / "shared" / "corpora" / "rust-rfcs" / "text"


def outputs(result: CheckResult) -> dict[str, str]:
    """Everything a user sees: each output format, the exit code and the problems."""
    shown = {name: render(result, "check") for name, render in FORMATS.items()}
    shown["exit"] = str(result.exit_code)
    shown["problems"] = "\n".join(map(str, result.problems))
    return shown


def assert_same(root: Path, monkeypatch: pytest.MonkeyPatch, **options: object) -> CheckResult:
    monkeypatch.chdir(root)
    config = load_config(root)
    full = check(config=config, fast=False)
    fast = check(config=config, **options)  # type: ignore[arg-type]
    assert outputs(fast) == outputs(full)
    assert (fast.findings, fast.items, fast.waivers, fast.tokens, fast.documents) == (
        full.findings,
        full.items,
        full.waivers,
        full.tokens,
        full.documents,
    )
    return fast


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(folder))
    yield folder


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("generated"), 300, seed=11).root


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tricky")
    (root / "docs").mkdir()
    for name, text in PAGES.items():
        (root / "docs" / name).write_bytes(text.encode())
    for source in ("adversarial", "spec"):
        shutil.copytree(REPO / "tests" / "corpus" / source, root / "docs" / source)
    write_config(root, "tricky", Vocabulary(TOKENS, COMPONENTS))
    return root


def test_generated_tree_matches_a_full_parse(generated: Path, monkeypatch: pytest.MonkeyPatch):
    assert_same(generated, monkeypatch, cache=False)


def test_worker_processes_match_a_full_parse(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert_same(generated, monkeypatch, cache=False)


def test_tricky_pages_match_a_full_parse(tricky: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = assert_same(tricky, monkeypatch, cache=False)
    flagged = {Path(f.path).name for f in result.findings}
    # Each page written to hold a finding does hold one, so the comparison above meant something.
    quiet = {"nothing.md", "near-nothing.md", "entity-token.md", "hex-entity-token.md"}
    quiet |= {"escaped-hyphen.md", "autolink-percent.md", "bom-box.md", "mermaid-entity.md"}
    # Deep nesting is read as cmark-gfm reads it: no site here, so nothing to report.
    quiet |= {"deep-quotes.md", "deep-lists.md", "tab-nesting.md"}
    assert set(PAGES) - quiet <= flagged | {p.path.rsplit("/", 1)[-1] for p in result.problems}


def test_the_repository_docs_match_a_full_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same(REPO, monkeypatch, cache=False)


@pytest.mark.skipif(not RFCS.is_dir(), reason="the Rust RFC corpus is not next to the repository")
def test_rust_rfcs_match_a_full_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_real(RFCS, tmp_path / "rfcs").root
    assert RFC_VOCABULARY.tokens  # the copy is checked with tokens the RFCs use
    assert_same(root, monkeypatch, cache=False)


def test_the_pre_scan_skips_most_of_a_generated_tree(generated: Path) -> None:
    from archcheck.prescan import prescan_for

    scan = prescan_for(load_config(generated))
    texts = [p.read_text(encoding="utf-8") for p in (generated / "docs").rglob("*.md")]
    parsed = sum(scan.could_hold_finding(text) for text in texts)
    assert parsed < 0.6 * len(texts)  # else the fast path would be a full parse in disguise


def test_the_plugin_entry_point_matches_check_source(
    tricky: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archcheck.engine import PageResult, check_source
    from archcheck.pipeline import check_texts

    monkeypatch.chdir(tricky)
    config = load_config(tricky)
    pages = [
        (str(p.relative_to(tricky)), p.read_text(encoding="utf-8"))
        for p in sorted((tricky / "docs").rglob("*.md"))
    ]
    for cache in (True, True, False):  # cold, warm, uncached
        for (shown, text), fast in zip(pages, check_texts(pages, config, cache=cache), strict=True):
            try:
                full: object = check_source(text, shown, config)
            except Exception as error:  # the plugin turns these into problems, as check_texts does
                assert not isinstance(fast, PageResult), (shown, error)
                continue
            assert isinstance(fast, PageResult) and isinstance(full, PageResult)
            assert (fast.findings, fast.items, fast.waivers, fast.tokens) == (
                full.findings,
                full.items,
                full.waivers,
                full.tokens,
            ), shown


def test_workers_started_beside_other_threads_match_a_full_parse(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)  # like mkdocs serve's file watcher
    watcher.start()
    try:
        assert_same(generated, monkeypatch, cache=False)  # spawned workers, not forked
    finally:
        stop.set()
        watcher.join()


def test_without_worker_processes_the_check_runs_in_one(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing.context

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores in this sandbox")

    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(multiprocessing.context.BaseContext, "Pool", refuse)
    assert_same(generated, monkeypatch, cache=False)
