"""Which files a run checks: the same pages as the site publishes, and never fewer.

Without paths, the configured docs folders (by default the site's ``docs_dir``, else
``docs/``, else the repository's folder, tool folders such as ``.venv`` aside); a declared
folder that disagrees with the site's ``docs_dir`` is a configuration error. Inside the site's
docs folder, MkDocs says which files are pages; a Markdown file it does not publish (excluded,
a draft, not a page suffix) is listed as skipped, with why, so the CLI agrees with
`mkdocs build` and says so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from archcheck.cache import PageCache
from archcheck.config import Config, ConfigError, table_name
from archcheck.discovery.site_pages import docs_dir, page_reasons
from archcheck.discovery.walk import MARKDOWN_SUFFIXES, Walk, display, walk_file, walk_folder
from archcheck.sources import Problem
from archcheck.views.site_of import site_file


@dataclass(frozen=True, slots=True)
class Skipped:
    """A Markdown file found but not checked, because the site does not publish it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: not checked: {self.reason}"


@dataclass
class Discovery:
    files: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def discover(
    paths: Sequence[str | Path] | None, config: Config, store: PageCache | None = None
) -> Discovery:
    """The files to check for ``paths`` (default: the configured docs folders)."""
    cwd = Path.cwd()
    project = config.root.resolve()
    site_docs = docs_dir(config, store)
    targets = [Path(p) for p in paths] if paths else _default_targets(config, site_docs)
    # No docs folder configured, no site and no docs/: the repository itself, tool folders aside.
    whole = not paths and not config.docs_declared and site_docs is None and targets == [project]
    found = Discovery()
    walks: list[tuple[Path, Walk]] = []
    for target in targets:
        shown = display(target, cwd)
        if not os.path.lexists(target):
            found.problems.append(Problem(shown, "no such file or directory"))
        elif target.is_dir() and target.name.lower().endswith(MARKDOWN_SUFFIXES):
            found.problems.append(Problem(shown, "is a directory, not a Markdown file"))
        elif target.is_dir():
            walked = walk_folder(target, project, cwd, whole_repository=whole)
            if not walked.files and not walked.problems:
                names = ", ".join(f"*{suffix}" for suffix in reversed(MARKDOWN_SUFFIXES))
                found.problems.append(Problem(shown, f"no Markdown files ({names}) in this folder"))
            walks.append((target, walked))
        else:
            walks.append((target, walk_file(target, project, cwd)))
    for _, walked in walks:
        found.problems += walked.problems
    _once(walks)
    if site_docs is None:
        found.files = [(file.path, file.shown) for _, walked in walks for file in walked.files]
        return found
    reasons = _site_reasons(config, site_docs, walks, project, cwd, store)
    for target, walked in walks:
        prefix = _within(target, site_docs)
        folder = target.is_dir()
        for file in walked.files:
            uri = prefix
            if prefix is not None and folder:
                uri = str(PurePosixPath(prefix, file.relative))
            reason = reasons.get(uri, "") if uri is not None else ""
            if reason:
                found.skipped.append(Skipped(file.shown, reason))
            else:
                found.files.append((file.path, file.shown))
    return found


def _once(walks: list[tuple[Path, Walk]]) -> None:
    """Each file once, where it was first found: folders that overlap (``docs`` and
    ``docs/sub``, or a file named as well as its folder) would otherwise report a page twice."""
    seen: set[Path] = set()
    for _, walked in walks:
        kept = []
        for file in walked.files:
            where = file.path.absolute()
            if where not in seen:
                seen.add(where)
                kept.append(file)
        walked.files = kept


def _within(target: Path, folder: Path) -> str | None:
    """``target`` relative to ``folder`` with ``/`` ("." for the folder itself), None outside."""
    try:
        relative = target.resolve().relative_to(folder)
    except ValueError:
        return None
    return relative.as_posix()


def _site_reasons(
    config: Config,
    site_docs: Path,
    walks: list[tuple[Path, Walk]],
    project: Path,
    cwd: Path,
    store: PageCache | None,
) -> dict[str, str]:
    """Why each Markdown file of the site's docs folder is not a page ("" for a page), for the
    site's whole folder: which files it holds decides which one of two is shadowed."""
    if not any(_within(target, site_docs) is not None for target, _ in walks):
        return {}
    whole = next((walked for target, walked in walks if _within(target, site_docs) == "."), None)
    if whole is None:
        whole = walk_folder(site_docs, project, cwd)
    names = [file.relative for file in whole.files]
    return page_reasons(config, names, not whole.problems, store)


def _default_targets(config: Config, site_docs: Path | None) -> list[Path]:
    """The configured docs folders, checked against the site's docs_dir: a run that checks a
    part of the site, or passes over the site, is a configuration error."""
    declared = [config.root / folder for folder in config.docs]
    if site_docs is None:
        if not config.docs_declared and not declared[0].is_dir():
            return [config.root.resolve()]  # no docs/ either: the repository's own Markdown
        return declared
    if not config.docs_declared:
        return [site_docs]
    site = site_file(config)
    named = os.path.relpath(site_docs, config.root)
    where = f"{table_name(Path(config.display_path))} docs"
    for folder, path in zip(config.docs, declared, strict=True):
        real = path.resolve()
        if real != site_docs and (real.is_relative_to(site_docs) or site_docs.is_relative_to(real)):
            raise ConfigError(
                f"{where}: {folder!r} disagrees with the docs_dir of {site} ({named!r}): "
                f"expected {named!r}, or no docs key (the site's docs_dir is the default)"
            )
    covered = any(path.resolve() == site_docs for path in declared)
    # A mkdocs.yml the configuration names, or one inside the project, is this project's site.
    ours = config.mkdocs_config is not None or (
        site is not None and site.is_relative_to(config.root.resolve())
    )
    if not covered and ours:
        raise ConfigError(
            f"{where}: {list(config.docs)} leaves out the docs_dir of {site} ({named!r}), "
            f"which the site publishes: expected it among the folders"
        )
    return declared
