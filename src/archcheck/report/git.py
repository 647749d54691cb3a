"""The git commit a report describes, and whether the files it checked differ from it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _status(porcelain: str) -> list[tuple[str, str]]:
    """(XY, path) entries of `git status --porcelain=v1 -z`; a rename's old path is skipped."""
    fields = porcelain.split("\0")
    entries: list[tuple[str, str]] = []
    index = 0
    while index < len(fields):
        entry = fields[index]
        index += 1
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        entries.append((code, path))
        if "R" in code or "C" in code:
            index += 1
    return entries


def git_state(root: Path, checked: Iterable[Path]) -> dict[str, Any]:
    """``commit`` (HEAD), ``dirty`` and ``dirty_paths``; None for both outside a git work tree.

    Dirty means a tracked file differs from HEAD, or a checked file is not in git at all; other
    untracked files (a report being written, say) do not make the record dirty.
    """
    top = _git(root, "rev-parse", "--show-toplevel")
    commit = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    porcelain = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all")
    if top is None or porcelain is None:
        return {"commit": None, "dirty": None, "dirty_paths": []}
    toplevel = Path(top.strip()).resolve()
    ours = set()
    for path in checked:
        try:
            ours.add(path.resolve().relative_to(toplevel).as_posix())
        except ValueError:
            continue
    entries = _status(porcelain)
    dirty = any(code != "??" for code, _ in entries) or any(
        code == "??" and path in ours for code, path in entries
    )
    return {
        "commit": commit.strip() if commit else None,
        "dirty": dirty,
        "dirty_paths": sorted(path for _, path in entries if path in ours),
    }
