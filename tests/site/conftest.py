"""Fixtures for the site tests: one real site build, one loopback server, one chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_core import install_axe_core
from note_page import NotePage, open_note
from playwright.sync_api import Browser
from site_build import MKDOCS_CONFIG, PROJECT_ROOT, build_site, serve_site


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


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js at its pinned version, installed from npm on first use."""
    return install_axe_core()
