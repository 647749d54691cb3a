"""pre-commit: the published hook (.pre-commit-hooks.yaml), installed by pre-commit itself the way
another repository would get it, the snippet the docs show at the release tag they name, and
this repository's own .pre-commit-config.yaml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from archcheck import __version__
from tests.docs.sybil_support.fence_audit import scan

from .conftest import ROOT

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
GIT_IDENTITY = ["-c", "user.name=archcheck tests", "-c", "user.email=tests@example.invalid"]
RELEASE_TAG = f"v{__version__}"


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


def documented_snippets() -> list[tuple[str, str]]:
    """(where, text) of each .pre-commit-config.yaml the README and the docs show."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [
        (block.where, block.content + "\n")
        for page in pages
        for block in scan(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix())
        if block.language == "yaml" and re.search(r"(?m)^repos:", block.content)
    ]


SNIPPETS = documented_snippets()


@pytest.fixture(scope="session")
def release_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of this repository with its HEAD tagged v<version>, as pushing the release tag
    tags it (the release workflow publishes from that tag). Committed files only: the
    hook_repo tests cover the working tree."""
    clone = tmp_path_factory.mktemp("release") / "archcheck.git"
    git(clone.parent, "clone", "--quiet", "--bare", "--no-tags", str(ROOT), str(clone))
    git(clone, "tag", RELEASE_TAG, git(ROOT, "rev-parse", "HEAD"))
    return clone


def test_the_documented_rev_is_this_release() -> None:
    # A release bump changes __version__; this makes it change every documented rev with it.
    assert {where.partition(":")[0] for where, _ in SNIPPETS} >= {
        "README.md",
        "docs/archcheck/site-and-ci.md",
        "docs/archcheck/github-action.md",
    }
    for where, snippet in SNIPPETS:
        revs = [repo["rev"] for repo in yaml.safe_load(snippet)["repos"]]
        assert revs == [RELEASE_TAG], where


def test_the_release_workflow_publishes_from_the_documented_tag() -> None:
    release = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    assert release[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads `on` as True
    jobs = release["jobs"]
    check = next(s for s in jobs["build"]["steps"] if "TAG" in s.get("env", {}))
    assert check["env"]["TAG"] == "${{ github.ref_name }}"
    assert '"$TAG" != "v$version"' in check["run"] and "exit 1" in check["run"]
    github = jobs["github-release"]
    assert github["needs"] == "publish" and github["permissions"] == {"contents": "write"}
    create = github["steps"][-1]
    assert create["env"]["TAG"] == "${{ github.ref_name }}"
    assert create["run"].startswith('gh release create "$TAG" dist/* --verify-tag ')


@pytest.mark.parametrize(("where", "snippet"), SNIPPETS, ids=[where for where, _ in SNIPPETS])
def test_the_documented_snippet_at_the_release_tag(
    tmp_path: Path, release_clone: Path, pre_commit_home: Path, where: str, snippet: str
) -> None:
    # Exactly as documented, but for the repository's URL: here the tagged clone.
    config, replaced = re.subn(r"(?m)^(\s*- repo: ).*$", rf"\g<1>{release_clone}", snippet)
    assert replaced == 1, where
    consumer = repo_with_docs(tmp_path / "consumer", config)

    done = pre_commit(consumer, pre_commit_home, "run", "--all-files")
    assert done.returncode == 1, done.stdout
    assert "open checklist item: 'All production secrets rotated'" in done.stdout
    assert "archcheck...." in done.stdout and "Failed" in done.stdout

    tick(consumer)
    git(consumer, "add", ".")
    done = pre_commit(consumer, pre_commit_home, "run", "--all-files")
    assert done.returncode == 0, done.stdout
    assert "archcheck...." in done.stdout and "Passed" in done.stdout


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
