"""The code stays typed, linted and formatted: CI runs these, so style drift fails the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHECKED = ["src", "tests", "bench", "conftest.py", "mkdocs_hooks"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("ruff check", ("ruff", "check", "--no-cache", *CHECKED)),
        ("ruff format", ("ruff", "format", "--check", "--no-cache", *CHECKED)),
        ("mypy --strict", ("mypy",)),
    ],
)
def test_tool_reports_nothing(name: str, command: tuple[str, ...]) -> None:
    done = run(str(BIN / command[0]), *command[1:])
    assert done.returncode == 0, f"{name} found problems:\n{done.stdout}{done.stderr}"
