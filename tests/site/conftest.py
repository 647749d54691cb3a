"""Fixtures for the site tests: one real site build, one loopback server, one chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from note_page import NotePage, open_note
from playwright.sync_api import Browser, Playwright, sync_playwright
from site_build import MKDOCS_CONFIG, PROJECT_ROOT, build_site, serve_site

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEBIAN_CHROMIUM = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))


def _no_browser(reason: str) -> None:
    # On a developer's machine a missing browser is a skip; in CI it must never pass silently.
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(reason)


def find_chromium(playwright: Playwright) -> Path | None:
    """$ARCHCHECK_CHROMIUM, then Debian's chromium, then Playwright's own download."""
    chosen = os.environ.get("ARCHCHECK_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            pytest.fail(f"ARCHCHECK_CHROMIUM={chosen} is not a file", pytrace=False)
        return Path(chosen)
    candidates = [*DEBIAN_CHROMIUM, Path(playwright.chromium.executable_path)]
    return next((path for path in candidates if path.is_file()), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        executable = find_chromium(playwright)
        if executable is None:
            _no_browser(
                "no chromium found: set ARCHCHECK_CHROMIUM, `apt-get install chromium` "
                "or `playwright install chromium`"
            )
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once per session by a real `mkdocs build`."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(MKDOCS_CONFIG, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_site(built_site) as url:
        yield url


@pytest.fixture
def new_note_page(browser: Browser, site_url: str) -> Iterator[Callable[[], NotePage]]:
    """Open the note in a fresh context (own storage, own logs) for a test that interacts."""
    opened: list[NotePage] = []

    def open_fresh() -> NotePage:
        opened.append(open_note(browser, site_url))
        return opened[-1]

    yield open_fresh
    for note in opened:
        note.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots for people to look at after a run (git-ignored)."""
    path = PROJECT_ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
