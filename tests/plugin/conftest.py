"""Real `mkdocs build` / `mkdocs serve` runs on temporary copies of this site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPEN_ITEM = "- [ ] All production secrets rotated"


def open_finding(site: Path) -> str:
    """How the gate reports the note's open item, with its line and column read from the copy."""
    lines = (site / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(OPEN_ITEM))
    column = lines[line - 1].index("[ ]") + 1
    message = "open checklist item: 'All production secrets rotated'"
    return f"docs/index.md:{line}:{column}: AC101 {message}"


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ARCHCHECK_ALLOW_OPEN"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """mkdocs.yml, docs/ and pyproject.toml copied into a temporary project folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project)
    shutil.copy2(ROOT / "pyproject.toml", project)
    # Every page of the scratch project is a release note, the pages its tests add among them.
    gated = project / "pyproject.toml"
    gated.write_text(re.sub(r"(?m)^release-notes = .*\n", "", gated.read_text()))
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    # mkdocs.yml's hooks: (the generated Rules page)
    shutil.copytree(
        ROOT / "mkdocs_hooks",
        project / "mkdocs_hooks",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return project


Build = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def build(site: Path) -> Build:
    """Run `mkdocs build [args]` in the copy; stdout and stderr together in ``.stdout``."""

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *args],
            cwd=site,
            env=mkdocs_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )

    return run


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a copied file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tick(site: Path) -> None:
    edit(site / "docs" / "index.md", OPEN_ITEM, OPEN_ITEM.replace("[ ]", "[x]"))


def archcheck_lines(output: str, *levels: str) -> list[str]:
    """The plugin's log lines at the given MkDocs levels, without the level and prefix."""
    found = []
    for line in output.splitlines():
        level, _, message = line.partition(" -  ")
        if level.strip() in levels and message.startswith("archcheck: "):
            found.append(message.removeprefix("archcheck: "))
    return found
