"""Temporary copies of the repository, where the documents' examples may read and write files.

A copy holds what a reader's checkout holds for the checks: pyproject.toml, mkdocs.yml, docs/
and the site's hooks. Files a document shows with ``<!-- file: path -->`` are written into it.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from sybil import Document

ROOT = Path(__file__).resolve().parents[3]
COPIED = ("pyproject.toml", "mkdocs.yml", "docs", "mkdocs_hooks")

# One copy per document for its Python examples, which share a namespace and run in order.
_DOCUMENT_COPIES: weakref.WeakKeyDictionary[Document, tempfile.TemporaryDirectory[str]] = (
    weakref.WeakKeyDictionary()
)


def copy_repository(destination: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def write_files(root: Path, files: Sequence[tuple[str, str]]) -> None:
    """Write each (relative path, text); a path that leaves ``root`` is refused."""
    for name, text in files:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"file: {name!r} must be a relative path inside the repository")
        target = root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@contextmanager
def fresh_copy(files: Sequence[tuple[str, str]] = ()) -> Iterator[Path]:
    """A new copy of the repository with ``files`` written into it, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="archcheck-docs-") as folder:
        root = copy_repository(Path(folder))
        write_files(root, files)
        yield root


def document_copy(document: Document) -> Path:
    """The copy of the repository this document's Python examples run in (made on first use)."""
    if document not in _DOCUMENT_COPIES:
        folder = tempfile.TemporaryDirectory(prefix="archcheck-docs-")
        copy_repository(Path(folder.name))
        _DOCUMENT_COPIES[document] = folder
    return Path(_DOCUMENT_COPIES[document].name)
