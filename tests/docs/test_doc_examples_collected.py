"""No example is skipped by accident: every python, pycon, console and markdown block in the docs,
the README and the rule docstrings is collected by Sybil, and no info string looks like one of
those languages without being it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil import Sybil

from tests.docs.sybil_support import DOCSTRINGS, DOCUMENTS, parsers
from tests.docs.sybil_support.fence_audit import (
    EXAMPLE_LANGUAGES,
    FencedBlock,
    fenced_blocks,
    scan,
    suspicious,
)
from tests.docs.sybil_support.workspace import ROOT


def documented_files() -> list[Path]:
    found = {path for pattern in (*DOCUMENTS, *DOCSTRINGS) for path in ROOT.glob(pattern)}
    return sorted(path for path in found if path.is_file())


def collected_lines(path: Path) -> list[tuple[int, int]]:
    """The line span of every region Sybil collects from ``path``, as the root conftest does."""
    document = Sybil(parsers=parsers()).parse(path)
    spans = []
    for _, region in document.regions:
        first = document.text.count("\n", 0, region.start) + 1
        spans.append((first, first + document.text.count("\n", region.start, region.end)))
    return spans


def _is_file_block(block: FencedBlock, lines: list[str]) -> bool:
    """A block written into the copy of the repository for the console examples after it."""
    before = lines[block.line - 2].strip() if block.line >= 2 else ""
    return before.startswith("<!-- file:")


FILES = documented_files()


def test_the_documents_are_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in FILES}
    assert {"README.md", "docs/index.md", "docs/archcheck/using.md"} <= names
    assert {"src/archcheck/rules/checklist.py", "src/archcheck/suppressions.py"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_example_block_is_collected(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    spans = collected_lines(path)
    problems = []
    for block in fenced_blocks(path, ROOT):
        why = suspicious(block)
        if why:
            problems.append(why)
            continue
        if block.language not in EXAMPLE_LANGUAGES or _is_file_block(block, lines):
            continue
        if not any(block.line <= first <= block.last_line for first, _ in spans):
            problems.append(f"{block.where}: a {block.language} block that Sybil did not collect")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("info", "content", "expected"),
    [
        ("pyton", "print(1)", "did you mean 'python'?"),
        ("Python ", "print(1)", "write 'python' (lower case)"),
        ("python ", "print(1)", "write exactly 'python'"),
        ('python title="x.py"', "print(1)", "write exactly 'python'"),
        ("consol", "$ archcheck check", "did you mean 'console'?"),
        ("Console", "$ archcheck check", "write 'console' (lower case)"),
        ("markdwon", "- [ ] x", "did you mean 'markdown'?"),
        ("py", "print(1)", "write 'python' to run it"),
        ("shell-session", "$ archcheck check", "write 'console' to run it"),
        ("sh", "$ archcheck check\ndocs/index.md:19:3: AC101 ...", "write 'console' to run it"),
        ("", "$ mkdocs build --strict", "write 'console' to run it"),
    ],
)
def test_near_misses_are_reported(info: str, content: str, expected: str) -> None:
    (block,) = scan(f"Text.\n\n```{info}\n{content}\n```\n", "page.md")
    why = suspicious(block)
    assert why is not None and why.startswith("page.md:3: ") and expected in why


@pytest.mark.parametrize("info", ["python", "console", "markdown", "toml", "text", "sh", "json"])
def test_exact_and_shown_languages_pass(info: str) -> None:
    (block,) = scan(f"```{info}\nmake test\n```\n", "page.md")
    assert suspicious(block) is None


def test_an_unclosed_fence_is_reported() -> None:
    (block,) = scan("```python\nprint(1)\n", "page.md")
    assert suspicious(block) == "page.md:1: a fence that is never closed"


def test_a_fence_inside_a_longer_fence_is_content() -> None:
    blocks = list(scan("````markdown\n```pyton\nx\n```\n````\n\n```console\n$ a\n```\n", "p.md"))
    assert [(b.line, b.language) for b in blocks] == [(1, "markdown"), (7, "console")]


def test_a_block_the_parsers_miss_is_reported(tmp_path: Path) -> None:
    # An example language the parsers do not run (as if a parser had been left out).
    page = tmp_path / "page.md"
    page.write_text("```console\n$ archcheck --version\n```\n", encoding="utf-8")
    document = Sybil(parsers=[p for p in parsers() if type(p).__name__ != "ConsoleParser"]).parse(
        page
    )
    assert document.regions == []
    (block,) = fenced_blocks(page, tmp_path)
    assert block.language in EXAMPLE_LANGUAGES and suspicious(block) is None
