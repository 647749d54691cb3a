"""walk_folder() lists a tree's files in the order and with the names Path sorting and
Path.relative_to give, however the folder names compare as strings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archcheck.discovery.walk import MARKDOWN_SUFFIXES, display, walk_folder

NAMES = ["a-b/x.md", "a/b.md", "a/B.md", "a.md", "A/z.markdown", "a b/c.MD", "a/b/c/d.md", "z.txt"]


def _reference(path: Path, root: Path) -> list[tuple[Path, str]]:
    found = [
        Path(folder) / name
        for folder, _, names in os.walk(path)
        for name in names
        if name.lower().endswith(MARKDOWN_SUFFIXES)
    ]
    return [(file, display(file, root)) for file in sorted(found)]


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
        walked = walk_folder(folder, tmp_path, root)
        assert walked.problems == []
        assert [(file.path, file.shown) for file in walked.files] == _reference(folder, root)
    first = walk_folder(folder, tmp_path, tmp_path).files[0]
    assert (first.shown, first.relative) == ("docs/A/z.markdown", "A/z.markdown")
