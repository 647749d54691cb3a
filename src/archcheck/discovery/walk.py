"""Walking the folders to check: every Markdown file under them, symbolic links followed as
MkDocs follows them but never out of the project, and every folder that cannot be listed, link
that leaves the project or loop named as a problem rather than skipped."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from archcheck.sources import Problem

# Every suffix MkDocs makes a page of (mkdocs.utils.markdown_extensions; a test keeps the two
# equal). Matched here whatever the case, as GitHub shows them; which of them the site
# publishes as pages is the site's to say (site_pages.py).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def is_markdown_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Found:
    """A Markdown file: its path as walked (through any link), its path relative to the folder
    walked (as MkDocs names it: ``src_uri``) and as findings show it."""

    path: Path
    relative: str
    shown: str


@dataclass
class Walk:
    files: list[Found] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def display(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def _inside(target: Path, project: Path) -> bool:
    return target == project or target.is_relative_to(project)


def walk_file(path: Path, project: Path, cwd: Path) -> Walk:
    """One file named on its own: a link out of the project is not read."""
    walked = Walk()
    shown = display(path, cwd)
    if path.is_symlink():
        target = path.resolve()
        if not _inside(target, project):
            walked.problems.append(_outside(shown, target, project))
            return walked
    walked.files.append(Found(path, path.name, shown))
    return walked


def _outside(shown: str, target: Path, project: Path) -> Problem:
    return Problem(
        shown, f"is a symbolic link to {target}, outside the project ({project}): not read"
    )


# Folders a walk of a whole repository passes over (with no docs folder configured or found):
# tool state and installed packages, not anyone's notes. Hidden folders (.git, .venv, .tox) and
# any folder holding a virtual environment (pyvenv.cfg) are passed over too.
NOT_DOCS = frozenset({"node_modules", "venv", "__pypackages__", "_build", "buck-out", "dist"})


def not_docs(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    return name.startswith(".") or name in NOT_DOCS or Path(entry.path, "pyvenv.cfg").exists()


def walk_folder(folder: Path, project: Path, cwd: Path, *, whole_repository: bool = False) -> Walk:
    """The Markdown files under ``folder`` in Path order (a folder's files and subfolders sorted
    by name parts, as Paths sort). Folder names are worked out once per folder, not per file:
    on a tree of thousands of pages that was most of a cached run. ``whole_repository``: the
    folder is a repository's root, walked for want of a docs folder: NOT_DOCS is passed over."""
    walked = Walk()
    found: list[tuple[tuple[str, ...], Found]] = []
    start = folder.resolve()
    base_shown = display(folder, cwd)
    # (folder as walked, its real path, its relative name, its shown prefix, the real folders
    # above it); a real folder's real path is its parent's and its name, so only links resolve.
    pending: list[tuple[Path, Path, str, str, frozenset[Path]]] = [
        (folder, start, "", "" if base_shown == "." else base_shown.rstrip(os.sep) + os.sep,
         frozenset({start}))
    ]  # fmt: skip
    while pending:
        here, real_here, relative, prefix, above = pending.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except OSError as error:
            shown = prefix.rstrip(os.sep) or base_shown
            walked.problems.append(
                Problem(shown, f"cannot list this folder: {error.strerror or error}")
            )
            continue
        parts = here.parts
        for entry in listed:
            name = entry.name
            shown = prefix + name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir()  # through a link, as MkDocs' walk goes
            except OSError as error:
                walked.problems.append(Problem(shown, f"cannot read: {error.strerror or error}"))
                continue
            if is_link:
                target = Path(entry.path).resolve()
                if not target.exists():
                    if is_markdown_name(name):
                        walked.problems.append(Problem(shown, "is a broken symbolic link"))
                    continue
                if not _inside(target, project):
                    if is_dir or is_markdown_name(name):
                        walked.problems.append(_outside(shown, target, project))
                    continue
                if is_dir and target in above:
                    walked.problems.append(
                        Problem(shown, "is a symbolic link to a folder that holds it (a loop)")
                    )
                    continue
            if is_dir and whole_repository and not_docs(entry):
                continue
            if is_dir:
                real = target if is_link else real_here / name
                pending.append(
                    (Path(entry.path), real, relative + name + "/", shown + os.sep, above | {real})
                )
            elif is_markdown_name(name):
                found.append(((*parts, name), Found(Path(entry.path), relative + name, shown)))
    found.sort(key=lambda pair: pair[0])
    walked.files = [file for _, file in found]
    return walked
