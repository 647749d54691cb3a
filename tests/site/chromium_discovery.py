"""Find the chromium the browser tests drive, and decide what happens when there is none."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pytest
from playwright.sync_api import Browser, Playwright

# Without the background-networking flags chromium keeps dialing hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEBIAN_CHROMIUM = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
NO_CHROMIUM = (
    "no chromium found: set ARCHCHECK_CHROMIUM, `apt-get install chromium` "
    "or `playwright install chromium`"
)


def find_chromium(playwright_own: Path, debian: Sequence[Path] = DEBIAN_CHROMIUM) -> Path | None:
    """$ARCHCHECK_CHROMIUM, then Debian's chromium, then Playwright's own download."""
    chosen = os.environ.get("ARCHCHECK_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            pytest.fail(f"ARCHCHECK_CHROMIUM={chosen} is not a file", pytrace=False)
        return Path(chosen)
    return next((path for path in (*debian, playwright_own) if path.is_file()), None)


def no_chromium() -> NoReturn:
    """Skip on a developer's machine; in CI (CI=true) a missing browser must never pass."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{NO_CHROMIUM} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(NO_CHROMIUM)


def launch_chromium(playwright: Playwright) -> Browser:
    """Start the chromium find_chromium picks, or skip/fail as no_chromium says."""
    executable = find_chromium(Path(playwright.chromium.executable_path))
    if executable is None:
        no_chromium()
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
