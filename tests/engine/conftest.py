"""Shared fixtures: the repository root and a temporary copy of the project to break safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of pyproject.toml and docs/index.md in a temporary folder, as the cwd."""
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(ROOT / "docs" / "index.md", tmp_path / "docs" / "index.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path
