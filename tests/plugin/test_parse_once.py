"""The plugin parses each page at most once per build, and a rebuild re-parses only what
changed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import archcheck.document
from archcheck import Document
from archcheck import load_config as load_archcheck_config
from archcheck.engine import PageResult
from archcheck.mkdocs_plugin.site_gate import SitePages


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every document the engine parses from now on."""
    seen: list[str] = []
    real: Callable[..., Document] = archcheck.document.read_document

    def counting(text: str, path: str = "<string>", *args: object) -> Document:
        seen.append(path)
        return real(text, path, *args)

    # The engine imports parse() where it uses it, so this is the one it calls.
    monkeypatch.setattr(archcheck.document, "read_document", counting)
    return seen


@pytest.mark.slow
def test_a_build_parses_no_page_twice_and_a_rebuild_reuses_them(
    site: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    monkeypatch.delenv("ARCHCHECK_ALLOW_OPEN", raising=False)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(site / "cache"))
    build(load_config(config_file=str(site / "mkdocs.yml")))
    pages = {str(p.relative_to(site)) for p in (site / "docs").rglob("*.md")}
    # Pages that cannot hold a finding may not be parsed at all (the engine's pre-scan).
    assert "docs/index.md" in parses and set(parses) <= pages
    assert max(Counter(parses).values()) == 1
    assert (site / "site" / "release-readiness" / "index.html").exists()
    parsed = len(parses)
    build(
        load_config(config_file=str(site / "mkdocs.yml"))
    )  # the engine's cache, shared with the CLI
    assert len(parses) == parsed


def test_unchanged_pages_are_not_checked_again(
    site: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(site / "cache"))
    config = load_archcheck_config(site)
    pages = SitePages()
    pages.start(config, date(2030, 1, 1))
    note = (site / "docs" / "index.md").read_text()
    (first,) = pages.check([("docs/index.md", note)])
    assert pages.check([("docs/index.md", note)])[0] is first  # a serve rebuild, page unchanged
    ticked = note.replace("- [ ] All production", "- [x] All production")
    (again,) = pages.check([("docs/index.md", ticked)])
    assert isinstance(again, PageResult) and all(item.checked for item in again.items)
    assert parses == ["docs/index.md", "docs/index.md"]
    pages.start(config, date(2030, 1, 2))  # a new day: a waiver may have expired overnight
    assert pages.pages == {}
