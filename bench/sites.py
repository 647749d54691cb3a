"""MkDocs sites assembled for the benchmark in its own folder: the Material for MkDocs
documentation corpus as a site, and a snapshot of this repository's own site.

Each is laid out as `corpus.Corpus` expects (pages in docs/, the site's own mkdocs.yml, a
pyproject.toml with `[tool.archcheck]`), so the same measurements run on it as on any corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.corpus import Corpus, copy_pages, on_disk
from bench.mkdocs_build import write_configs

MATERIAL = "mkdocs-material-docs"
REPOSITORY = "site"
# A site with no settings of its own: archcheck reads docs/ and the site's mkdocs.yml.
PLAIN_PYPROJECT = '[tool.archcheck]\ndocs = "docs"\n'
# What the repository's mkdocs.yml reads besides its pages: its hooks and pyproject.toml.
REPOSITORY_FILES = ("mkdocs.yml", "pyproject.toml")
REPOSITORY_FOLDERS = ("docs", "mkdocs_hooks")


def _writable(root: Path) -> None:
    for path in (root, *root.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)


def material_site(source: Path, root: Path, limit: int | None = None) -> Corpus:
    """The Material docs corpus as a site: its pages (`limit` of them, and index.md), its
    own mkdocs.yml (markdown_extensions exactly as the corpus keeps them, `theme: material`),
    the snippets and theme override folders that configuration names, and a plain pyproject."""
    if root.exists():
        shutil.rmtree(root)
    copy_pages(source / "docs", root / "docs", limit)
    index = source / "docs" / "index.md"
    if index.is_file() and not (root / "docs" / "index.md").exists():
        shutil.copyfile(index, root / "docs" / "index.md")
    for folder in ("includes", "overrides"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, root / folder)
    shutil.copyfile(source / "mkdocs.yml", root / "mkdocs.yml")
    (root / "pyproject.toml").write_text(PLAIN_PYPROJECT, encoding="utf-8")
    _writable(root)
    write_configs(root)
    return on_disk(MATERIAL, root)


def repository_site(repo: Path, root: Path) -> Corpus:
    """A snapshot of the repository's own site: what its mkdocs.yml reads, copied as it is now."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in REPOSITORY_FILES:
        shutil.copyfile(repo / name, root / name)
    for folder in REPOSITORY_FOLDERS:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(repo / folder, root / folder, ignore=ignore)
    _writable(root)
    write_configs(root)
    return on_disk(REPOSITORY, root)
