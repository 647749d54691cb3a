"""Changing the output any example shows makes its test fail: the examples are real tests.

Every example of every document gets its shown output changed at once (a marker written into
it); each one is evaluated again and must fail because of its own marker. The last test runs
pytest itself, with the root conftest.py, on a copy of the repository with one page changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sybil import Sybil

from tests.docs.sybil_support import parsers
from tests.docs.sybil_support.mutations import evaluate, mutate_all
from tests.docs.sybil_support.workspace import ROOT
from tests.docs.test_doc_examples_collected import FILES


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_shown_output_is_compared(path: Path, tmp_path: Path) -> None:
    copy, marks = mutate_all(path, Sybil(parsers=parsers()), tmp_path / path.relative_to(ROOT))
    outcomes = evaluate(Sybil(parsers=parsers()).parse(copy))
    problems = []
    for index, outcome in enumerate(outcomes):
        mark = marks.get(index)
        if mark is None:  # no shown output (Python code, a directive): it must still pass
            if outcome.failure:
                problems.append(f"line {outcome.line}: {outcome.kind} failed: {outcome.failure}")
        elif outcome.skipped:
            continue
        elif outcome.failure is None:
            problems.append(f"line {outcome.line}: {outcome.kind} passed with {mark} in it")
        elif mark not in outcome.failure:
            problems.append(
                f"line {outcome.line}: {outcome.kind} failed, but not on {mark}: {outcome.failure}"
            )
    assert not problems, "\n".join(problems)
    mutated = Counter(outcomes[index].kind for index in marks)
    print(f"{path.relative_to(ROOT)}: {dict(mutated)} changed and caught")


def test_the_suite_fails_on_a_changed_output(tmp_path: Path) -> None:
    """pytest with the root conftest.py, on a copy where one shown finding is wrong."""
    for name in ("conftest.py", "pyproject.toml", "mkdocs.yml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    for folder in ("docs", "mkdocs_hooks", "tests/docs/sybil_support"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    page = tmp_path / "docs" / "archcheck" / "suppressions.md"
    text = page.read_text(encoding="utf-8")
    shown = "example.md:1: waiver AC101 EXPIRED 2020-01-31 covers nothing: rotation booked"
    assert text.count(shown) == 1
    wrong = shown.replace("covers nothing", "covers line 2")
    page.write_text(text.replace(shown, wrong), encoding="utf-8")

    def pytest_on(*paths: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )

    done = pytest_on("docs/archcheck/suppressions.md", "docs/archcheck/using.md")
    assert done.returncode == 1, done.stdout + done.stderr
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    line = text[: text.index(shown)].count("\n") - 7  # the ```markdown block above the output
    assert failed == [f"FAILED docs/archcheck/suppressions.md::line:{line},column:1"], done.stdout
    assert f"-{wrong}\n+{shown}\n" in done.stdout  # the diff: shown, then printed
