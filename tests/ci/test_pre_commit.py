"""pre-commit: the published hook (.pre-commit-hooks.yaml), installed by pre-commit itself the way
another repository would get it, and this repository's own .pre-commit-config.yaml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
GIT_IDENTITY = ["-c", "user.name=archcheck tests", "-c", "user.email=tests@example.invalid"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=folder, capture_output=True, text=True, check=True
    ).stdout.strip()


def pre_commit(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": f"{BIN}:{os.environ['PATH']}"}
    env.pop("ARCHCHECK_ALLOW_OPEN", None)
    return subprocess.run(
        [str(BIN / "pre-commit"), *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )


def repo_with_docs(folder: Path, config: str) -> Path:
    """A git repository holding this project's pyproject.toml and note, plus ``config``."""
    folder.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", folder)
    (folder / "docs").mkdir()
    shutil.copy2(ROOT / "docs" / "index.md", folder / "docs")
    (folder / ".pre-commit-config.yaml").write_text(config)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", ".")
    return folder


def tick(folder: Path) -> None:
    note = folder / "docs" / "index.md"
    note.write_text(note.read_text().replace("- [ ] All production", "- [x] All production"))


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree's package and hook manifest, committed to a repository of its own, so
    the test covers uncommitted changes too. Returns its path and commit."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, repo)
    shutil.copytree(ROOT / "src", repo / "src", ignore=shutil.ignore_patterns("__pycache__"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "archcheck")
    return repo, git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # One environment per session: pre-commit pip-installs the hook repository into it once.
    yield tmp_path_factory.mktemp("pre-commit-home")


def test_the_hook_manifest_is_valid(tmp_path: Path) -> None:
    done = pre_commit(ROOT, tmp_path, "validate-manifest", ".pre-commit-hooks.yaml")
    assert done.returncode == 0, done.stdout


def test_the_project_config_is_valid(tmp_path: Path) -> None:
    done = pre_commit(ROOT, tmp_path, "validate-config", ".pre-commit-config.yaml")
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("args", [None, "[--allow-open]"], ids=["default", "allow-open"])
def test_the_hook_from_another_repository(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path, args: str | None
) -> None:
    repo, commit = hook_repo
    config = f"repos:\n  - repo: {repo}\n    rev: {commit}\n    hooks:\n      - id: archcheck\n"
    if args:
        config += f"        args: {args}\n"
    consumer = repo_with_docs(tmp_path / "consumer", config)

    done = pre_commit(consumer, pre_commit_home, "run", "--all-files")
    assert "open checklist item: 'All production secrets rotated'" in done.stdout
    if args is None:  # fail closed by default
        assert done.returncode == 1, done.stdout
        assert "archcheck...." in done.stdout and "Failed" in done.stdout
    else:  # printed, but the commit goes through
        assert done.returncode == 0, done.stdout
        assert "[warning]" in done.stdout

    tick(consumer)
    git(consumer, "add", ".")
    done = pre_commit(consumer, pre_commit_home, "run", "--all-files")
    assert done.returncode == 0, done.stdout
    assert "archcheck...." in done.stdout and "Passed" in done.stdout


def test_the_project_config_lets_open_items_through_but_not_typos(tmp_path: Path) -> None:
    # Only the archcheck hook: ruff and mypy are the Makefile's `make lint`.
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    consumer = repo_with_docs(tmp_path / "project", config)
    done = pre_commit(consumer, tmp_path / "home", "run", "archcheck", "--all-files")
    assert done.returncode == 0, done.stdout
    assert "open checklist item: 'All production secrets rotated'" in done.stdout

    note = consumer / "docs" / "index.md"
    note.write_text(note.read_text().replace("`dw7txd0yf-0-qmvgmw`", "`dw7txd0yf-0-qmvgnw`", 1))
    done = pre_commit(consumer, tmp_path / "home", "run", "archcheck", "--all-files")
    assert done.returncode == 1, done.stdout
    assert "AC201 'dw7txd0yf-0-qmvgnw' is not a declared token" in done.stdout
