"""Each builder builds the site once per session; the tests read and open what it built."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.builders.builds import (
    BIN,
    ZENSICAL_CONFIG,
    Build,
    builder,
    copy_site,
    open_refusing_other_hosts,
    properdocs_build,
    run,
    zensical_build,
)
from tests.site.note_page import NotePage
from tests.site.site_build import serve_site


@pytest.fixture(scope="session")
def properdocs_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    """The release build as CI runs it (strict, open items not allowed) and, side by side, a
    preview build (strict, open items allowed and shown) with the folder it built."""
    builder("properdocs")  # skips (or fails under CI=true) here, not in a worker thread
    gate_dir, preview_dir = (tmp_path_factory.mktemp(f"properdocs-{n}") for n in ("gate", "site"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        gate = pool.submit(properdocs_build, gate_dir)
        preview = pool.submit(properdocs_build, preview_dir, ARCHCHECK_ALLOW_OPEN="1")
        preview.result().succeeded()
        return gate.result(), preview_dir


@pytest.fixture(scope="session")
def properdocs_gate(properdocs_builds: tuple[Build, Path]) -> Build:
    return properdocs_builds[0]


@pytest.fixture(scope="session")
def properdocs_site(properdocs_builds: tuple[Build, Path]) -> Path:
    return properdocs_builds[1]


@pytest.fixture(scope="session")
def zensical_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site built by Zensical with the vendored Mermaid (ZENSICAL_CONFIG)."""
    root = copy_site(tmp_path_factory.mktemp("zensical"))
    (root / "zensical.yml").write_text(ZENSICAL_CONFIG, encoding="utf-8")
    # The generated pages, as files, for a builder that runs no hook or plugin to make them.
    run([str(BIN / "archcheck"), "pages", "--out", "docs/generated"], root)
    zensical_build(root, "zensical.yml").succeeded()
    return root


@pytest.fixture(scope="session")
def zensical_plain_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site built by Zensical from mkdocs.yml as it is."""
    root = copy_site(tmp_path_factory.mktemp("zensical-plain"))
    zensical_build(root, "mkdocs.yml").succeeded()
    return root


def _opener(browser: Browser, site_dir: Path) -> Iterator[Callable[[str], NotePage]]:
    opened: list[NotePage] = []
    with serve_site(site_dir) as url:

        def open_page(path: str = "") -> NotePage:
            opened.append(open_refusing_other_hosts(browser, url, path))
            return opened[-1]

        yield open_page
        for note in opened:
            note.close()


@pytest.fixture
def open_properdocs(browser: Browser, properdocs_site: Path) -> Iterator[Callable[[str], NotePage]]:
    yield from _opener(browser, properdocs_site)


@pytest.fixture
def open_zensical(browser: Browser, zensical_root: Path) -> Iterator[Callable[[str], NotePage]]:
    yield from _opener(browser, zensical_root / "site")


@pytest.fixture
def open_zensical_plain(
    browser: Browser, zensical_plain_root: Path
) -> Iterator[Callable[[str], NotePage]]:
    yield from _opener(browser, zensical_plain_root / "site")
