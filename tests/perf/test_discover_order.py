"""discover() lists a tree's files in the order and with the names Path sorting and
Path.relative_to give, however the folder names compare as strings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archcheck.sources import SUFFIXES, _display, discover

NAMES = ["a-b/x.md", "a/b.md", "a/B.md", "a.md", "A/z.markdown", "a b/c.MD", "a/b/c/d.md", "z.txt"]


def _reference(path: Path, root: Path) -> list[tuple[Path, str]]:
    found = [
        Path(folder) / name
        for folder, _, names in os.walk(path)
        for name in names
        if name.lower().endswith(SUFFIXES)
    ]
    return [(file, _display(file, root)) for file in sorted(found)]


@pytest.mark.parametrize("relative", [True, False])
def test_discover_matches_path_sorting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    docs = tmp_path / "docs"
    for name in NAMES:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x\n")
    monkeypatch.chdir(tmp_path)
    folder = Path("docs") if relative else docs
    for root in (tmp_path, docs, tmp_path / "elsewhere", Path("/")):
        files, problems = discover([folder], root)
        assert problems == []
        assert files == _reference(folder, root)
    _, first_shown = discover([folder], tmp_path)[0][0]
    assert first_shown == "docs/A/z.markdown"
