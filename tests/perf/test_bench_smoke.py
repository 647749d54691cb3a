"""The benchmark runs end to end in its quick mode and prints every ratio it promises.

These tests check that the harness works, not how fast archcheck is: speed is judged only by the
figures the benchmark prints."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RATIO_KEYS = ("R1", "R1c", "R2", "R3", "R3a", "R4", "R4a", "R5", "R6", "R7")
# The corpora and sites a quick run measures (the real corpora when they are present).
QUICK_BLOCKS = ("generated-200", "rust-rfcs", "k8s-keps", "mkdocs-material-docs", "site")
# Measured on every corpus; the builds (R4, R4a, R7) wherever the corpus is a site.
EVERYWHERE = ("R1", "R1c", "R2", "R3", "R3a", "R5")
BUILT = {"mkdocs-material-docs", "site"}
# A printed figure is a number, or n/a with the reason in parentheses; a judged one says so.
NUMBER = r"\d+\.\d+( MB)?"
FIGURE = rf"({NUMBER}( +(met|not met.*))?|n/a \(.+\))"


def _bench(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    command = [sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path), *args]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _block(out: str, name: str) -> str:
    found = re.search(rf"^== {re.escape(name)}: .*?(?=^== |\Z)", out, re.MULTILINE | re.DOTALL)
    assert found, (name, out)
    return found.group(0)


@pytest.mark.slow
def test_quick_benchmark_prints_every_ratio_for_every_corpus(tmp_path: Path) -> None:
    out = _bench(tmp_path, "--skip", "browser", "markdownlint")
    blocks = re.findall(r"^== (\S+): [\d,]+ pages", out, re.MULTILINE)
    absent = re.findall(r"^== (\S+): n/a \(.+\)$", out, re.MULTILINE)
    assert sorted([*blocks, *absent]) == sorted(QUICK_BLOCKS), out
    assert "generated-200" in blocks and "site" in blocks
    for name in blocks:
        block = _block(out, name)
        for key in RATIO_KEYS:
            line = re.search(rf"^   {key} +.+?  +(<= \S+( MB)?( on \S+)?|\(recorded\)) +{FIGURE}$",
                             block, re.MULTILINE)  # fmt: skip
            assert line, (name, key, block)
        # The check ran, read every page, and each figure the corpus promises is a number.
        assert re.search(r"note: archcheck read ([\d,]+) of \1 pages", block), block
        promised = EVERYWHERE + (("R4", "R4a", "R7") if name in BUILT else ())
        for key in promised:
            assert re.search(rf"^   {key} .*  {NUMBER}", block, re.MULTILINE), (name, key, block)
    saved = json.loads((tmp_path / "results.json").read_text())
    assert [c["name"] for c in saved["corpora"]] == blocks
    assert sorted(saved["absent"]) == sorted(absent)
    assert saved["corpora"][0]["seconds"]["markdown-it"] > 0


def test_only_measures_the_parts_it_names_and_an_absent_corpus_prints_why(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-corpus"
    out = _bench(tmp_path, "--only", "k8s-keps,mkdocs-material-docs", "--keps", str(missing),
                 "--material", str(missing))  # fmt: skip
    assert re.findall(r"^== (\S+):", out, re.MULTILINE) == [
        "k8s-keps",
        "mkdocs-material-docs",
        "browser",
    ]
    assert f"== k8s-keps: n/a ({missing} not found; pass --keps PATH)" in out
    assert re.search(r"^== mkdocs-material-docs: n/a \(.+--material PATH\)$", out, re.MULTILINE)
    assert re.search(r"^== browser: .*\n   n/a \(skipped\)$", out, re.MULTILINE)


def test_generated_corpus_is_deterministic_and_has_the_promised_mix(tmp_path: Path) -> None:
    from bench.corpus import generate

    first = generate(tmp_path / "a", 200, seed=7)
    second = generate(tmp_path / "b", 200, seed=7)
    other = generate(tmp_path / "c", 200, seed=8)
    texts = [p.read_bytes() for p in first.markdown_files()]
    assert texts == [p.read_bytes() for p in second.markdown_files()]
    assert texts != [p.read_bytes() for p in other.markdown_files()]
    pages = texts[1:]  # index.md is not a generated page
    assert all(2 * 1024 <= len(text) <= 30 * 1024 for text in pages)
    with_tasks = sum(bool(re.search(rb"^- \[[ xX]\] ", t, re.MULTILINE)) for t in pages)
    with_mermaid = sum(b"```mermaid" in t for t in pages)
    assert 0.05 <= with_tasks / len(pages) <= 0.16
    assert 0.02 <= with_mermaid / len(pages) <= 0.09


def test_without_chromium_the_browser_part_prints_why(tmp_path: Path) -> None:
    # Whatever this machine has: a chromium that is not there is what a machine without one sees.
    env = {**os.environ, "ARCHCHECK_CHROMIUM": str(tmp_path / "no-chromium")}
    out = _bench(tmp_path, "--only", "browser", env=env)
    block = _block(out, "browser")
    assert re.search(r"^   n/a \(ARCHCHECK_CHROMIUM=.+ is not a file\)$", block, re.MULTILINE)


def _find_chromium(env: dict[str, str], debian: Path | None = None) -> str:
    """bench.browser.find_chromium() in a process of its own (Playwright's sync API allows one
    instance per thread, and the session's browser fixture may hold this one's); `debian` in
    place of Debian's chromium paths."""
    script = "from pathlib import Path; from bench import browser; "
    if debian:
        script += f"browser.DEBIAN_CHROMIUM = (Path({str(debian)!r}),); "
    command = [sys.executable, "-c", script + "print(browser.find_chromium())"]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_chromium_is_looked_for_where_the_browser_tests_look(tmp_path: Path) -> None:
    from bench.browser import NO_CHROMIUM

    env = {k: v for k, v in os.environ.items() if k != "ARCHCHECK_CHROMIUM"}
    env["PLAYWRIGHT_BROWSERS_PATH"] = str(tmp_path)  # Playwright's own download: none here
    debian = tmp_path / "chromium"
    assert _find_chromium(env, debian) == NO_CHROMIUM
    debian.write_bytes(b"")
    assert _find_chromium(env, debian) == str(debian)


# Marked `browser`: without chromium it skips (fails under CI=true) before it runs, as every
# browser test does (tests/conftest.py); with one, the benchmark finds the same chromium.
@pytest.mark.browser
@pytest.mark.slow
def test_quick_benchmark_measures_the_site_in_chromium(tmp_path: Path) -> None:
    if not (REPO / "mkdocs.yml").is_file():
        pytest.skip("the site has no mkdocs.yml yet")
    out = _bench(tmp_path, "--only", "browser")
    measured = re.search(
        r"transferred: ([\d,]+) bytes raw, ([\d,]+) bytes gzip, \d+ requests, (\d+) to other", out
    )
    assert measured, f"the benchmark measured nothing in chromium:\n{_block(out, 'browser')}"
    raw, gzipped, foreign = measured.groups()
    assert int(gzipped.replace(",", "")) < int(raw.replace(",", ""))
    assert foreign == "0"
    assert re.search(r"navigation to rendered diagram: \d+ ms", out)
