"""Find the chromium the browser tests drive, and decide what happens when there is none.

Every browser test (marked `browser`, or using the `browser` fixture) asks `require_chromium`
before its fixtures run, so none builds a site for a browser that is not there, and all of them
skip, or fail under CI=true, with the one reason `NO_CHROMIUM`."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

# Without the background-networking flags chromium keeps dialing hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The binary itself, not the /usr/bin wrapper, which sources /etc/chromium.d (API keys, flags).
DEBIAN_CHROMIUM = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
# ARCHCHECK_CHROMIUM=none: look nowhere, as on a machine without chromium.
NO_BROWSER = "none"
NO_CHROMIUM = (
    "no chromium found: apt-get install chromium, playwright install chromium, "
    "or set ARCHCHECK_CHROMIUM=/path"
)


def playwright_download() -> Path:
    """Where `playwright install chromium` puts chromium (asked of a Playwright of its own, so
    call it only while no other Playwright runs in this thread)."""
    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path)


def find_chromium(
    playwright_own: Callable[[], Path] = playwright_download,
    debian: Sequence[Path] = DEBIAN_CHROMIUM,
) -> Path | None:
    """$ARCHCHECK_CHROMIUM, then Debian's chromium, then Playwright's own download."""
    chosen = os.environ.get("ARCHCHECK_CHROMIUM")
    if chosen == NO_BROWSER:
        return None
    if chosen:
        if not Path(chosen).is_file():
            pytest.fail(f"ARCHCHECK_CHROMIUM={chosen} is not a file", pytrace=False)
        return Path(chosen)
    found = next((path for path in debian if path.is_file()), None)
    if found:
        return found
    own = playwright_own()
    return own if own.is_file() else None


def no_chromium() -> NoReturn:
    """Skip on a developer's machine; in CI (CI=true) a missing browser must never pass."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{NO_CHROMIUM} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(NO_CHROMIUM)


# One answer per test process: the environment does not change during a run.
_found: list[Path | None] = []


def require_chromium() -> Path:
    """The chromium to drive, or skip/fail as no_chromium says; looked for once per process."""
    if not _found:
        _found.append(find_chromium())
    found = _found[0]
    if found is None:
        no_chromium()
    return found


def launch_chromium(playwright: Playwright, executable: Path) -> Browser:
    """Start `executable` (from require_chromium) with the flags every browser test uses."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
