"""markdownlint-cli2 from the npm registry, installed by the benchmark at a pinned version into a
git-ignored folder, so its time on the same corpus can be put on record next to archcheck's."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

VERSION = "0.24.1"
INSTALL_SECONDS = 300


def executable(prefix: Path) -> Path:
    return prefix / "node_modules" / ".bin" / "markdownlint-cli2"


def ensure_installed(prefix: Path) -> Path | str:
    """The markdownlint-cli2 executable, or why it is not available (a one-line reason)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "n/a (node and npm not found)"
    binary = executable(prefix)
    stamp = prefix / f".installed-{VERSION}"
    if binary.exists() and stamp.exists():
        return binary
    prefix.mkdir(parents=True, exist_ok=True)
    command = [
        "npm",
        "install",
        "--prefix",
        str(prefix),
        "--no-audit",
        "--no-fund",
        "--no-save",
        "--loglevel=error",
        f"markdownlint-cli2@{VERSION}",
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=INSTALL_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return f"n/a (npm install timed out after {INSTALL_SECONDS} s)"
    if done.returncode != 0 or not binary.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"n/a (npm install failed: {last})"
    stamp.touch()
    return binary


def command(binary: Path) -> list[str]:
    """Lint every Markdown file under docs/ with markdownlint's default rules."""
    return [str(binary), "docs/**/*.md"]
