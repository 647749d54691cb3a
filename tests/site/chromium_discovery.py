"""Find the chromium the browser tests drive, and decide what happens when there is none."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pytest

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
