"""The plugin parses each page once per build, and a rebuild re-parses only what changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import archcheck.engine
from archcheck import Document
from archcheck import load_config as load_archcheck_config
from archcheck.mkdocs_plugin.site_gate import PageCache


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every document the engine parses from now on."""
    seen: list[str] = []
    real: Callable[[str, str], Document] = archcheck.engine.parse

    def counting(text: str, path: str = "<string>") -> Document:
        seen.append(path)
        return real(text, path)

    monkeypatch.setattr(archcheck.engine, "parse", counting)
    return seen


@pytest.mark.slow
def test_a_build_parses_each_page_once(
    site: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    monkeypatch.delenv("ARCHCHECK_ALLOW_OPEN", raising=False)
    build(load_config(config_file=str(site / "mkdocs.yml")))
    pages = sorted(str(p.relative_to(site)) for p in (site / "docs").rglob("*.md"))
    assert sorted(parses) == pages
    assert (site / "site" / "release-readiness" / "index.html").exists()


def test_the_page_cache_reparses_only_changed_pages(site: Path, parses: list[str]) -> None:
    config = load_archcheck_config(site)
    cache = PageCache()
    cache.start(config, date(2030, 1, 1))
    note = (site / "docs" / "index.md").read_text()
    first = cache.check("docs/index.md", note)
    assert cache.check("docs/index.md", note) is first  # a rebuild with the page unchanged
    ticked = note.replace("- [ ] All production", "- [x] All production")
    assert not any(i for i in cache.check("docs/index.md", ticked).items if not i.checked)
    assert parses == ["docs/index.md", "docs/index.md"]
    cache.start(config, date(2030, 1, 2))  # a new day: a waiver may have expired overnight
    cache.check("docs/index.md", ticked)
    assert len(parses) == 3
